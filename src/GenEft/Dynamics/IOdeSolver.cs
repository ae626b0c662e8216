namespace GenEft.Dynamics;

/// <summary>
/// An initial-value-problem solver for <see cref="IOdeSystem"/>. An instance keeps its work buffers between solves
/// (so repeated solves allocate nothing) and is therefore not thread-safe: use one instance per thread.
/// </summary>
public interface IOdeSolver
{
    /// <summary>Integrates dy/dt = f(t, y) from (t0, y0) forward to <paramref name="tEnd"/> or to the first terminal event.</summary>
    /// <typeparam name="TSystem">The system type; a struct is specialized by the JIT, so its calls are direct.</typeparam>
    /// <param name="system">The right-hand side.</param>
    /// <param name="t0">The initial time.</param>
    /// <param name="initialState">The initial state y0, of length <see cref="IOdeSystem.Dimension"/>.</param>
    /// <param name="tEnd">The end time, not before <paramref name="t0"/>.</param>
    /// <param name="finalState">Receives the state at <see cref="OdeSolution.Time"/>; may alias <paramref name="initialState"/>.</param>
    /// <param name="request">Output times and events; default for none.</param>
    /// <returns>The status, final time, terminal event and statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or an event is null.</exception>
    /// <exception cref="ArgumentException">A span's length does not match the system's dimension, the output times are not non-decreasing, <paramref name="initialState"/> holds a NaN or an infinity, or the derivative f(t0, y0) does (the start lies outside the system's domain; parameter name "initialState"). A NaN met later ends the solve with <see cref="OdeStatus.Diverged"/> instead.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is not finite, <paramref name="tEnd"/> is before <paramref name="t0"/>, or an output time lies outside [t0, tEnd].</exception>
    OdeSolution Solve<TSystem>(TSystem system, double t0, ReadOnlySpan<double> initialState, double tEnd, Span<double> finalState, OdeRequest request = default)
        where TSystem : IOdeSystem;
}
