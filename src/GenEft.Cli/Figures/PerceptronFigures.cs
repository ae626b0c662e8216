using System.CommandLine;
using GenEft.Analysis;
using GenEft.Cli.Commands;
using GenEft.Dynamics;
using GenEft.Models.Perceptron;
using GenEft.Plotting;
using Series = GenEft.Cli.Figures.PerceptronPlots.Series;

namespace GenEft.Cli.Figures;

/// <summary>
/// The figures of Žunkovič and Ilievski (arXiv 2210.15435): Fig. 2, 3, 5, 6, the ball model's critical exponent
/// against D, and the check of Eq. 8.
/// </summary>
internal static class PerceptronFigures
{
    /// <summary>The paper's arXiv number as the default seed.</summary>
    private const ulong DefaultSeed = 2210_15435;

    private static Option<long> Trials(long defaultValue, long paper) =>
        CommonOptions.CreateCount("--trials", $"Training sets (Monte Carlo trials) per point (paper scale: {paper:N0})", defaultValue);

    /// <summary>Fig. 2: the 1D model's grokking probability against eps_l for N = 2, 5, 10, exact (finite sum) and Monte Carlo.</summary>
    public static Command CreateFigure2(Func<TextReader> standardInput)
    {
        var trials = Trials(10_000, 100_000);
        return FigureCommand.Create(standardInput, "perceptron-figure2", "Zunkovic-Ilievski Fig. 2: 1D-model P_G vs eps_l, exact and Monte Carlo", DefaultSeed, [trials], (p, f) =>
        {
            long n0 = p.GetValue(trials);
            int[] ns = [2, 5, 10];
            double[] grid = [.. Enumerable.Range(0, 61).Select(i => Math.Pow(10, -3 + (i * 3.3 / 60)))];
            double[] points = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0];
            var series = new List<Series>();
            var table = new FigureTable("figure2.csv", "N", "eps_l", "P_G exact", "P_G Monte Carlo", "standard error", "z");
            var stage = f.Progress("perceptron-figure2");
            foreach (int n in ns)
            {
                series.Add(new($"N = {n} exact", grid, [.. grid.Select(e => ExponentialModelGrokkingProbability.Exact(n, e))], Group: series.Count / 2));
                var mc = new List<double>();
                var se = new List<double>();
                foreach (double el in points)
                {
                    var driver = new ExponentialModelMonteCarlo(n, el, default) { MaxDegreeOfParallelism = f.Threads };
                    var pg = driver.Run(n0, f.Seed + (ulong)n, cancellationToken: f.CancellationToken).GrokkingProbability;
                    double exact = ExponentialModelGrokkingProbability.Exact(n, el);
                    mc.Add(pg.Estimate);
                    se.Add(pg.StandardError);
                    table.Add(n, el, exact, pg.Estimate, pg.StandardError, (pg.Estimate - exact) / Math.Sqrt(exact * (1 - exact) / n0));
                    stage.Report((double)(Array.IndexOf(ns, n) * points.Length + mc.Count) / (ns.Length * points.Length));
                }

                series.Add(new($"N = {n} Monte Carlo", points, mc, se, Points: true, Group: series.Count / 2));
            }

            stage.Finish();
            table.Save(f);
            f.Wrote(PerceptronPlots.Chart($"1D model: P_G vs eps_l (Monte Carlo: {n0:N0} training sets per point)", "eps_l = eps (1 + lambda2) + lambda1", "P_G", series, logX: true, yRange: (0, 1))
                .Save(f.PathOf("figure2")));
        });
    }

    /// <summary>Fig. 3: densities of the 1D model's grokking time for N = 2, 5, 10 at eps_l = 0.4, 0.04, 0.004, exact against Monte Carlo histograms.</summary>
    public static Command CreateFigure3(Func<TextReader> standardInput)
    {
        var trials = Trials(50_000, 1_000_000);
        return FigureCommand.Create(standardInput, "perceptron-figure3", "Zunkovic-Ilievski Fig. 3: 1D-model t_G densities, exact and Monte Carlo", DefaultSeed, [trials], (p, f) =>
        {
            long n0 = p.GetValue(trials);
            int[] ns = [2, 5, 10];
            double[] separations = [0.4, 0.04, 0.004];
            var table = new FigureTable("figure3.csv", "eps_l", "N", "grokking sets", "mean t_G (MC)", "mean t_G (density)", "median t_G (MC)", "chi2 / bins (bins with >= 5 expected)", "max |z|");
            var curves = new FigureTable("figure3-densities.csv", "eps_l", "N", "series", "t_G", "density");
            var panels = new List<Chart>();
            var stage = f.Progress("perceptron-figure3");
            int done = 0;
            foreach (double el in separations)
            {
                var series = new List<Series>();
                double tMax = 0;
                var runs = new Dictionary<int, double[]>();
                foreach (int n in ns)
                {
                    var result = new ExponentialModelMonteCarlo(n, el, default) { MaxDegreeOfParallelism = f.Threads }.Run(n0, f.Seed + (ulong)(10 * n), cancellationToken: f.CancellationToken);
                    runs[n] = [.. result.GrokkingTimes];
                    if (runs[n].Length == 0) throw new CliInputException($"eps_l = {el}, N = {n}: no training set of {n0} grokked; raise --trials.");
                    Array.Sort(runs[n]);
                    tMax = Math.Max(tMax, runs[n][(int)(0.98 * (runs[n].Length - 1))]);
                    stage.Report(++done / (2.0 * ns.Length * separations.Length));
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
                    double[] exact = [.. grid.Select(density)], measured = [.. Enumerable.Range(0, histogram.BinCount).Select(histogram.Density)];
                    series.Add(new($"N = {n} exact", grid, exact, Group: n));
                    series.Add(new($"N = {n} Monte Carlo", centers, measured, Points: true, Group: n));
                    for (int i = 0; i < grid.Length; i++) curves.Add(el, n, "exact", grid[i], exact[i]);
                    for (int i = 0; i < centers.Length; i++) curves.Add(el, n, "Monte Carlo", centers[i], measured[i]);

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
                    stage.Report(++done / (2.0 * ns.Length * separations.Length));
                }

                panels.Add(PerceptronPlots.Chart($"eps_l = {el}", "t_G", "density", series, xRange: (0, tMax)));
            }

            stage.Finish();
            table.Save(f);
            curves.Save(f, print: false);
            PerceptronPlots.Save(f, "figure3", $"1D model: t_G densities over grokking training sets (exact lines, Monte Carlo points from {n0:N0} sets each)", 3, panels);
        });
    }

    /// <summary>
    /// Fig. 5: the ball model's grokking probability against D, lambda2, N and epsilon around D = 10, lambda2 = 0.1,
    /// N = 10, epsilon = 1.01, without L1 and with lambda1 = 0.05, and against lambda1 itself.
    /// </summary>
    public static Command CreateFigure5(Func<TextReader> standardInput)
    {
        const double L1 = 0.05;
        (string Name, double[] Values)[] axes =
        [
            ("D", [1, 2, 3, 4, 6, 8, 10, 12, 15, 20, 30]),
            ("lambda2", [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]),
            ("N", [2, 3, 5, 10, 20, 50, 100, 200, 500]),
            ("epsilon", [1.0, 1.005, 1.01, 1.02, 1.05, 1.1, 1.2, 1.5, 2]),
        ];
        double[] l1Values = [0, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
        var trials = Trials(1000, 20_000);
        return FigureCommand.Create(standardInput, "perceptron-figure5", "Zunkovic-Ilievski Fig. 5: ball-model P_G vs D, lambda2, N, epsilon, lambda1", DefaultSeed, [trials], (p, f) =>
        {
            long n0 = p.GetValue(trials);
            var table = new FigureTable("figure5.csv", "axis", "value", "lambda1", "P_G", "standard error", "Wilson 95% low", "Wilson 95% high");
            var panels = new List<Chart>();
            var stage = f.Progress("perceptron-figure5");
            int total = (2 * axes.Sum(a => a.Values.Length)) + l1Values.Length, done = 0;
            ProportionEstimate Point(string axis, double value, int n, int d, double epsilon, double l1, double l2)
            {
                var estimate = new BallModelMonteCarlo(n, d, epsilon, new PerceptronRegularization(l1, l2)) { MaxDegreeOfParallelism = f.Threads }
                    .Run(n0, f.Seed, cancellationToken: f.CancellationToken).GrokkingProbability;
                var (low, high) = estimate.WilsonInterval();
                table.Add(axis, value, l1, estimate.Estimate, estimate.StandardError, low, high);
                stage.Report(++done / (double)total);
                return estimate;
            }

            foreach (var (axis, values) in axes)
            {
                var series = new List<Series>();
                foreach (double l1 in new[] { 0.0, L1 })
                {
                    var estimates = values.Select(v => Point(axis, v, axis == "N" ? (int)v : 10, axis == "D" ? (int)v : 10, axis == "epsilon" ? v : 1.01, l1, axis == "lambda2" ? v : 0.1)).ToArray();
                    string label = l1 == 0 ? "no L1" : $"lambda1 = {l1}";
                    double[] xs = axis == "lambda2" ? [.. values.Select(v => Math.Max(v, 1e-4))] : values;
                    series.Add(new(label, xs, [.. estimates.Select(e => e.Estimate)], [.. estimates.Select(e => e.StandardError)], Points: true, Group: l1 == 0 ? 0 : 1));
                    series.Add(new("", xs, [.. estimates.Select(e => e.Estimate)], Group: l1 == 0 ? 0 : 1));
                }

                string xLabel = axis == "lambda2" ? "lambda2 (0 drawn at 1e-4)" : axis;
                panels.Add(PerceptronPlots.Chart($"P_G vs {axis}", xLabel, "P_G", series, logX: axis is "lambda2" or "N" or "D", yRange: (0, 1)));
            }

            var sweep = l1Values.Select(l1 => Point("lambda1", l1, 10, 10, 1.01, l1, 0.1)).ToArray();
            double[] l1Axis = [.. l1Values.Select(v => Math.Max(v, 1e-4))];
            panels.Add(PerceptronPlots.Chart("P_G vs lambda1", "lambda1 (0 drawn at 1e-4)", "P_G",
                [new("P_G", l1Axis, [.. sweep.Select(e => e.Estimate)], [.. sweep.Select(e => e.StandardError)], Points: true, Group: 2), new("", l1Axis, [.. sweep.Select(e => e.Estimate)], Group: 2)],
                logX: true, yRange: (0, 1)));
            stage.Finish();
            table.Save(f);
            PerceptronPlots.Save(f, "figure5", $"Ball model: P_G ({n0:N0} training sets per point; defaults D 10, lambda2 0.1, N 10, eps 1.01; L1: lambda1 = {L1})", 2, panels);
        });
    }

    /// <summary>
    /// Fig. 6: bimodal grokking-time densities of the ball model for D = 4, 5, 6, lambda2 = 0.01, epsilon = 2,
    /// w(0) ~ N(0, I), no L1: (a) the paper's large-N model with its own thresholds (G = lambda_{2,D} I + eps^2 e_1 e_1^T,
    /// a = eps e_1, training "zero" at eps w_1 &gt;= |w_perp|), which Eq. 42-47 describe; (b) the finite-N model for N = 100
    /// and N = 1000. Theory: the fast-branch density Eq. 43-44 and the slow-branch positions (derived, and Eq. 47 as printed).
    /// </summary>
    public static Command CreateFigure6(Func<TextReader> standardInput)
    {
        const double YClip = 3, epsilon = 2, l2 = 0.01;
        var trials = Trials(2000, 40_000);
        return FigureCommand.Create(standardInput, "perceptron-figure6", "Zunkovic-Ilievski Fig. 6: bimodal ball-model t_G densities, D = 4, 5, 6", DefaultSeed, [trials], (p, f) =>
        {
            long n0 = p.GetValue(trials);
            var table = new FigureTable("figure6.csv", "D", "simulation", "runs", "P_G", "share with t_G < 2/eps^2", "p_fast Eq. 45", "slow peak (histogram)", "slow quartiles", "slow position derived", "slow position Eq. 47 printed");
            var curves = new FigureTable("figure6-densities.csv", "D", "series", "t_G", "density");
            var panels = new List<Chart>();
            var stage = f.Progress("perceptron-figure6");
            int[] dimensions = [4, 5, 6];
            foreach (int d in dimensions)
            {
                double lambda = BallModelEffectiveL2.Compute(l2, d);
                double derived = BallModelGrokkingTime.SlowBranchTime(epsilon, lambda), printed = BallModelGrokkingTime.SlowBranchTimeAsPrinted(epsilon, lambda);
                double pFast = BallModelGrokkingTime.FastBranchProbability(d, epsilon);

                // The fast branch ends where Eq. 42 diverges: t_G < 2 / eps^2 holds its bulk (the density decays like e^(-eps^2 t)).
                double fastCut = 2 / (epsilon * epsilon);
                var simulations = new List<(string Name, double[] Times, long Runs, double Pg)> { LargeNumberModel(d, epsilon, l2, n0, f) };
                foreach (int n in new[] { 100, 1000 })
                {
                    var driver = new BallModelMonteCarlo(n, d, epsilon, new PerceptronRegularization(0, l2)) { ComputeTrajectories = true, MaxDegreeOfParallelism = f.Threads };
                    var result = driver.Run(Math.Max(1, n == 1000 ? n0 / 8 : n0 / 2), f.Seed + (ulong)d, cancellationToken: f.CancellationToken);
                    simulations.Add(($"N = {n}", [.. result.GrokkingTimes], result.Trials.Count, result.GrokkingProbability.Estimate));
                }

                double tMax = 2.5 * Math.Max(derived, printed);
                var series = new List<Series>();
                foreach (var (name, times, runs, pg) in simulations)
                {
                    var histogram = Histogram.Create(times, 60, 0, tMax);
                    double[] centers = [.. Enumerable.Range(0, 60).Select(histogram.BinCenter)];
                    // Clamped to the y range: the renderer drops points outside it, which made the slow spike of the large-N model vanish.
                    double[] density = [.. Enumerable.Range(0, 60).Select(b => Math.Min(histogram.Density(b), YClip))];
                    series.Add(new(name, centers, density));
                    for (int i = 0; i < centers.Length; i++) curves.Add(d, name, centers[i], density[i]);
                    var slow = times.Where(t => t >= fastCut).Order().ToArray();
                    int peak = Enumerable.Range(0, 60).Where(b => histogram.BinCenter(b) >= fastCut).MaxBy(b => histogram.Counts[b]);
                    string quartiles = slow.Length > 3 ? FormattableString.Invariant($"{slow[slow.Length / 4]:F3} / {slow[slow.Length / 2]:F3} / {slow[3 * slow.Length / 4]:F3}") : "-";
                    table.Add(d, name, runs, pg, times.Count(t => t < fastCut) / (double)Math.Max(1, times.Length), pFast, histogram.BinCenter(peak), quartiles, derived, printed);
                }

                var grid = Enumerable.Range(1, 300).Select(i => tMax * i / 300).ToArray();
                double[] fast = [.. grid.Select(t => BallModelGrokkingTime.FastBranchDensity(t, d, epsilon))];
                for (int i = 0; i < grid.Length; i++) curves.Add(d, "Eq. 43-44 fast branch", grid[i], fast[i]);
                series.Add(new("Eq. 43-44 fast branch", grid, fast, Dashed: true));
                panels.Add(PerceptronPlots.Chart($"D = {d} (p_fast = {pFast:F3}; {n0:N0} large-N runs)", "t_G", "density (clipped at 3)", series,
                    xRange: (0, tMax), yRange: (0, YClip), verticals: [("slow, derived", derived), ("slow, Eq. 47 printed", printed)]));
                stage.Report((Array.IndexOf(dimensions, d) + 1.0) / dimensions.Length);
            }

            stage.Finish();
            table.Save(f);
            curves.Save(f, print: false);
            PerceptronPlots.Save(f, "figure6", "Ball model t_G, lambda2 = 0.01, eps = 2", 1, panels);
        });
    }

    /// <summary>
    /// The ball model's critical exponent against D: runs aligned at their t_eps (found on the exact flow), test error
    /// from the cap formula at log-spaced offsets tau before t_eps, averaged, fitted by log-log least squares over tau in
    /// [1e-8, 1e-6], bootstrap error bar; against nu = (D + 1)/2.
    /// </summary>
    public static Command CreateCriticalExponents(Func<TextReader> standardInput)
    {
        var runs = CommonOptions.CreateCount("--trials", "Aligned runs per D (paper scale: 100)", 20);
        var maxD = CommonOptions.CreateCount("--max-d", "Dimensions D = 1 .. this", 12);
        return FigureCommand.Create(standardInput, "perceptron-nu", "Ball model: measured critical exponent nu vs D, against (D + 1)/2", DefaultSeed, [runs, maxD], (p, f) =>
        {
            int count = p.GetValue(runs);
            const double epsilon = 1.5;
            var table = new FigureTable("nu-vs-D.csv", "D", "runs", "nu measured", "bootstrap SE", "median of per-run slopes", "(D+1)/2", "difference");
            var ds = new List<double>();
            var measured = new List<double>();
            var errors = new List<double>();
            var stage = f.Progress("perceptron-nu");
            int top = p.GetValue(maxD);
            foreach (int d in Enumerable.Range(1, top))
            {
                var driver = new BallModelMonteCarlo(100, d, epsilon, new PerceptronRegularization(0, 0.05));
                var population = new BallModelPopulationError(epsilon, d);
                var curves = new List<LearningCurve>();
                for (int i = 0; curves.Count < count && i < 20 * count; i++)
                {
                    f.CancellationToken.ThrowIfCancellationRequested();
                    var trajectory = new LinearPerceptronFlow(driver.TrainingSet(f.Seed, i), driver.Regularization).Solve(driver.InitialWeights(f.Seed, i));
                    double tEps = trajectory.FirstZeroErrorTime(population);
                    if (!(tEps > 1e-2 && double.IsFinite(tEps))) continue;
                    var times = Enumerable.Range(0, 120).Select(k => tEps - (1e-5 * Math.Pow(1e-4, k / 119.0))).ToArray();
                    curves.Add(new LearningCurve(times, [.. times.Select(t => population.Error(trajectory.StateAt(t)))], tEps));
                }

                var fit = CriticalExponentFit.Fit(curves, new CriticalExponentFitOptions(1e-8, 1e-6) { Seed = f.Seed });
                double nu = BallModelCriticalExponent.Nu(d);
                table.Add(d, fit.RunsUsed, fit.Nu, fit.StandardError, fit.MedianRunNu, nu, fit.Nu - nu);
                ds.Add(d);
                measured.Add(fit.Nu);
                errors.Add(fit.StandardError);
                stage.Report(d / (double)top);
            }

            stage.Finish();
            table.Save(f);
            f.Wrote(PerceptronPlots.Chart($"Ball model: measured critical exponent ({count} aligned runs per D, N = 100, eps 1.5, lambda2 0.05)", "D", "nu",
                [new("measured (bootstrap SE)", ds, measured, errors, Points: true), new("(D + 1)/2", ds, [.. ds.Select(d => (d + 1) / 2)], Dashed: true)]).Save(f.PathOf("nu-vs-D")));
        });
    }

    /// <summary>
    /// Eq. 8 by simulation: the time the 1D flow (Eq. 5, integrated by Dormand-Prince with an event at b = epsilon)
    /// reaches zero test error, against Eq. 8 as printed and with the 1/(1 + lambda2) factor.
    /// </summary>
    public static Command CreateEquation8(Func<TextReader> standardInput) =>
        FigureCommand.Create(standardInput, "perceptron-equation8", "Zunkovic-Ilievski Eq. 8: simulated zero-test-error time vs derived and printed", null, [], (_, f) =>
        {
            const double epsilon = 0.3, mean = 0.05, b0 = 2;
            var table = new FigureTable("equation8.csv", "lambda1", "lambda2", "simulated t_eps", "derived (with 1/(1+lambda2))", "Eq. 8 as printed", "|simulated - derived|", "simulated / printed");
            var solver = new DormandPrince54Solver(1e-12, 1e-14);
            double Simulate(PerceptronRegularization regularization)
            {
                var crossing = new OdeEvent((_, y) => y[0] - epsilon, EventDirection.Decreasing, isTerminal: true);
                return solver.Solve(new ExponentialModelBiasSystem(mean, regularization), 0, [b0], 1000, new double[1], new OdeRequest { Events = [crossing] }).Time;
            }

            (double L1, double L2)[] cases = [(0.0, 0.0), (0.0, 0.1), (0.0, 0.5), (0.0, 1.0), (0.05, 0.5), (0.1, 2.0)];
            var simulated = cases.Select(c => Simulate(new PerceptronRegularization(c.L1, c.L2))).ToArray();
            var derived = cases.Select(c => ExponentialModelZeroTestErrorTime.Compute(epsilon, b0, mean, new PerceptronRegularization(c.L1, c.L2))).ToArray();
            for (int i = 0; i < cases.Length; i++)
            {
                double printed = ExponentialModelZeroTestErrorTime.AsPrinted(epsilon, b0, mean, new PerceptronRegularization(cases[i].L1, cases[i].L2));
                table.Add(cases[i].L1, cases[i].L2, simulated[i], derived[i], printed, Math.Abs(simulated[i] - derived[i]), simulated[i] / printed);
            }

            // Lines for lambda1 = 0 against lambda2; the cases with lambda1 > 0 as points.
            double[] dense = [.. Enumerable.Range(0, 41).Select(i => i * 0.05)];
            int[] plain = [.. Enumerable.Range(0, cases.Length).Where(i => cases[i].L1 == 0)], withL1 = [.. Enumerable.Range(0, cases.Length).Where(i => cases[i].L1 != 0)];
            var chart = new Chart("1D model: time of zero test error (eps 0.3, mean 0.05, b0 2)", "lambda2", "t_eps") { Legend = LegendPlacement.OutsideBottom }
                .Line("derived (with 1/(1 + lambda2)), lambda1 = 0", dense, [.. dense.Select(l2 => ExponentialModelZeroTestErrorTime.Compute(epsilon, b0, mean, new PerceptronRegularization(0, l2)))], LineStyle.Solid, "#1f77b4")
                .Line("Eq. 8 as printed, lambda1 = 0", dense, [.. dense.Select(l2 => ExponentialModelZeroTestErrorTime.AsPrinted(epsilon, b0, mean, new PerceptronRegularization(0, l2)))], LineStyle.Dashed, "#7f7f7f")
                .Scatter("simulated, lambda1 = 0", [.. plain.Select(i => cases[i].L2)], [.. plain.Select(i => simulated[i])], color: "#1f77b4")
                .Scatter("simulated, lambda1 = 0.05 and 0.1", [.. withL1.Select(i => cases[i].L2)], [.. withL1.Select(i => simulated[i])], color: "#d62728");
            table.Save(f);
            f.Wrote(chart.Save(f.PathOf("equation8")));
        });

    /// <summary>The large-N model with the paper's thresholds, built from inputs eps e_1 +- c e_k (c^2 = D/(D+2)) whose moments are exactly the large-N ones.</summary>
    private static (string, double[], long, double) LargeNumberModel(int d, double epsilon, double l2, long trials, FigureContext f)
    {
        double c = Math.Sqrt(d / (d + 2.0));
        var inputs = new List<double>();
        var labels = new List<double>();
        for (int k = 0; k < d; k++)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                foreach (double y in new[] { 1.0, -1.0 })
                {
                    var x = new double[d];
                    x[0] = y * epsilon;
                    x[k] += sign * c;
                    inputs.AddRange(x);
                    labels.Add(y);
                }
            }
        }

        var flow = new LinearPerceptronFlow(new LinearPerceptronData([.. inputs], d, [.. labels]), new PerceptronRegularization(0, l2));
        var training = new PapersTrainingThreshold(epsilon, d);
        var test = new BallModelPopulationError(epsilon, d);
        var initializations = new BallModelMonteCarlo(1, d, epsilon, default);
        var times = new double[trials];
        Parallel.For(0, trials, new ParallelOptions { MaxDegreeOfParallelism = f.Threads, CancellationToken = f.CancellationToken },
            i => times[i] = flow.Solve(initializations.InitialWeights(f.Seed, i)).GrokkingTimes(training, test).GrokkingTime);
        var finite = times.Where(double.IsFinite).ToArray();
        return ("large N, paper's thresholds", finite, trials, finite.Length / (double)trials);
    }

    /// <summary>The paper's training threshold of the large-N analysis: "zero training error" once eps w_1 &gt;= |w_perp|.</summary>
    private sealed class PapersTrainingThreshold(double epsilon, int dimension) : IPerceptronErrorMeasure
    {
        public int Dimension => dimension;

        public double Error(ReadOnlySpan<double> weights) => ZeroErrorMargin(weights) >= 0 ? 0 : 1;

        public double ZeroErrorMargin(ReadOnlySpan<double> weights)
        {
            double perpendicular = 0;
            for (int k = 1; k < weights.Length; k++) perpendicular += weights[k] * weights[k];
            return (epsilon * weights[0]) - Math.Sqrt(perpendicular);
        }
    }
}
