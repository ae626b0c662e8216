namespace GenEft.Dynamics;

/// <summary>How a solve ended.</summary>
public enum OdeStatus
{
    /// <summary>The integration reached the requested end time.</summary>
    Completed = 0,

    /// <summary>A terminal event stopped the integration; see <see cref="OdeSolution.TerminalEventIndex"/>.</summary>
    TerminatedByEvent = 1,

    /// <summary>The solver made its maximum number of step attempts before reaching the end time.</summary>
    MaxStepsExceeded = 2,

    /// <summary>
    /// The step size needed to meet the tolerances fell below the floating-point resolution of t while every stage
    /// stayed finite (for instance approaching a blow-up or a singularity).
    /// </summary>
    StepSizeTooSmall = 3,

    /// <summary>
    /// The state or the right-hand side became non-finite (NaN or infinity) and the solve cannot go on. A fixed-step
    /// solver reports it when a step produces a non-finite state (the step was too large, or the solution diverged); an
    /// adaptive solver retries with smaller steps and reports it when even a step at the resolution of t meets a
    /// non-finite stage (the right-hand side returns NaN or infinity there). The final state is the last finite one.
    /// </summary>
    Diverged = 4,
}
