namespace GenEft.Dynamics;

/// <summary>
/// The adaptive Dormand-Prince 5(4) Runge-Kutta method (Dormand and Prince 1980; Hairer, Norsett and Wanner,
/// "Solving Ordinary Differential Equations I", II.5, code DOPRI5): the 5th-order solution is propagated, the embedded
/// 4th-order one estimates the local error, the last stage is reused as the next step's first (FSAL, six evaluations
/// per step), the step size follows a PI controller, and a 4th-order continuous extension (Shampine 1986, the one
/// SciPy's RK45 uses) gives dense output for output times and event location.
/// </summary>
/// <remarks>
/// Error control: a step is accepted when the RMS over components of err_i / (atol + rtol * max(|y_i|, |y_new,i|)) is at most 1.
/// The instance reuses its buffers across solves; it is not thread-safe.
/// </remarks>
public sealed class DormandPrince54Solver : IOdeSolver
{
    private const double Safety = 0.9;
    private const double MinFactor = 0.2;
    private const double MaxFactor = 10.0;

    // PI controller exponents of DOPRI5: h_new = h * safety * err^-(0.2 - 0.75 beta) * errPrevious^beta.
    private const double Beta = 0.04;
    private const double Alpha = 0.2 - (0.75 * Beta);

    // The previous error enters the controller floored at 1e-4, as in DOPRI5, so one tiny error cannot inflate the next step.
    private static readonly double LogMinPreviousError = Math.Log(1e-4);

    private readonly StepEventProcessor eventProcessor = new();
    private double[] y = [], yNew = [], k1 = [], k2 = [], k3 = [], k4 = [], k5 = [], k6 = [], k7 = [];
    private double[] q1 = [], q2 = [], q3 = [], q4 = [];
    private bool denseCoefficientsValid;

