namespace GenEft.Dynamics;

/// <summary>
/// What to record during one solve besides the final state: states at requested output times (from the dense
/// output, so they do not constrain the step size) and events to locate. All buffers belong to the caller, so a
/// solve allocates nothing.
/// </summary>
public ref struct OdeRequest
{
    /// <summary>Times at which to record the state, non-decreasing and inside [t0, tEnd]; empty for none.</summary>
    public ReadOnlySpan<double> OutputTimes { get; init; }

    /// <summary>
    /// Receives the recorded states, row-major: the state at <c>OutputTimes[i]</c> goes to
    /// <c>OutputStates[(i * dimension)..((i + 1) * dimension)]</c>. Rows past a terminal event are left untouched.
    /// </summary>
    public Span<double> OutputStates { get; init; }

    /// <summary>The events to locate; null entries are not allowed.</summary>
    public ReadOnlySpan<IOdeEvent> Events { get; init; }

    /// <summary>Receives every located event in time order; optional.</summary>
    public IOdeEventObserver? EventObserver { get; init; }
}
