namespace GenEft.Models.Perceptron;

/// <summary>
/// A labelled sample for a linear perceptron without bias: n inputs x_i in R^D (row-major) and labels y_i = +-1. It is
/// the training set of the ball model, and of any fixed-feature problem (e.g. tensor-network context features), for
/// the square-loss flow <see cref="LinearPerceptronFlow"/>. As an <see cref="IPerceptronErrorMeasure"/> it is the
/// empirical error: the fraction with y_i w . x_i &lt;= 0 (a point on the decision boundary counts as wrong).
/// </summary>
public sealed class LinearPerceptronData : IPerceptronErrorMeasure
{
    private readonly double[] inputs;
    private readonly double[] labels;

    /// <summary>Creates a sample (the arrays are copied).</summary>
    /// <param name="inputs">The inputs, row-major: input i is inputs[(i * dimension)..((i + 1) * dimension)]; finite.</param>
    /// <param name="dimension">D, at least 1; the length of <paramref name="inputs"/> must be labels.Length * D.</param>
    /// <param name="labels">The labels, each +1 or -1; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The lengths do not match, there are no samples, an input is not finite or a label is not +-1.</exception>
    public LinearPerceptronData(ReadOnlySpan<double> inputs, int dimension, ReadOnlySpan<double> labels)
    {
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        if (labels.IsEmpty)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(labels));
        }

        PerceptronArguments.ThrowIfLengthIsNot(inputs.Length, labels.Length * dimension, nameof(inputs));
        PerceptronArguments.ThrowIfNotFinite(inputs, nameof(inputs));
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (1.0 or -1.0))
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]}; labels must be +1 or -1.", nameof(labels));
            }
        }

        this.inputs = inputs.ToArray();
        this.labels = labels.ToArray();
        Dimension = dimension;
    }

    private LinearPerceptronData(double[] inputs, int dimension, double[] labels)
    {
        this.inputs = inputs;
        this.labels = labels;
        Dimension = dimension;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The number of samples n.</summary>
    public int Count => labels.Length;

    /// <summary>The inputs, row-major (n x D).</summary>
    public ReadOnlySpan<double> Inputs => inputs;

    /// <summary>The labels, +-1.</summary>
    public ReadOnlySpan<double> Labels => labels;

    /// <summary>Input i.</summary>
    /// <param name="index">i, in [0, n).</param>
    /// <returns>x_i.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<double> Input(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return inputs.AsSpan(index * Dimension, Dimension);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double Error(ReadOnlySpan<double> weights)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        int wrong = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            wrong += Margin(i, weights) > 0 ? 0 : 1;
        }

        return (double)wrong / labels.Length;
    }

    /// <summary>min_i y_i w . x_i: positive exactly when every sample is classified correctly.</summary>
    /// <param name="weights">w, of length D.</param>
    /// <returns>The smallest signed margin.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double ZeroErrorMargin(ReadOnlySpan<double> weights)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        double min = double.PositiveInfinity;
        for (int i = 0; i < labels.Length; i++)
        {
            min = Math.Min(min, Margin(i, weights));
        }

        return min;
    }

    /// <summary>
    /// The loss R(w) = (1/n) sum_i 1/2 (w . x_i - y_i)^2 + lambda1 |w|_1 + (lambda2/2) |w|^2 (Žunkovič and Ilievski
    /// Eq. 19 with n = 2N).
    /// </summary>
    /// <param name="weights">w, of length D.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double Loss(ReadOnlySpan<double> weights, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double r = Dot(i, weights) - labels[i];
            sum += r * r;
        }

        double l1 = 0, l2 = 0;
        foreach (double w in weights)
        {
            l1 += Math.Abs(w);
            l2 += w * w;
        }

        return (0.5 * sum / labels.Length) + (regularization.L1 * l1) + (0.5 * regularization.L2 * l2);
    }

    /// <summary>Wraps arrays the caller hands over (not copied, not checked).</summary>
    internal static LinearPerceptronData Wrap(double[] inputs, int dimension, double[] labels) => new(inputs, dimension, labels);

    /// <summary>C = (1/n) sum x x^T (row-major D x D) and a = (1/n) sum y x: the data part of G and a in Eq. 19.</summary>
    internal void Moments(Span<double> secondMoment, Span<double> labelMoment) => Moments(inputs, labels, Dimension, secondMoment, labelMoment);

    internal static void Moments(ReadOnlySpan<double> inputs, ReadOnlySpan<double> labels, int d, Span<double> secondMoment, Span<double> labelMoment)
    {
        secondMoment.Clear();
        labelMoment.Clear();
        int n = labels.Length;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> x = inputs.Slice(i * d, d);
            double y = labels[i];
            for (int r = 0; r < d; r++)
            {
                double xr = x[r];
                labelMoment[r] += y * xr;
                Span<double> row = secondMoment.Slice(r * d, d);
                for (int c = r; c < d; c++)
                {
                    row[c] += xr * x[c];
                }
            }
        }

        double scale = 1.0 / n;
        for (int r = 0; r < d; r++)
        {
            labelMoment[r] *= scale;
            for (int c = r; c < d; c++)
            {
                double v = secondMoment[(r * d) + c] * scale;
                secondMoment[(r * d) + c] = v;
                secondMoment[(c * d) + r] = v;
            }
        }
    }

    private double Margin(int i, ReadOnlySpan<double> weights) => labels[i] * Dot(i, weights);

    private double Dot(int i, ReadOnlySpan<double> weights)
    {
        ReadOnlySpan<double> x = inputs.AsSpan(i * Dimension, Dimension);
        double dot = 0;
        for (int k = 0; k < x.Length; k++)
        {
            dot += x[k] * weights[k];
        }

        return dot;
    }
}
