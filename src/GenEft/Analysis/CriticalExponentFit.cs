namespace GenEft.Analysis;

/// <summary>
/// Measures a critical exponent nu from many runs' error curves (Žunkovič and Ilievski Eq. 9-10 and Section 3: runs
/// aligned at their own zero-error time t_eps and averaged, &lt;&lt;E&gt;&gt;(tau) ~ A tau^nu with tau = t_eps - t). Model-agnostic:
/// it sees only <see cref="LearningCurve"/>s.
/// </summary>
/// <remarks>
/// Method: each usable run is interpolated linearly at t_eps - tau_k for K offsets log-spaced over the window; the runs are
/// averaged point by point; nu is the ordinary least-squares slope of ln &lt;&lt;E&gt;&gt; on ln tau over the offsets with a positive
/// average. The error bar is a bootstrap over runs: B resamples with replacement (seeded), each averaged and fitted the same
/// way; StandardError is the standard deviation of the B slopes. Choose the window inside the critical region (where one
/// run's error is already a power law) and sample the curves densely there: linear interpolation between coarse samples
/// biases the slope. The mean is dominated by the runs with the largest error at a given tau (those that cross fastest), so a
/// run whose critical region is narrower than the window pulls the slope toward its non-critical shape;
/// <see cref="CriticalExponentEstimate.MedianRunNu"/> (the median of the runs' own slopes) exposes that.
/// </remarks>
public static class CriticalExponentFit
{
    /// <summary>Fits nu.</summary>
    /// <param name="runs">The runs' error curves; at least two must reach zero error and cover the window.</param>
    /// <param name="options">The window and the bootstrap.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException">An argument or a run is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two runs are usable, or fewer than three offsets have a positive average error.</exception>
    public static CriticalExponentEstimate Fit(IReadOnlyList<LearningCurve> runs, CriticalExponentFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        int k = options.Points;
        var offsets = new double[k];
        double logMin = Math.Log(options.MinOffset), logStep = (Math.Log(options.MaxOffset) - logMin) / (k - 1);
        for (int i = 0; i < k; i++)
        {
            offsets[i] = Math.Exp(logMin + (i * logStep));
        }

        var aligned = new List<double[]>();
        int skipped = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r] ?? throw new ArgumentNullException(nameof(runs), $"Run {r} is null.");
            double tEps = run.ZeroErrorTime;
            if (double.IsNaN(tEps) || tEps - options.MaxOffset < run.Times[0])
            {
                skipped++;
                continue;
            }

            var values = new double[k];
            for (int i = 0; i < k; i++)
            {
                values[i] = run.ErrorAt(tEps - offsets[i]);
            }

            aligned.Add(values);
        }

        if (aligned.Count < 2)
        {
            throw new ArgumentException($"Only {aligned.Count} run(s) reach zero error and cover the window [{options.MinOffset}, {options.MaxOffset}] before t_eps; at least two are needed.", nameof(runs));
        }

        var all = new int[aligned.Count];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        var average = Average(aligned, all, k);
        var (nu, logPrefactor, regressionError, used) = LogLogSlope(offsets, average);
        if (used < 3)
        {
            throw new ArgumentException($"Only {used} offsets have a positive averaged error; at least three are needed (move the window before t_eps).", nameof(runs));
        }

        var random = new Xoshiro256StarStar(options.Seed);
        var sample = new int[aligned.Count];
        double sum = 0, sumSquares = 0;
        int fits = 0;
        for (int b = 0; b < options.BootstrapResamples; b++)
        {
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] = random.NextIndex(sample.Length);
            }

            var (slope, _, _, n) = LogLogSlope(offsets, Average(aligned, sample, k));
            if (n >= 3)
            {
                sum += slope;
                sumSquares += slope * slope;
                fits++;
            }
        }

        var perRun = aligned.Select(values => LogLogSlope(offsets, values)).Where(f => f.Used >= 3).Select(f => f.Slope).Order().ToArray();
        double medianRun = perRun.Length == 0 ? double.NaN
            : perRun.Length % 2 == 1 ? perRun[perRun.Length / 2] : 0.5 * (perRun[(perRun.Length / 2) - 1] + perRun[perRun.Length / 2]);
        double mean = sum / fits;
        double standardError = Math.Sqrt(Math.Max(0, (sumSquares - (fits * mean * mean)) / (fits - 1)));
        return new CriticalExponentEstimate(nu, standardError, regressionError, Math.Exp(logPrefactor), aligned.Count, skipped, medianRun, offsets, average);
    }

    private static double[] Average(List<double[]> aligned, int[] sample, int k)
    {
        var average = new double[k];
        foreach (int r in sample)
        {
            for (int i = 0; i < k; i++)
            {
                average[i] += aligned[r][i];
            }
        }

        for (int i = 0; i < k; i++)
        {
            average[i] /= sample.Length;
        }

        return average;
    }

    /// <summary>OLS of ln y on ln x over the points with y &gt; 0: slope, intercept, the slope's standard error, points used.</summary>
    private static (double Slope, double Intercept, double SlopeError, int Used) LogLogSlope(double[] x, double[] y)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (y[i] > 0)
            {
                double lx = Math.Log(x[i]), ly = Math.Log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }

        if (n < 3)
        {
            return (double.NaN, double.NaN, double.NaN, n);
        }

        double slope = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
        double intercept = (sy - (slope * sx)) / n;
        double rss = 0, mx = sx / n, sxxCentered = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (y[i] > 0)
            {
                double lx = Math.Log(x[i]), residual = Math.Log(y[i]) - (intercept + (slope * lx));
                rss += residual * residual;
                sxxCentered += (lx - mx) * (lx - mx);
            }
        }

        return (slope, intercept, Math.Sqrt(rss / (n - 2) / sxxCentered), n);
    }
}