    /// <summary>Creates a solver with the given tolerances.</summary>
    /// <param name="relativeTolerance">rtol, in [1e-14, 1).</param>
    /// <param name="absoluteTolerance">atol, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance is outside its range.</exception>
    public DormandPrince54Solver(double relativeTolerance = 1e-6, double absoluteTolerance = 1e-9)
    {
        if (!(relativeTolerance >= 1e-14 && relativeTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "Must lie in [1e-14, 1).");
        }

        if (!(absoluteTolerance > 0 && double.IsFinite(absoluteTolerance)))
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteTolerance), absoluteTolerance, "Must be positive and finite.");
        }

        RelativeTolerance = relativeTolerance;
        AbsoluteTolerance = absoluteTolerance;
    }

    /// <summary>The relative tolerance rtol.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The absolute tolerance atol.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>The first step size to try; 0 (the default) chooses it automatically (Hairer's initial-step algorithm).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double InitialStep
    {
        get;
        set => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be non-negative and finite (0 chooses automatically).");
    }

    /// <summary>The largest step size allowed; positive infinity (the default) for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double MaxStep
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive (PositiveInfinity for no limit).");
    } = double.PositiveInfinity;

    /// <summary>
    /// The most step attempts, accepted or rejected, one solve may make (default 1,000,000) before it stops with
    /// <see cref="OdeStatus.MaxStepsExceeded"/>; rejected attempts count, so retries cannot run on unbounded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxSteps
    {
        get;
        set => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
    } = 1_000_000;

    /// <inheritdoc />
    public OdeSolution Solve<TSystem>(TSystem system, double t0, ReadOnlySpan<double> initialState, double tEnd, Span<double> finalState, OdeRequest request = default)
        where TSystem : IOdeSystem
    {
        OdeRequestValidation.Validate(system, t0, initialState, tEnd, finalState, request);
        int n = system.Dimension;
        EnsureWorkspace(n);
        Span<double> yS = y.AsSpan(0, n);
        initialState.CopyTo(yS);

        double t = t0;
        int steps = 0, rejected = 0, evaluations = 0;
        system.Evaluate(t, yS, k1.AsSpan(0, n));
        evaluations++;
        OdeRequestValidation.ThrowIfNonFiniteDerivative(k1.AsSpan(0, n), t0);
        eventProcessor.Begin(request, t0, yS);

        if (t == tEnd)
        {
            yS.CopyTo(finalState);
            return new OdeSolution(OdeStatus.Completed, t, -1, new OdeStatistics(0, 0, evaluations));
        }

        double h = InitialStep > 0 ? InitialStep : SelectInitialStep(system, t, tEnd - t, n, ref evaluations);
        double logPreviousError = LogMinPreviousError;
        var status = OdeStatus.Completed;
        int terminalEvent = -1;

        while (t < tEnd)
        {
            double minStep = 16 * (Math.BitIncrement(Math.Abs(t)) - Math.Abs(t));
            h = Math.Min(h, MaxStep);
            bool rejectedThisStep = false;
            bool lastAttemptNonFinite = false;
            bool accepted = false;
            double tNew = 0;
            while (!accepted)
            {
                if (steps + rejected >= MaxSteps)
                {
                    status = OdeStatus.MaxStepsExceeded;
                    break;
                }

                // Written so that a NaN step size also stops here.
                if (!(h >= minStep))
                {
                    status = lastAttemptNonFinite ? OdeStatus.Diverged : OdeStatus.StepSizeTooSmall;
                    break;
                }

                tNew = t + h;
                if (tNew >= tEnd || tEnd - tNew < minStep)
                {
                    tNew = tEnd;
                }

                double hStep = tNew - t;
                double error = TakeStep(system, t, hStep, n);
                evaluations += 6;
                if (error <= 1)
                {
                    accepted = true;
                    double logError = Math.Log(error);
                    double factor = error == 0
                        ? MaxFactor
                        : Math.Clamp(Safety * Math.Exp((-Alpha * logError) + (Beta * logPreviousError)), MinFactor, MaxFactor);
                    if (rejectedThisStep)
                    {
                        factor = Math.Min(1.0, factor);
                    }

                    logPreviousError = Math.Max(logError, LogMinPreviousError);
                    h = hStep * factor;
                    steps++;
                    denseCoefficientsValid = false;
                    var interpolant = new DenseOutput(this, t, hStep, n);
                    int hit = eventProcessor.EndStep(ref interpolant, request, t, tNew, yNew.AsSpan(0, n), out double stopTime);
                    if (hit >= 0)
                    {
                        interpolant.Interpolate(stopTime, yS);
                        t = stopTime;
                        terminalEvent = hit;
                        status = OdeStatus.TerminatedByEvent;
                    }
                    else
                    {
                        (y, yNew) = (yNew, y);
                        (k1, k7) = (k7, k1);
                        yS = y.AsSpan(0, n);
                        t = tNew;
                    }
                }
                else
                {
                    rejected++;
                    rejectedThisStep = true;
                    lastAttemptNonFinite = !double.IsFinite(error);
                    h = hStep * (lastAttemptNonFinite ? MinFactor : Math.Max(MinFactor, Safety * Math.Pow(error, -0.2)));
                }
            }

            if (status != OdeStatus.Completed)
            {
                break;
            }
        }

        yS.CopyTo(finalState);
        return new OdeSolution(status, t, terminalEvent, new OdeStatistics(steps, rejected, evaluations));
    }

    /// <summary>
    /// One Dormand-Prince step of size h from (t, y) with k1 = f(t, y) given; fills yNew and k2..k7 and returns the scaled
    /// RMS error, NaN if the new state or a stage is not finite (so such a step is always rejected).
    /// </summary>
    private double TakeStep<TSystem>(TSystem system, double t, double h, int n)
        where TSystem : IOdeSystem
    {
        Span<double> yS = y.AsSpan(0, n), tmp = yNew.AsSpan(0, n);
        ReadOnlySpan<double> s1 = k1.AsSpan(0, n);
        Span<double> s2 = k2.AsSpan(0, n), s3 = k3.AsSpan(0, n), s4 = k4.AsSpan(0, n), s5 = k5.AsSpan(0, n), s6 = k6.AsSpan(0, n), s7 = k7.AsSpan(0, n);

        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (1.0 / 5) * s1[i]);
        }

        system.Evaluate(t + (h / 5), tmp, s2);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (((3.0 / 40) * s1[i]) + ((9.0 / 40) * s2[i])));
        }

        system.Evaluate(t + (h * 3 / 10), tmp, s3);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (((44.0 / 45) * s1[i]) - ((56.0 / 15) * s2[i]) + ((32.0 / 9) * s3[i])));
        }

        system.Evaluate(t + (h * 4 / 5), tmp, s4);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (((19372.0 / 6561) * s1[i]) - ((25360.0 / 2187) * s2[i]) + ((64448.0 / 6561) * s3[i]) - ((212.0 / 729) * s4[i])));
        }

        system.Evaluate(t + (h * 8 / 9), tmp, s5);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (((9017.0 / 3168) * s1[i]) - ((355.0 / 33) * s2[i]) + ((46732.0 / 5247) * s3[i]) + ((49.0 / 176) * s4[i]) - ((5103.0 / 18656) * s5[i])));
        }

        double tNew = t + h;
        system.Evaluate(tNew, tmp, s6);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = yS[i] + (h * (((35.0 / 384) * s1[i]) + ((500.0 / 1113) * s3[i]) + ((125.0 / 192) * s4[i]) - ((2187.0 / 6784) * s5[i]) + ((11.0 / 84) * s6[i])));
        }

        system.Evaluate(tNew, tmp, s7);

        // Local error estimate: h * sum (b_i - bhat_i) k_i, the difference of the 5th- and embedded 4th-order solutions.
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double e = h * (((71.0 / 57600) * s1[i]) - ((71.0 / 16695) * s3[i]) + ((71.0 / 1920) * s4[i]) - ((17253.0 / 339200) * s5[i]) + ((22.0 / 525) * s6[i]) - ((1.0 / 40) * s7[i]));
            if (!double.IsFinite(tmp[i]))
            {
                // An overflowed state would make the scale infinite and the error 0; never accept it.
                return double.NaN;
            }

            double scale = AbsoluteTolerance + (RelativeTolerance * Math.Max(Math.Abs(yS[i]), Math.Abs(tmp[i])));
            double r = e / scale;
            sum += r * r;
        }

        return Math.Sqrt(sum / n);
    }

    /// <summary>Hairer's initial step size (HNW I, II.4): a step for which the explicit Euler error would be about the tolerance.</summary>
    private double SelectInitialStep<TSystem>(TSystem system, double t, double span, int n, ref int evaluations)
        where TSystem : IOdeSystem
    {
        Span<double> yS = y.AsSpan(0, n), f0 = k1.AsSpan(0, n), y1 = yNew.AsSpan(0, n), f1 = k2.AsSpan(0, n);
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance + (RelativeTolerance * Math.Abs(yS[i]));
            d0 += (yS[i] / scale) * (yS[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }

        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);
        for (int i = 0; i < n; i++)
        {
            y1[i] = yS[i] + (h0 * f0[i]);
        }

        system.Evaluate(t + h0, y1, f1);
        evaluations++;
        double d2 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance + (RelativeTolerance * Math.Abs(yS[i]));
            double r = (f1[i] - f0[i]) / scale;
            d2 += r * r;
        }

        d2 = Math.Sqrt(d2 / n) / h0;
        double dMax = Math.Max(d1, d2);
        double h1 = dMax <= 1e-15 || !double.IsFinite(dMax) ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dMax, 1.0 / 5);
        return Math.Min(Math.Min(100 * h0, h1), span);
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
        k5 = new double[n];
        k6 = new double[n];
        k7 = new double[n];
        q1 = new double[n];
        q2 = new double[n];
        q3 = new double[n];
        q4 = new double[n];
    }

    /// <summary>
    /// The 4th-order continuous extension of the last step: y(t + theta h) = y + h * sum_j Q_j theta^j (j = 1..4), with
    /// Q_j = sum_i k_i P[i, j] and Shampine's coefficients P (the optimum-c6 choice). Q is built on first use, so steps
    /// without outputs or event crossings never pay for it.
    /// </summary>
    private readonly struct DenseOutput(DormandPrince54Solver solver, double t, double h, int n) : IStepInterpolant
    {
        public void Interpolate(double time, Span<double> state)
        {
            if (!solver.denseCoefficientsValid)
            {
                solver.BuildDenseCoefficients(n);
                solver.denseCoefficientsValid = true;
            }

            double theta = (time - t) / h;
            ReadOnlySpan<double> yS = solver.y.AsSpan(0, n), a = solver.q1.AsSpan(0, n), b = solver.q2.AsSpan(0, n), c = solver.q3.AsSpan(0, n), d = solver.q4.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                state[i] = yS[i] + (h * theta * (a[i] + (theta * (b[i] + (theta * (c[i] + (theta * d[i])))))));
            }
        }
    }

    private void BuildDenseCoefficients(int n)
    {
        for (int i = 0; i < n; i++)
        {
            double f1 = k1[i], f3 = k3[i], f4 = k4[i], f5 = k5[i], f6 = k6[i], f7 = k7[i];
            q1[i] = f1;
            q2[i] = ((-8048581381.0 / 2820520608) * f1) + ((131558114200.0 / 32700410799) * f3) - ((1754552775.0 / 470086768) * f4)
                + ((127303824393.0 / 49829197408) * f5) - ((282668133.0 / 205662961) * f6) + ((40617522.0 / 29380423) * f7);
            q3[i] = ((8663915743.0 / 2820520608) * f1) - ((68118460800.0 / 10900136933) * f3) + ((14199869525.0 / 1410260304) * f4)
                - ((318862633887.0 / 49829197408) * f5) + ((2019193451.0 / 616988883) * f6) - ((110615467.0 / 29380423) * f7);
            q4[i] = ((-12715105075.0 / 11282082432) * f1) + ((87487479700.0 / 32700410799) * f3) - ((10690763975.0 / 1880347072) * f4)
                + ((701980252875.0 / 199316789632) * f5) - ((1453857185.0 / 822651844) * f6) + ((69997945.0 / 29380423) * f7);
        }
    }
}
