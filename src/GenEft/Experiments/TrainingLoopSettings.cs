namespace GenEft.Experiments;

/// <summary>
/// How <see cref="TrainingLoop"/> runs: phase criteria (and with them the budgets), when to evaluate, how steps become
/// time, and when to stop early. Defaults: GenEFT Table 4, an evaluation every 10 steps, t = steps x learning rate of
/// the first parameter group, stop as soon as the phase is certain.
/// </summary>
public sealed record TrainingLoopSettings
{
    /// <summary>Phase criteria, including the step and time budgets (default <see cref="PhaseCriteria.Table4"/>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public PhaseCriteria Criteria { get; init => field = value ?? throw new ArgumentNullException(nameof(Criteria)); } = PhaseCriteria.Table4;

    /// <summary>
    /// Evaluate (train and test sets, one curve point) every this many steps or epochs, counted from step 0; also at the
    /// budget, at a non-finite training loss and when a stop rule fires. At least 1 step or epoch. Default 10 steps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is 0.</exception>
    public TrainingInterval EvaluationInterval
    {
        get;
        init => field = value.Count >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EvaluationInterval), value, "Evaluate at least every 1 step or epoch.");
    } = TrainingInterval.Steps(10);

    /// <summary>How steps become <see cref="LearningCurvePoint.Time"/> (default <see cref="TimeUnit.StepsTimesLearningRate"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined unit.</exception>
    public TimeUnit TimeUnit
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(TimeUnit), value, "Not a defined TimeUnit.");
    } = TimeUnit.StepsTimesLearningRate;

    /// <summary>The optimizer group whose learning rate defines time under the *TimesLearningRate units (default 0, the first); at least 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int TimeReferenceGroup
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(TimeReferenceGroup));
            field = value;
        }
    }

    /// <summary>Stop as soon as the phase is certain (see <see cref="PhaseTracker"/>). Default true.</summary>
    public bool StopWhenCertain { get; init; } = true;

    /// <summary>
    /// Stop this many steps or epochs after the test accuracy was first reached (per <see cref="Criteria"/>: with
    /// <see cref="PhaseCriteria.ZeroErrorGrokking"/>, after the test error first reached 0), at an evaluation made then.
    /// Null (the default): no such rule. Usually combined with <see cref="StopWhenCertain"/> off.
    /// </summary>
    public TrainingInterval? StopAfterTestReached { get; init; }

    /// <summary>Any other stop rule: called with each curve point, true stops the run. Default none.</summary>
    public Func<LearningCurvePoint, bool>? StopWhen { get; init; }

    /// <summary>Keep every evaluation in <see cref="TrainingResult.Curve"/>. Default true; sweeps may turn it off.</summary>
    public bool RecordCurve { get; init; } = true;
}
