namespace GenEft.Experiments;

/// <summary>
/// Classifies a run while it trains (GenEFT Appendix B, Table 4, or the criteria given) and says when its phase is
/// certain, so the run can stop early. Feed it evaluations in increasing step order; <see cref="PhaseClassifier"/> runs
/// a recorded curve through the same rules and the same validation.
/// </summary>
/// <remarks>
/// Rules (see docs/experiments.md):
/// <list type="bullet">
/// <item>An accuracy is reached at the first observation no later than the budgets (<see cref="PhaseCriteria.Budget"/>
/// steps, <see cref="PhaseCriteria.TimeBudget"/> time) where it passes the threshold (<see cref="PhaseCriteria.Passes"/>;
/// NaN never does). Under <see cref="TestBeforeTrainRule.IgnoreUntilTrainReached"/> a test crossing counts only at or
/// after the train crossing.</item>
/// <item>Both reached: generalization when (test - train) on <see cref="PhaseCriteria.DelayAxis"/> is below the grokking
/// delay (a negative delay, test first, is generalization), grokking otherwise.</item>
/// <item>Train reached, test not: memorization. Train never reached: confusion, even when test was reached (Table 4
/// has train "No" only in the confusion row; <see cref="PhaseOutcome.TestReachedStep"/> still records it).</item>
/// <item>A non-finite loss before the phase is certain: divergence.</item>
/// <item>The phase is certain (<see cref="IsCertain"/>) once both accuracies are reached, the loss diverged, or an
/// observation at or beyond a budget was seen; later observations are still validated but change nothing.</item>
/// </list>
/// Every observation is validated: step &gt;= 0 and above the previous one, time finite, &gt;= 0 and not below the
/// previous one, accuracies in [0, 1] or NaN.
/// </remarks>
public sealed class PhaseTracker
{
    private long? _trainStep;
    private long? _testStep;
    private double? _trainTime;
    private double? _testTime;
    private long? _divergedStep;
    private long _lastStep = -1;
    private double _lastTime;
    private long _seenStep = -1;
    private double _seenTime;

    /// <summary>Creates a tracker for the given criteria.</summary>
    /// <param name="criteria">The criteria; null means <see cref="PhaseCriteria.Table4"/>.</param>
    /// <exception cref="ArgumentException">The criteria are inconsistent (a threshold of 1 with a strict comparison).</exception>
    public PhaseTracker(PhaseCriteria? criteria = null)
    {
        Criteria = criteria ?? PhaseCriteria.Table4;
        Criteria.Validate(nameof(criteria));
    }

    /// <summary>The criteria in use.</summary>
    public PhaseCriteria Criteria { get; }

    /// <summary>Whether no later observation can change the phase.</summary>
    public bool IsCertain { get; private set; }

    /// <summary>The last step observed and used, or -1 before the first observation.</summary>
    public long LastStep => _lastStep;

    /// <summary>The test crossing so far (what <see cref="Outcome"/> would report), without building an outcome.</summary>
    internal long? TestReachedStep => _testStep;

    /// <summary>Records one evaluation whose time equals its step, and returns <see cref="IsCertain"/>.</summary>
    /// <param name="step">Optimizer updates done; non-negative and greater than the previous observation's step.</param>
    /// <param name="loss">The training loss (only its finiteness matters).</param>
    /// <param name="trainAccuracy">Train accuracy, in [0, 1] or NaN.</param>
    /// <param name="testAccuracy">Test accuracy (NaN when there is no test set: never reached).</param>
    /// <returns>True when the phase is certain.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative or not after the previous one, or an accuracy is outside [0, 1].</exception>
    public bool Observe(long step, double loss, double trainAccuracy, double testAccuracy) =>
        Observe(new LearningCurvePoint(step, loss, trainAccuracy, testAccuracy, double.NaN));

    /// <summary>Records one evaluation and returns <see cref="IsCertain"/>.</summary>
    /// <param name="point">The evaluation: step above the previous one, time not below the previous one.</param>
    /// <returns>True when the phase is certain.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The point breaks a rule above (the parameter named is the offending field).</exception>
    public bool Observe(LearningCurvePoint point)
    {
        if (Problem(point) is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Field, problem.Value, problem.Message);
        }

        _seenStep = point.Step;
        _seenTime = point.Time;
        if (IsCertain || point.Step > Criteria.Budget || point.Time > Criteria.TimeBudget)
        {
            IsCertain = true;
            return true;
        }

        _lastStep = point.Step;
        _lastTime = point.Time;
        if (!double.IsFinite(point.Loss))
        {
            _divergedStep = point.Step;
            IsCertain = true;
            return true;
        }

        if (_trainStep is null && Criteria.Passes(point.TrainAccuracy))
        {
            _trainStep = point.Step;
            _trainTime = point.Time;
        }

        bool testMayCount = Criteria.TestBeforeTrain == TestBeforeTrainRule.CountsAsGeneralization || _trainStep is not null;
        if (_testStep is null && testMayCount && Criteria.Passes(point.TestAccuracy))
        {
            _testStep = point.Step;
            _testTime = point.Time;
        }

        IsCertain = (_trainStep is not null && _testStep is not null) || point.Step >= Criteria.Budget || point.Time >= Criteria.TimeBudget;
        return IsCertain;
    }

    /// <summary>The phase as of the observations so far (final once <see cref="IsCertain"/>).</summary>
    public PhaseOutcome Outcome
    {
        get
        {
            Phase phase;
            if (_divergedStep is not null)
            {
                phase = Phase.Divergence;
            }
            else if (_trainStep is { } train)
            {
                if (_testStep is { } test)
                {
                    double delay = Criteria.DelayAxis == CurveAxis.Steps ? test - train : _testTime!.Value - _trainTime!.Value;
                    phase = delay < Criteria.GrokkingDelay ? Phase.Generalization : Phase.Grokking;
                }
                else
                {
                    phase = Phase.Memorization;
                }
            }
            else
            {
                phase = Phase.Confusion;
            }

            return new PhaseOutcome(phase, _trainStep, _testStep, Math.Max(_lastStep, 0), _divergedStep, _trainTime, _testTime, _lastStep < 0 ? 0 : _lastTime);
        }
    }

    /// <summary>The first rule <paramref name="point"/> breaks after the observations so far, or null: the one validation path of tracker and classifier.</summary>
    internal (string Field, object Value, string Message)? Problem(in LearningCurvePoint point)
    {
        if (point.Step < 0 || point.Step <= _seenStep)
        {
            return ("step", point.Step, _seenStep < 0
                ? $"Steps must be non-negative; got {point.Step}."
                : $"Steps must increase; step {point.Step} follows step {_seenStep}.");
        }

        if (!double.IsFinite(point.Time) || point.Time < 0 || point.Time < _seenTime)
        {
            return ("time", point.Time, $"Times must be finite, non-negative and non-decreasing; time {point.Time} at step {point.Step} follows time {_seenTime}.");
        }

        if (!IsAccuracy(point.TrainAccuracy))
        {
            return ("trainAccuracy", point.TrainAccuracy, $"Accuracies must be in [0, 1] or NaN; the train accuracy at step {point.Step} is {point.TrainAccuracy}.");
        }

        if (!IsAccuracy(point.TestAccuracy))
        {
            return ("testAccuracy", point.TestAccuracy, $"Accuracies must be in [0, 1] or NaN; the test accuracy at step {point.Step} is {point.TestAccuracy}.");
        }

        return null;
    }

    private static bool IsAccuracy(double a) => double.IsNaN(a) || (a >= 0 && a <= 1);
}
