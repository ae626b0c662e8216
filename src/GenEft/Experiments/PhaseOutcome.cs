namespace GenEft.Experiments;

/// <summary>
/// The classified result of a run (GenEFT Appendix B, Table 4, or the criteria given) with the steps and times that
/// decided it.
/// </summary>
/// <param name="Phase">The phase.</param>
/// <param name="TrainReachedStep">First observed step with the train accuracy reached, or null.</param>
/// <param name="TestReachedStep">First observed step with the test accuracy reached, or null (recorded even when train never got there).</param>
/// <param name="LastStep">The last step observed before the phase was certain (the run can stop there).</param>
/// <param name="DivergedStep">The step at which the loss stopped being finite, or null.</param>
/// <param name="TrainReachedTime">The training time at <paramref name="TrainReachedStep"/>, or null.</param>
/// <param name="TestReachedTime">The training time at <paramref name="TestReachedStep"/>, or null.</param>
/// <param name="LastTime">The training time at <paramref name="LastStep"/>.</param>
public sealed record PhaseOutcome(
    Phase Phase,
    long? TrainReachedStep,
    long? TestReachedStep,
    long LastStep,
    long? DivergedStep,
    double? TrainReachedTime,
    double? TestReachedTime,
    double LastTime)
{
    /// <summary>Test step minus train step when both were reached (negative when test came first), else null.</summary>
    public long? GrokkingDelay => TrainReachedStep is { } train && TestReachedStep is { } test ? test - train : null;

    /// <summary>
    /// Test time minus train time when both were reached, else null: with <see cref="PhaseCriteria.ZeroErrorGrokking"/>,
    /// the perceptron papers' grokking time t_G = (first time the test error is 0) - (first time the training error is 0).
    /// </summary>
    public double? GrokkingTime => TrainReachedTime is { } train && TestReachedTime is { } test ? test - train : null;
}
