namespace GenEft.Dynamics;

/// <summary>An event function g(t, y); see <see cref="OdeEvent"/>.</summary>
/// <param name="t">The time.</param>
/// <param name="state">The state y.</param>
/// <returns>The value whose zero crossings are the events.</returns>
public delegate double OdeEventFunction(double t, ReadOnlySpan<double> state);
