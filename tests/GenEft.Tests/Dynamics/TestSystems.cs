using GenEft.Dynamics;

namespace GenEft.Tests.Dynamics;

/// <summary>y' = -lambda y; y(t) = y0 exp(-lambda t).</summary>
internal readonly struct ExponentialDecay(double lambda) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = -lambda * state[0];
}

/// <summary>y'' = -omega^2 y as (y, y'); from (1, 0): y = cos(omega t), y' = -omega sin(omega t).</summary>
internal readonly struct HarmonicOscillator(double omega) : IOdeSystem
{
    public int Dimension => 2;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
    {
        derivative[0] = state[1];
        derivative[1] = -omega * omega * state[0];
    }
}

/// <summary>y' = r y (1 - y / K); y(t) = K / (1 + (K / y0 - 1) exp(-r t)).</summary>
internal readonly struct Logistic(double rate, double capacity) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = rate * state[0] * (1 - (state[0] / capacity));

    public double Exact(double y0, double t) => capacity / (1 + (((capacity / y0) - 1) * Math.Exp(-rate * t)));
}

/// <summary>y' = y^2 from y(0) = 1 blows up at t = 1.</summary>
internal readonly struct BlowUp : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = state[0] * state[0];
}

/// <summary>y' = 5 t^4 (a quintic, exact for neither solver's interpolant but for DP5's 5th-order step).</summary>
internal readonly struct Polynomial : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = 4 * t * t * t;
}

/// <summary>Collects located events.</summary>
internal sealed class EventRecorder : IOdeEventObserver
{
    public List<(int Index, double Time, double[] State)> Events { get; } = [];

    public void OnEvent(int eventIndex, double t, ReadOnlySpan<double> state) => Events.Add((eventIndex, t, state.ToArray()));
}

internal static class Fit
{
    /// <summary>Least-squares slope of log(errors) against log(steps).</summary>
    public static double LogLogSlope(IReadOnlyList<double> steps, IReadOnlyList<double> errors)
    {
        int n = steps.Count;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += Math.Log(steps[i]) / n;
            my += Math.Log(errors[i]) / n;
        }

        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = Math.Log(steps[i]) - mx;
            sxy += dx * (Math.Log(errors[i]) - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }
}
