namespace GenEft.Dynamics;

/// <summary>The outcome of one solve; the final state itself is written into the caller's span.</summary>
/// <param name="Status">How the solve ended.</param>
/// <param name="Time">The time the final state belongs to: the end time, the terminal event's time, or where the solver stopped.</param>
/// <param name="TerminalEventIndex">The index of the terminal event that stopped the solve, or -1.</param>
/// <param name="Statistics">Steps, rejected steps and right-hand-side evaluations.</param>
public readonly record struct OdeSolution(OdeStatus Status, double Time, int TerminalEventIndex, OdeStatistics Statistics)
{
    /// <summary>Whether the solve ended normally (at the end time or at a terminal event).</summary>
    public bool Succeeded => Status is OdeStatus.Completed or OdeStatus.TerminatedByEvent;
}
