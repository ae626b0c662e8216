namespace GenEft.Dynamics;

/// <summary>
/// An event: a scalar function g(t, y) whose zero crossings the solver locates by root-finding on its dense output.
/// A terminal event stops the integration at the crossing.
/// </summary>
public interface IOdeEvent
{
    /// <summary>Which crossings count.</summary>
    EventDirection Direction { get; }

    /// <summary>Whether the first counted crossing stops the integration.</summary>
    bool IsTerminal { get; }

    /// <summary>Evaluates g(t, y).</summary>
    /// <param name="t">The time.</param>
    /// <param name="state">The state y.</param>
    /// <returns>The event function's value; the event happens where it crosses zero.</returns>
    double Evaluate(double t, ReadOnlySpan<double> state);
}
