using GenEft.Dynamics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The gradient flow of the 1D exponential model as an ODE for the GenEft solvers, Žunkovič and Ilievski Eq. 5:
/// db/dt = xbar - lambda1 sgn(b) - (1 + lambda2) b (sgn 0 = 0). With lambda1 &gt; 0 the right-hand side jumps at b = 0;
/// an adaptive solver then chatters there, so integrate such flows only up to the crossing, or use the exact
/// <see cref="ExponentialModelBias"/>, which resolves the crossing (and the sticking at 0) analytically.
/// </summary>
public readonly struct ExponentialModelBiasSystem : IOdeSystem
{
    private readonly double mean, l1, rate;

    /// <summary>Creates the system for a training set's xbar and a regularization.</summary>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite.</exception>
    public ExponentialModelBiasSystem(double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        this.mean = mean;
        l1 = regularization.L1;
        rate = 1 + regularization.L2;
    }

    /// <inheritdoc />
    public int Dimension => 1;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
        => derivative[0] = mean - (l1 * Math.Sign(state[0])) - (rate * state[0]);
}
