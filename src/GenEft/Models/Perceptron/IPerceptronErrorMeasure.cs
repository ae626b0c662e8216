namespace GenEft.Models.Perceptron;

/// <summary>
/// A classification error of a linear perceptron sgn(w . x) as a function of its weights: on a finite sample
/// (<see cref="LinearPerceptronData"/>) or on a whole distribution (<see cref="BallModelPopulationError"/>).
/// </summary>
public interface IPerceptronErrorMeasure
{
    /// <summary>The number of weights D.</summary>
    int Dimension { get; }

    /// <summary>The error of sgn(w . x), in [0, 1].</summary>
    /// <param name="weights">w, of length <see cref="Dimension"/>.</param>
    /// <returns>The error.</returns>
    double Error(ReadOnlySpan<double> weights);

    /// <summary>
    /// A continuous function of w that is positive where the error is 0 and negative where it is not (0 only on the
    /// boundary): the first zero-error time of a trajectory is the first time it crosses 0 from below.
    /// </summary>
    /// <param name="weights">w, of length <see cref="Dimension"/>.</param>
    /// <returns>The margin.</returns>
    double ZeroErrorMargin(ReadOnlySpan<double> weights);
}
