namespace GenEft.Dynamics;

/// <summary>
/// A first-order system of ordinary differential equations dy/dt = f(t, y) over a state vector of fixed length.
/// Implement it on a struct or a sealed class; the solvers call <see cref="Evaluate"/> many times per step and never
/// allocate around the call.
/// </summary>
public interface IOdeSystem
{
    /// <summary>The length of the state vector y.</summary>
    int Dimension { get; }

    /// <summary>Writes the right-hand side f(t, y) into <paramref name="derivative"/>.</summary>
    /// <param name="t">The time.</param>
    /// <param name="state">The state y, of length <see cref="Dimension"/>.</param>
    /// <param name="derivative">Receives dy/dt, of length <see cref="Dimension"/>; never aliases <paramref name="state"/>.</param>
    void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative);
}
