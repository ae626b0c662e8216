namespace GenEft.Models.Perceptron;

/// <summary>
/// A training set of the 1D exponential model (Žunkovič and Ilievski Section 2): N positives x = epsilon + e and
/// N negatives x = -epsilon - e, each offset e drawn from Exp(1). The student is f(x) = sgn(x - b) with the weight
/// fixed to 1 and the bias b trained.
/// </summary>
public sealed class ExponentialModelTrainingSet
{
    private readonly double[] positiveOffsets;
    private readonly double[] negativeOffsets;

    /// <summary>Creates a training set from given offsets (the distances of the samples beyond +-epsilon).</summary>
    /// <param name="epsilon">Half the gap between the classes, positive and finite.</param>
    /// <param name="positiveOffsets">The offsets e of the positives (x = epsilon + e), non-negative and finite; at least one.</param>
    /// <param name="negativeOffsets">The offsets e of the negatives (x = -epsilon - e), as many as the positives.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentException">The offsets are empty, of different lengths, negative or not finite.</exception>
    public ExponentialModelTrainingSet(double epsilon, ReadOnlySpan<double> positiveOffsets, ReadOnlySpan<double> negativeOffsets)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        if (positiveOffsets.Length == 0)
        {
            throw new ArgumentException("At least one sample per class is needed.", nameof(positiveOffsets));
        }

        PerceptronArguments.ThrowIfLengthIsNot(negativeOffsets.Length, positiveOffsets.Length, nameof(negativeOffsets));
        ThrowIfNotOffsets(positiveOffsets, nameof(positiveOffsets));
        ThrowIfNotOffsets(negativeOffsets, nameof(negativeOffsets));
        Epsilon = epsilon;
        this.positiveOffsets = positiveOffsets.ToArray();
        this.negativeOffsets = negativeOffsets.ToArray();
        (Mean, MinPositiveOffset, MinNegativeOffset) = Summarize(this.positiveOffsets, this.negativeOffsets);
    }

    private ExponentialModelTrainingSet(double epsilon, double[] positives, double[] negatives)
    {
        Epsilon = epsilon;
        positiveOffsets = positives;
        negativeOffsets = negatives;
        (Mean, MinPositiveOffset, MinNegativeOffset) = Summarize(positives, negatives);
    }

    /// <summary>Half the gap between the classes, epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>The number of samples per class, N.</summary>
    public int SamplesPerClass => positiveOffsets.Length;

    /// <summary>The offsets e of the positives (x = epsilon + e).</summary>
    public ReadOnlySpan<double> PositiveOffsets => positiveOffsets;

    /// <summary>The offsets e of the negatives (x = -epsilon - e).</summary>
    public ReadOnlySpan<double> NegativeOffsets => negativeOffsets;

    /// <summary>
    /// xbar = (1/2N) sum of all 2N inputs = (mean positive offset - mean negative offset) / 2 (epsilon cancels), the
    /// quantity that drives the flow (Žunkovič and Ilievski Eq. 5).
    /// </summary>
    public double Mean { get; }

    /// <summary>x_min, the smallest offset of the positive class (Eq. 16): the positive sample nearest the gap.</summary>
    public double MinPositiveOffset { get; }

    /// <summary>The smallest offset of the negative class.</summary>
    public double MinNegativeOffset { get; }

    /// <summary>Draws a training set: 2N independent Exp(1) offsets from the stream <paramref name="seed"/>.</summary>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="epsilon">Half the gap between the classes, positive and finite.</param>
    /// <param name="seed">The seed; the same seed gives the same set.</param>
    /// <returns>The training set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samplesPerClass"/> is less than 1 or <paramref name="epsilon"/> is not positive and finite.</exception>
    public static ExponentialModelTrainingSet Sample(int samplesPerClass, double epsilon, ulong seed)
    {
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        var random = new Xoshiro256StarStar(seed);
        var positives = new double[samplesPerClass];
        var negatives = new double[samplesPerClass];
        Fill(ref random, positives, negatives);
        return new ExponentialModelTrainingSet(epsilon, positives, negatives);
    }

    /// <summary>The fraction of the 2N training samples that sgn(x - b) misclassifies (x - b = 0 counts as wrong).</summary>
    /// <param name="bias">The bias b.</param>
    /// <returns>The training error in [0, 1].</returns>
    public double TrainingError(double bias)
    {
        int wrong = 0;
        foreach (double e in positiveOffsets)
        {
            wrong += Epsilon + e - bias > 0 ? 0 : 1;
        }

        foreach (double e in negativeOffsets)
        {
            wrong += -Epsilon - e - bias < 0 ? 0 : 1;
        }

        return wrong / (2.0 * positiveOffsets.Length);
    }

    /// <summary>The population (test) error at bias b, Žunkovič and Ilievski Eq. 7; see <see cref="ExponentialModelTestError"/>.</summary>
    /// <param name="bias">The bias b.</param>
    /// <returns>The test error in [0, 1/2).</returns>
    public double TestError(double bias) => ExponentialModelTestError.Of(bias, Epsilon);

    /// <summary>
    /// The loss R(b) = (1/2N) sum_i 1/2 (x_i - b - y_i)^2 + lambda1 |b| + (lambda2 / 2) b^2 (Žunkovič and Ilievski Eq. 2
    /// with the weight fixed to 1).
    /// </summary>
    /// <param name="bias">The bias b.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The loss.</returns>
    public double Loss(double bias, PerceptronRegularization regularization)
    {
        double sum = 0;
        foreach (double e in positiveOffsets)
        {
            double r = Epsilon + e - bias - 1;
            sum += r * r;
        }

        foreach (double e in negativeOffsets)
        {
            double r = -Epsilon - e - bias + 1;
            sum += r * r;
        }

        return (sum / (4.0 * positiveOffsets.Length)) + (regularization.L1 * Math.Abs(bias)) + (0.5 * regularization.L2 * bias * bias);
    }

    /// <summary>Fills both classes' offsets with Exp(1) draws from <paramref name="random"/>.</summary>
    internal static void Fill(ref Xoshiro256StarStar random, Span<double> positives, Span<double> negatives)
    {
        for (int i = 0; i < positives.Length; i++)
        {
            positives[i] = random.NextExponential();
        }

        for (int i = 0; i < negatives.Length; i++)
        {
            negatives[i] = random.NextExponential();
        }
    }

    /// <summary>xbar, the smallest positive offset and the smallest negative offset of the given offsets.</summary>
    internal static (double Mean, double MinPositive, double MinNegative) Summarize(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        double sumPositive = 0, sumNegative = 0, minPositive = double.PositiveInfinity, minNegative = double.PositiveInfinity;
        foreach (double e in positives)
        {
            sumPositive += e;
            minPositive = Math.Min(minPositive, e);
        }

        foreach (double e in negatives)
        {
            sumNegative += e;
            minNegative = Math.Min(minNegative, e);
        }

        return ((sumPositive - sumNegative) / (2.0 * positives.Length), minPositive, minNegative);
    }

    private static void ThrowIfNotOffsets(ReadOnlySpan<double> offsets, string paramName)
    {
        for (int i = 0; i < offsets.Length; i++)
        {
            if (!(offsets[i] >= 0 && double.IsFinite(offsets[i])))
            {
                throw new ArgumentException($"{paramName}[{i}] = {offsets[i]}; offsets must be non-negative and finite.", paramName);
            }
        }
    }
}
