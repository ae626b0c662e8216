namespace GenEft.Models.Perceptron;

/// <summary>
/// A training set of the D-dimensional ball model (Žunkovič and Ilievski Section 3): N positives x = u + epsilon e_1 and
/// N negatives x = u - epsilon e_1, each u uniform in the unit D-ball. Rows 0..N-1 of <see cref="Data"/> are the
/// positives, rows N..2N-1 the negatives.
/// </summary>
public sealed class BallModelTrainingSet
{
    private BallModelTrainingSet(LinearPerceptronData data, double epsilon, int samplesPerClass)
    {
        Data = data;
        Epsilon = epsilon;
        SamplesPerClass = samplesPerClass;
        PopulationError = new BallModelPopulationError(epsilon, data.Dimension);
    }

    /// <summary>The 2N labelled inputs.</summary>
    public LinearPerceptronData Data { get; }

    /// <summary>The class shift epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>N, the samples per class.</summary>
    public int SamplesPerClass { get; }

    /// <summary>D.</summary>
    public int Dimension => Data.Dimension;

    /// <summary>The exact test (population) error as a measure.</summary>
    public BallModelPopulationError PopulationError { get; }

    /// <summary>Draws a training set from the stream <paramref name="seed"/>.</summary>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="dimension">D, at least 1.</param>
    /// <param name="epsilon">The class shift, positive and finite.</param>
    /// <param name="seed">The seed; the same seed gives the same set.</param>
    /// <returns>The training set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static BallModelTrainingSet Sample(int samplesPerClass, int dimension, double epsilon, ulong seed)
    {
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        var random = new Xoshiro256StarStar(seed);
        var inputs = new double[2 * samplesPerClass * dimension];
        var labels = new double[2 * samplesPerClass];
        Fill(ref random, samplesPerClass, dimension, epsilon, inputs, labels);
        return new BallModelTrainingSet(LinearPerceptronData.Wrap(inputs, dimension, labels), epsilon, samplesPerClass);
    }

    /// <summary>The fraction of training samples misclassified by sgn(w . x).</summary>
    /// <param name="weights">w, of length D.</param>
    /// <returns>The training error.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double TrainingError(ReadOnlySpan<double> weights) => Data.Error(weights);

    /// <summary>The exact test error (<see cref="BallCapTestError.OfWeights"/>).</summary>
    /// <param name="weights">w, of length D.</param>
    /// <returns>The test error.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double TestError(ReadOnlySpan<double> weights) => PopulationError.Error(weights);

    /// <summary>Fills 2N rows (positives first) with u + y epsilon e_1, u uniform in the unit ball (a normal direction times U^(1/D)).</summary>
    internal static void Fill(ref Xoshiro256StarStar random, int samplesPerClass, int dimension, double epsilon, Span<double> inputs, Span<double> labels)
    {
        for (int i = 0; i < 2 * samplesPerClass; i++)
        {
            Span<double> x = inputs.Slice(i * dimension, dimension);
            SampleUnitBall(ref random, x);
            double y = i < samplesPerClass ? 1.0 : -1.0;
            x[0] += y * epsilon;
            labels[i] = y;
        }
    }

    /// <summary>A point uniform in the unit ball of dimension x.Length.</summary>
    internal static void SampleUnitBall(ref Xoshiro256StarStar random, Span<double> x)
    {
        double norm2;
        do
        {
            norm2 = 0;
            for (int k = 0; k < x.Length; k++)
            {
                double g = random.NextGaussian();
                x[k] = g;
                norm2 += g * g;
            }
        }
        while (norm2 == 0);

        double radius = Math.Pow(random.NextDouble(), 1.0 / x.Length);
        double scale = radius / Math.Sqrt(norm2);
        for (int k = 0; k < x.Length; k++)
        {
            x[k] *= scale;
        }
    }
}
