namespace GenEft.Dynamics;

/// <summary>How a solve ended.</summary>
public enum OdeStatus
{
    /// <summary>The integration reached the requested end time.</summary>
    Completed = 0,

    /// <summary>A terminal event stopped the integration; see <see cref="OdeSolution.TerminalEventIndex"/>.</summary>
    TerminatedByEvent = 1,

    /// <summary>The solver took its maximum number of steps before reaching the end time.</summary>
    MaxStepsExceeded = 2,

    /// <summary>The step size needed to meet the tolerances fell below the floating-point resolution of t (for instance at a blow-up or a non-finite right-hand side).</summary>
    StepSizeTooSmall = 3,

    /// <summary>A fixed-step solver produced a non-finite state (the step was too large for the problem, or the solution diverged).</summary>
    Diverged = 4,
}
