namespace GenEft.Dynamics;

/// <summary>Receives every located event (terminal or not) in time order during a solve.</summary>
public interface IOdeEventObserver
{
    /// <summary>Called once per located event.</summary>
    /// <param name="eventIndex">The index of the event in <see cref="OdeRequest.Events"/>.</param>
    /// <param name="t">The located time of the zero crossing.</param>
    /// <param name="state">The state at <paramref name="t"/>, from the dense output; valid only during the call.</param>
    void OnEvent(int eventIndex, double t, ReadOnlySpan<double> state);
}
