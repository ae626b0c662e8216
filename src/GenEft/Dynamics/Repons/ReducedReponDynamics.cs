namespace GenEft.Dynamics.Repons;

/// <summary>
/// The right-hand side of <see cref="ReducedReponSystem"/> as a struct, so the solver's generic code is specialized
/// for it and the two multiplications inline into the Runge-Kutta stages (the Monte Carlo hot loop).
/// </summary>
internal readonly struct ReducedReponDynamics(double couplingTimesDecoderRate, double encoderRate) : IOdeSystem
{
    public int Dimension => 2;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
    {
        double a2 = state[0], c = state[1];
        derivative[0] = -couplingTimesDecoderRate * c * c * a2;
        derivative[1] = -encoderRate * a2 * a2 * c;
    }
}
