using GenEft.Analysis;
using GenEft.Models.Perceptron;

/// <summary>Žunkovič and Ilievski Fig. 3: densities of the 1D model's grokking time for N = 2, 5, 10 at eps_l = 0.4, 0.04, 0.004: the exact density (closed form for N = 2, quadrature otherwise) against Monte Carlo histograms.</summary>
internal static class Figure3
{
    public static void Execute(Options options)
    {
        long trials = options.TrialsOr(1_000_000);
        int[] ns = [2, 5, 10];
        var table = new Table(options.PathOf("figure3.csv"), "eps_l", "N", "grokking sets", "mean t_G (MC)", "mean t_G (density)", "median t_G (MC)", "chi2 / bins (bins with >= 5 expected)", "max |z|");
        var panels = new List<GenEft.Plotting.Chart>();
        foreach (double el in new[] { 0.4, 0.04, 0.004 })
        {
            var series = new List<Plots.Series>();
            double tMax = 0;
            var runs = new Dictionary<int, double[]>();
            foreach (int n in ns)
            {
                var result = new ExponentialModelMonteCarlo(n, el, default) { MaxDegreeOfParallelism = options.Threads }.Run(trials, options.Seed + (ulong)(10 * n));
                runs[n] = [.. result.GrokkingTimes];
                Array.Sort(runs[n]);
                tMax = Math.Max(tMax, runs[n][(int)(0.98 * runs[n].Length)]);
            }

            foreach (int n in ns)
            {
                var times = runs[n];
                var histogram = Histogram.Create(times, 40, 0, tMax);
                var centers = Enumerable.Range(0, histogram.BinCount).Select(histogram.BinCenter).ToArray();
                var grid = Enumerable.Range(0, 201).Select(i => tMax * i / 200).ToArray();
                Func<double, double> density = n == 2
                    ? t => ExponentialModelGrokkingTime.DensityTwoSamplesPerClass(t, el, default)
                    : t => ExponentialModelGrokkingTime.Density(t, n, el, default);
                series.Add(new($"N = {n} exact", grid, [.. grid.Select(density)], Group: n));
                series.Add(new($"N = {n} Monte Carlo", centers, [.. Enumerable.Range(0, histogram.BinCount).Select(histogram.Density)], Points: true, Group: n));

                // Expected counts from the density integrated over each bin; Pearson's chi2 and the largest standardized residual.
                double chi2 = 0, worst = 0;
                int used = 0;
                for (int b = 0; b < histogram.BinCount; b++)
                {
                    double lo = histogram.Min + (b * histogram.BinWidth);
                    double expected = times.Length * MathNet.Numerics.Integrate.GaussLegendre(density, lo, lo + histogram.BinWidth, 16);
                    if (expected >= 5)
                    {
                        double z = (histogram.Counts[b] - expected) / Math.Sqrt(expected);
                        chi2 += z * z;
                        worst = Math.Max(worst, Math.Abs(z));
                        used++;
                    }
                }

                double meanDensity = MathNet.Numerics.Integrate.DoubleExponential(t => t * density(t), 0, 20 * tMax, 1e-10)
                    + MathNet.Numerics.Integrate.DoubleExponential(t => t * density(t), 20 * tMax, 400 * tMax, 1e-10);
                table.Add(el, n, times.Length, times.Average(), meanDensity, times[times.Length / 2], FormattableString.Invariant($"{chi2:F1} / {used}"), worst);
            }

            panels.Add(Plots.Chart($"eps_l = {el}", "t_G", "density", series, xRange: (0, tMax)));
        }

        Plots.Save(options.PathOf("figure3"), $"1D model: t_G densities over grokking training sets (exact lines, Monte Carlo points from {trials:N0} sets each)", 3, panels);

        table.Save();
    }
}
