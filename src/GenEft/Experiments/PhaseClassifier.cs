namespace GenEft.Experiments;

/// <summary>Classifies a recorded learning curve into a phase (GenEFT Appendix B, Table 4).</summary>
public static class PhaseClassifier
{
    /// <summary>
    /// Classifies <paramref name="curve"/> with the rules of <see cref="PhaseTracker"/>: points are read in order until
    /// the phase is certain; later points (as a run that stopped early would not have produced) are ignored.
    /// </summary>
    /// <param name="curve">Evaluations in strictly increasing step order.</param>
    /// <param name="criteria">Thresholds; null means <see cref="PhaseCriteria.Table4"/>.</param>
    /// <returns>The phase and the steps that decided it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">The steps are negative or do not strictly increase.</exception>
    public static PhaseOutcome Classify(IEnumerable<LearningCurvePoint> curve, PhaseCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var tracker = new PhaseTracker(criteria);
        long previous = -1;
        foreach (var point in curve)
        {
            if (point.Step <= previous)
            {
                throw new ArgumentException($"Curve steps must be non-negative and strictly increasing; step {point.Step} follows {previous}.", nameof(curve));
            }

            previous = point.Step;
            if (tracker.Observe(point.Step, point.Loss, point.TrainAccuracy, point.TestAccuracy))
            {
                break;
            }
        }

        return tracker.Outcome;
    }
}
