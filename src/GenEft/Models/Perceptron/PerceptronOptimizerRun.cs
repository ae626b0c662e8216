namespace GenEft.Models.Perceptron;

/// <summary>The result of a discrete-optimizer run of a perceptron.</summary>
/// <param name="Curve">The learning curve at the evaluation steps, with time = step x learning rate.</param>
/// <param name="FinalWeights">The parameters after the last step (the bias alone for the 1D model).</param>
/// <param name="StepsRun">The optimizer steps taken.</param>
/// <param name="ZeroTrainingErrorStep">The first step (0 = before training) after which the training error was 0, or null.</param>
/// <param name="ZeroTestErrorStep">The first step after which the test error was 0, or null.</param>
/// <param name="LearningRate">The learning rate, to convert steps to time.</param>
public sealed record PerceptronOptimizerRun(
    IReadOnlyList<PerceptronCurvePoint> Curve,
    IReadOnlyList<double> FinalWeights,
    long StepsRun,
    long? ZeroTrainingErrorStep,
    long? ZeroTestErrorStep,
    double LearningRate)
{
    /// <summary>The zero-error steps as times (step x learning rate; +infinity if not reached) and t_G.</summary>
    public PerceptronGrokkingTimes GrokkingTimes
        => new(ZeroTrainingErrorStep is long a ? a * LearningRate : double.PositiveInfinity, ZeroTestErrorStep is long b ? b * LearningRate : double.PositiveInfinity);
}
