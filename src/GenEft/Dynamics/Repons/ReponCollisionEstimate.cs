namespace GenEft.Dynamics.Repons;

/// <summary>The result of a <see cref="ReponCollisionMonteCarlo"/> run.</summary>
/// <param name="Samples">Initializations drawn.</param>
/// <param name="Collisions">Runs that ended at the collision event (or started past its threshold).</param>
/// <param name="Memorizations">Runs that ended at the memorization event (or started past its threshold).</param>
/// <param name="Undecided">Runs that reached the end time or the step limit before either event.</param>
/// <param name="DecidedAtStart">Runs whose initial point was already past a verdict threshold, so no integration was needed.</param>
/// <param name="DisagreementsWithConservedQuantity">Decided runs whose integrated verdict differs from the sign of C(0) (GenEFT Eq. 11); 0 when the integration is right.</param>
/// <param name="Steps">Accepted solver steps over all runs.</param>
/// <param name="RejectedSteps">Rejected solver steps over all runs.</param>
/// <param name="Evaluations">Right-hand-side evaluations over all runs.</param>
public sealed record ReponCollisionEstimate(
    long Samples,
    long Collisions,
    long Memorizations,
    long Undecided,
    long DecidedAtStart,
    long DisagreementsWithConservedQuantity,
    long Steps,
    long RejectedSteps,
    long Evaluations)
{
    /// <summary>The estimated collision probability, Collisions / Samples (undecided runs count as not colliding).</summary>
    public double Probability => (double)Collisions / Samples;

    /// <summary>The binomial standard error sqrt(P (1 - P) / Samples) of <see cref="Probability"/>.</summary>
    public double StandardError => Math.Sqrt(Probability * (1 - Probability) / Samples);
}
