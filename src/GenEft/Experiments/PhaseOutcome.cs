namespace GenEft.Experiments;

/// <summary>
/// The classified result of a run (GenEFT Appendix B, Table 4) with the steps that decided it.
/// </summary>
/// <param name="Phase">The phase.</param>
/// <param name="TrainReachedStep">First observed step with train accuracy above the threshold, or null.</param>
/// <param name="TestReachedStep">First observed step with test accuracy above the threshold, or null (recorded even when train never got there).</param>
/// <param name="LastStep">The last step observed before the phase was certain (the run can stop there).</param>
/// <param name="DivergedStep">The step at which the loss stopped being finite, or null.</param>
public sealed record PhaseOutcome(Phase Phase, long? TrainReachedStep, long? TestReachedStep, long LastStep, long? DivergedStep)
{
    /// <summary>Test step minus train step when both were reached (negative when test came first), else null.</summary>
    public long? GrokkingDelay => TrainReachedStep is { } train && TestReachedStep is { } test ? test - train : null;
}
