namespace GenEft.Models.Perceptron;

/// <summary>
/// The exact test error of the ball model as an <see cref="IPerceptronErrorMeasure"/>: the cap volume of
/// <see cref="BallCapTestError.OfWeights"/>, with zero-error margin epsilon w_1 - |w| (non-negative exactly when h &gt;= 1).
/// </summary>
public sealed class BallModelPopulationError : IPerceptronErrorMeasure
{
    /// <summary>Creates the measure.</summary>
    /// <param name="epsilon">The class shift, positive and finite.</param>
    /// <param name="dimension">D, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public BallModelPopulationError(double epsilon, int dimension)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        Epsilon = epsilon;
        Dimension = dimension;
    }

    /// <summary>The class shift epsilon.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double Error(ReadOnlySpan<double> weights)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        return BallCapTestError.OfWeightsUnchecked(weights, Epsilon);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public double ZeroErrorMargin(ReadOnlySpan<double> weights)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        return BallCapTestError.ZeroErrorMargin(weights, Epsilon);
    }
}
