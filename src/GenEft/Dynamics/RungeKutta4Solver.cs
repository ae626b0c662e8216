namespace GenEft.Dynamics;

/// <summary>
/// The classical fixed-step 4th-order Runge-Kutta method. It takes ceil((tEnd - t0) / h) equal steps (so the last one
/// lands exactly on tEnd), with a cubic Hermite interpolant (3rd order) between steps for output times and events.
/// Four right-hand-side evaluations per step, plus one at the start.
/// </summary>
/// <remarks>The instance reuses its buffers across solves; it is not thread-safe.</remarks>
public sealed class RungeKutta4Solver : IOdeSolver
{
    private readonly StepEventProcessor eventProcessor = new();
    private double[] y = [], yNew = [], k1 = [], k2 = [], k3 = [], k4 = [], stage = [];

    /// <summary>Creates a solver with the given step size.</summary>
    /// <param name="stepSize">The largest step h, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is not positive and finite.</exception>
    public RungeKutta4Solver(double stepSize)
    {
        if (!(stepSize > 0 && double.IsFinite(stepSize)))
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "Must be positive and finite.");
        }

        StepSize = stepSize;
    }

    /// <summary>The largest step size h; the actual step is (tEnd - t0) / ceil((tEnd - t0) / h).</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public OdeSolution Solve<TSystem>(TSystem system, double t0, ReadOnlySpan<double> initialState, double tEnd, Span<double> finalState, OdeRequest request = default)
        where TSystem : IOdeSystem
    {
        OdeRequestValidation.Validate(system, t0, initialState, tEnd, finalState, request);
        int n = system.Dimension;
        EnsureWorkspace(n);
        Span<double> yS = y.AsSpan(0, n);
        initialState.CopyTo(yS);
        system.Evaluate(t0, yS, k1.AsSpan(0, n));
        OdeRequestValidation.ThrowIfNonFiniteDerivative(k1.AsSpan(0, n), t0);
        int evaluations = 1;
        eventProcessor.Begin(request, t0, yS);

        double span = tEnd - t0;
        long stepCount = span == 0 ? 0 : Math.Max(1, (long)Math.Ceiling(span / StepSize * (1 - 1e-12)));
        if (stepCount > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(tEnd), tEnd, $"(tEnd - t0) / StepSize must not exceed {int.MaxValue} steps.");
        }

        double h = span / Math.Max(1, stepCount);
        double t = t0;
        var status = OdeStatus.Completed;
        int terminalEvent = -1;
        int steps = 0;
        for (long step = 1; step <= stepCount; step++)
        {
            double tNew = step == stepCount ? tEnd : t0 + (step * h);
            double hStep = tNew - t;
            TakeStep(system, t, hStep, n);
            evaluations += 4;
            steps++;
            Span<double> newState = yNew.AsSpan(0, n);
            if (!AllFinite(newState))
            {
                status = OdeStatus.Diverged;
                break;
            }

            var interpolant = new HermiteInterpolant(this, t, hStep, n);
            int hit = eventProcessor.EndStep(ref interpolant, request, t, tNew, newState, out double stopTime);
            if (hit >= 0)
            {
                interpolant.Interpolate(stopTime, stage.AsSpan(0, n));
                stage.AsSpan(0, n).CopyTo(yS);
                t = stopTime;
                terminalEvent = hit;
                status = OdeStatus.TerminatedByEvent;
                break;
            }

            (y, yNew) = (yNew, y);
            (k1, k4) = (k4, k1);
            yS = y.AsSpan(0, n);
            t = tNew;
        }

        yS.CopyTo(finalState);
        return new OdeSolution(status, t, terminalEvent, new OdeStatistics(steps, 0, evaluations));
    }

    /// <summary>One RK4 step from (t, y) with k1 = f(t, y); leaves y(t + h) in yNew and f(t + h, yNew) in k4 (the next step's k1 and the interpolant's end slope).</summary>
    private void TakeStep<TSystem>(TSystem system, double t, double h, int n)
        where TSystem : IOdeSystem
    {
        Span<double> yS = y.AsSpan(0, n), s = stage.AsSpan(0, n), next = yNew.AsSpan(0, n);
        Span<double> s1 = k1.AsSpan(0, n), s2 = k2.AsSpan(0, n), s3 = k3.AsSpan(0, n), s4 = k4.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            s[i] = yS[i] + (0.5 * h * s1[i]);
        }

        system.Evaluate(t + (0.5 * h), s, s2);
        for (int i = 0; i < n; i++)
        {
            s[i] = yS[i] + (0.5 * h * s2[i]);
        }

        system.Evaluate(t + (0.5 * h), s, s3);
        for (int i = 0; i < n; i++)
        {
            s[i] = yS[i] + (h * s3[i]);
        }

        system.Evaluate(t + h, s, s4);
        for (int i = 0; i < n; i++)
        {
            next[i] = yS[i] + (h / 6 * (s1[i] + (2 * (s2[i] + s3[i])) + s4[i]));
        }

        // The end slope doubles as the next step's k1, so the Hermite interpolant costs no extra evaluation overall.
        system.Evaluate(t + h, next, s4);
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void EnsureWorkspace(int n)
    {
        if (y.Length >= n)
        {
            return;
        }

        y = new double[n];
        yNew = new double[n];
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        stage = new double[n];
    }

    /// <summary>Cubic Hermite interpolation between (t, y, k1) and (t + h, yNew, k4).</summary>
    private readonly struct HermiteInterpolant(RungeKutta4Solver solver, double t, double h, int n) : IStepInterpolant
    {
        public void Interpolate(double time, Span<double> state)
        {
            double s = (time - t) / h;
            double s2 = s * s, s3 = s2 * s;
            double h00 = (2 * s3) - (3 * s2) + 1, h10 = s3 - (2 * s2) + s, h01 = (-2 * s3) + (3 * s2), h11 = s3 - s2;
            ReadOnlySpan<double> y0 = solver.y.AsSpan(0, n), y1 = solver.yNew.AsSpan(0, n), f0 = solver.k1.AsSpan(0, n), f1 = solver.k4.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                state[i] = (h00 * y0[i]) + (h * h10 * f0[i]) + (h01 * y1[i]) + (h * h11 * f1[i]);
            }
        }
    }
}
