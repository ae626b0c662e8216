namespace GenEft.Experiments;

/// <summary>
/// Classifies a run while it trains (GenEFT Appendix B, Table 4) and says when its phase is certain, so the run
/// can stop early. Feed it observations in increasing step order.
/// </summary>
/// <remarks>
/// Rules (see docs/experiments.md):
/// <list type="bullet">
/// <item>An accuracy is reached at the first observed step no later than the budget where it is strictly above the
/// threshold (a tie does not count; NaN never counts).</item>
/// <item>Both reached: generalization when test step - train step &lt; the grokking delay (a negative delay, test
/// first, is generalization), grokking otherwise.</item>
/// <item>Train reached, test not: memorization. Train never reached: confusion, even when test was reached (Table 4
/// has train "No" only in the confusion row; <see cref="PhaseOutcome.TestReachedStep"/> still records it).</item>
/// <item>A non-finite loss before the phase is certain: divergence.</item>
/// <item>The phase is certain (<see cref="IsCertain"/>) once both accuracies are reached, the loss diverged, or a step
/// at or beyond the budget was observed. Memorization and confusion are only certain at the budget, because a
/// later test (or train) crossing would still change them; observations after certainty are ignored.</item>
/// </list>
/// </remarks>
public sealed class PhaseTracker
{
    private long? _trainStep;
    private long? _testStep;
    private long? _divergedStep;
    private long _lastStep = -1;

    /// <summary>Creates a tracker for the given criteria.</summary>
    /// <param name="criteria">The Table 4 thresholds; null means <see cref="PhaseCriteria.Table4"/>.</param>
    public PhaseTracker(PhaseCriteria? criteria = null) => Criteria = criteria ?? PhaseCriteria.Table4;

    /// <summary>The thresholds in use.</summary>
    public PhaseCriteria Criteria { get; }

    /// <summary>Whether no later observation can change the phase.</summary>
    public bool IsCertain { get; private set; }

    /// <summary>The last step observed (and used), or -1 before the first observation.</summary>
    public long LastStep => _lastStep;

    /// <summary>Records one evaluation and returns <see cref="IsCertain"/>.</summary>
    /// <param name="step">Optimizer updates done; non-negative and greater than the previous observation's step.</param>
    /// <param name="loss">The training loss (only its finiteness matters).</param>
    /// <param name="trainAccuracy">Train accuracy.</param>
    /// <param name="testAccuracy">Test accuracy (NaN when there is no test set: never reached).</param>
    /// <returns>True when the phase is certain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative or not after the previous step.</exception>
    public bool Observe(long step, double loss, double trainAccuracy, double testAccuracy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step <= _lastStep)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Steps must increase; the previous observation was step {_lastStep}.");
        }

        if (IsCertain || step > Criteria.Budget)
        {
            IsCertain = true;
            return true;
        }

        _lastStep = step;
        if (!double.IsFinite(loss))
        {
            _divergedStep = step;
            IsCertain = true;
            return true;
        }

        if (_trainStep is null && trainAccuracy > Criteria.Threshold)
        {
            _trainStep = step;
        }

        if (_testStep is null && testAccuracy > Criteria.Threshold)
        {
            _testStep = step;
        }

        IsCertain = (_trainStep is not null && _testStep is not null) || step >= Criteria.Budget;
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
                phase = _testStep is { } test
                    ? (test - train < Criteria.GrokkingDelay ? Phase.Generalization : Phase.Grokking)
                    : Phase.Memorization;
            }
            else
            {
                phase = Phase.Confusion;
            }

            return new PhaseOutcome(phase, _trainStep, _testStep, Math.Max(_lastStep, 0), _divergedStep);
        }
    }
}
