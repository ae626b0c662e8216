namespace GenEft.Experiments;

/// <summary>Classifies a recorded learning curve into a phase (GenEFT Appendix B, Table 4, or the criteria given).</summary>
public static class PhaseClassifier
{
    /// <summary>
    /// Classifies <paramref name="curve"/> with the rules and the validation of <see cref="PhaseTracker"/>: every point is
    /// validated (also those after the phase is certain, which change nothing, as a run that stopped early would not
    /// have produced them).
    /// </summary>
    /// <param name="curve">Evaluations in strictly increasing step order, with non-decreasing times.</param>
    /// <param name="criteria">Criteria; null means <see cref="PhaseCriteria.Table4"/>.</param>
    /// <returns>The phase and the steps and times that decided it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A point has a negative step, a step not above the previous one, a time that is not finite, negative or below the
    /// previous one, or an accuracy outside [0, 1] (the message names the point); or the criteria are inconsistent.
    /// </exception>
    public static PhaseOutcome Classify(IEnumerable<LearningCurvePoint> curve, PhaseCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var tracker = new PhaseTracker(criteria);
        int index = 0;
        foreach (var point in curve)
        {
            if (tracker.Problem(point) is { } problem)
            {
                throw new ArgumentException($"Curve point {index} ({problem.Field}): {problem.Message}", nameof(curve));
            }

            tracker.Observe(point);
            index++;
        }

        return tracker.Outcome;
    }
}
