using System.CommandLine;
using System.Globalization;
using GenEft.Cli.Commands;
using GenEft.Dynamics.Repons;
using GenEft.Plotting;

namespace GenEft.Cli.Figures;

/// <summary>
/// GenEFT Figure 4 (the repon phase portrait in the (a2, c) plane), Eq. 12 (the theory line of Figure 6) against a
/// Monte Carlo of the reduced system (Eq. 10), and Eq. 13 (one repon against a cluster of N) against its Monte Carlo.
/// </summary>
internal static class ReponFigures
{
    private const string CollisionColor = "#2ca02c", MemorizationColor = "#d62728";
    private static readonly string[] SeriesColors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

    public static Command CreateFigure4(Func<TextReader> standardInput) =>
        FigureCommand.Create(standardInput, "figure4", "GenEFT Fig. 4: the repon phase portrait (a2, c) with its separatrices", null, [], (_, f) =>
        {
            // eta_A = eta_x = 1: the separatrix is c = +-a2 / sqrt(2).
            var system = new ReducedReponSystem(1.0, 1.0);
            ReponTrajectory[] trajectories = PortraitTrajectories(system);
            var table = new FigureTable("figure4_trajectories.csv", "trajectory", "a2_0", "c_0", "conserved_C", "outcome", "t", "a2", "c");
            for (int i = 0; i < trajectories.Length; i++)
            {
                ReponTrajectory tr = trajectories[i];
                double conserved = system.ConservedQuantity(tr.Start);
                for (int k = 0; k < tr.Times.Length; k++) table.Add(i, tr.Start.A2, tr.Start.C, conserved, tr.Outcome, tr.Times[k], tr.A2[k], tr.C[k]);
            }

            // 6400 rows: the CSV holds them, stdout only the summary.
            WriteQuietly(table, f);
            f.Line($"figure4: {trajectories.Length} trajectories, separatrix slope {system.SeparatrixSlope:F6}");
            Figure4(f, trajectories, system);
        });

    public static Command CreateEquation12(Func<TextReader> standardInput)
    {
        var samples = CommonOptions.CreateCount("--samples", "Monte Carlo starts per point (paper scale: 100000)", 5000L);
        var replot = new Option<bool>("--replot") { Description = "Compute nothing: redraw the image from eq12_monte_carlo.csv in --out" };
        return FigureCommand.Create(standardInput, "eq12", "GenEFT Eq. 12 (Fig. 6 theory line): P(collision) vs eta_x/eta_A, with Monte Carlo", 6, [samples, replot], (p, f) =>
        {
            if (!p.GetValue(replot))
            {
                double[] ratios = [.. Enumerable.Range(0, 9).Select(k => Math.Pow(10, -2 + (k * 0.5)))];
                double[] sigmaRatios = [0.5, 1.0, 2.0];
                var table = new FigureTable("eq12_monte_carlo.csv", "sigma_a_over_sigma_c", "eta_x_over_eta_A", "samples", "monte_carlo_p", "standard_error", "eq12", "z_score", "undecided", "decided_at_start", "disagreements_with_C", "steps_per_integrated_run");
                var stage = f.Progress("eq12 Monte Carlo");
                int done = 0;
                foreach (double sigmaRatio in sigmaRatios)
                {
                    foreach (double ratio in ratios)
                    {
                        var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1.0, ratio), sigmaRatio, 1.0) { MaxDegreeOfParallelism = f.Threads };
                        ReponCollisionEstimate e = estimator.Estimate(p.GetValue(samples), f.Seed, cancellationToken: f.CancellationToken);
                        double exact = ReponCollisionProbability.TwoRepons(sigmaRatio, 1, 1, ratio);
                        table.Add(sigmaRatio, ratio, e.Samples, e.Probability, e.StandardError, exact, (e.Probability - exact) / e.StandardError, e.Undecided, e.DecidedAtStart,
                            e.DisagreementsWithConservedQuantity, (double)e.Steps / Math.Max(1, e.Samples - e.DecidedAtStart));
                        stage.Report(++done / (double)(sigmaRatios.Length * ratios.Length));
                    }
                }

                stage.Finish();
                table.Save(f);
            }

            Equation12(f, CsvTable.Read(f.PathOf("eq12_monte_carlo.csv")));
        });
    }

    public static Command CreateEquation13(Func<TextReader> standardInput)
    {
        var samples = CommonOptions.CreateCount("--samples", "Monte Carlo starts per point (paper scale: 100000)", 5000L);
        var replot = new Option<bool>("--replot") { Description = "Compute nothing: redraw the image from eq13_monte_carlo.csv in --out" };
        return FigureCommand.Create(standardInput, "eq13", "GenEFT Eq. 13: P(collision) of one repon against a cluster of N, with Monte Carlo", 13, [samples, replot], (p, f) =>
        {
            if (!p.GetValue(replot))
            {
                int[] clusterSizes = [1, 2, 5, 10];
                double[] ratios = [0.1, 1.0, 10.0];
                var table = new FigureTable("eq13_monte_carlo.csv", "cluster_size_N", "eta_x_over_eta_A", "samples", "monte_carlo_p", "standard_error", "eq13", "z_score", "undecided", "disagreements_with_C");
                var stage = f.Progress("eq13 Monte Carlo");
                int done = 0;
                foreach (int n in clusterSizes)
                {
                    foreach (double ratio in ratios)
                    {
                        var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1.0, ratio, n), 1.0, 1.0) { MaxDegreeOfParallelism = f.Threads };
                        ReponCollisionEstimate e = estimator.Estimate(p.GetValue(samples), f.Seed, cancellationToken: f.CancellationToken);
                        double exact = ReponCollisionProbability.OneAgainstCluster(1, 1, 1, ratio, n);
                        table.Add(n, ratio, e.Samples, e.Probability, e.StandardError, exact, (e.Probability - exact) / e.StandardError, e.Undecided, e.DisagreementsWithConservedQuantity);
                        stage.Report(++done / (double)(clusterSizes.Length * ratios.Length));
                    }
                }

                stage.Finish();
                table.Save(f);
            }

            Equation13(f, CsvTable.Read(f.PathOf("eq13_monte_carlo.csv")));
        });
    }

    /// <summary>Writes a long table's CSV without printing its rows.</summary>
    private static void WriteQuietly(FigureTable table, FigureContext f) => table.Save(f, print: false);

    // 32 starts on the circles of radius 1 and 2, integrated to t = 50.
    private static ReponTrajectory[] PortraitTrajectories(ReducedReponSystem system)
    {
        var starts = new List<ReducedReponState>();
        foreach (double radius in new[] { 1.0, 2.0 })
        {
            foreach (double angle in Enumerable.Range(0, 16).Select(k => (k + 0.5) * Math.PI / 8))
                starts.Add(new ReducedReponState(radius * Math.Cos(angle), radius * Math.Sin(angle)));
        }

        return ReponPhasePortrait.Trajectories(system, starts, endTime: 50, pointsPerTrajectory: 200);
    }

    /// <summary>
    /// Figure 4: trajectories of the reduced system (Eq. 10) over the collision and memorization regions, which the
    /// separatrices c = ±a2 · sqrt(eta_x / (N eta_A)) bound (C = 0, Eq. 11).
    /// </summary>
    private static void Figure4(FigureContext f, IReadOnlyList<ReponTrajectory> trajectories, ReducedReponSystem system)
    {
        const double Extent = 2.2;
        double s = system.SeparatrixSlope, e = Extent, h = Extent * s;
        var chart = new Chart(
            $"GenEFT Figure 4: repon phase portrait (eta_A = {system.DecoderLearningRate}, eta_x = {system.EncoderLearningRate})",
            "a2 (decoder weight)",
            "c (half repon distance)")
        {
            XRange = (-Extent, Extent),
            YRange = (-Extent, Extent),
            Legend = LegendPlacement.OutsideBottom,
        }
            .Area("collision region (C > 0)", [0, e, e], [0, h, -h], CollisionColor)
            .Area(string.Empty, [0, -e, -e], [0, h, -h], CollisionColor)
            .Area("memorization region (C < 0)", [0, e, e, -e, -e], [0, h, e, e, h], MemorizationColor)
            .Area(string.Empty, [0, e, e, -e, -e], [0, -h, -e, -e, -h], MemorizationColor)
            .Line($"separatrix c = ±{TickFormatter.Significant(s, 3)} a2", [-e, e], [-h, h], LineStyle.Dashed, "#000000")
            .Line(string.Empty, [-e, e], [h, -h], LineStyle.Dashed, "#000000");
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReponTrajectory trajectory in trajectories)
        {
            bool collides = trajectory.Outcome == ReponOutcome.Collision;
            string label = collides ? "trajectory → collision" : "trajectory → memorization";
            chart.Line(labelled.Add(label) ? label : string.Empty, trajectory.A2, trajectory.C, LineStyle.Solid, collides ? "#1b6e1b" : "#9e1b1b");
        }

        chart.Scatter("start (t = 0)", [.. trajectories.Select(t => t.Start.A2)], [.. trajectories.Select(t => t.Start.C)], color: "#000000");
        f.Wrote(chart.Save(f.PathOf("figure4_portrait"), ImageFormats.PngAndSvg, 720, 760));
    }

    /// <summary>Eq. 12 for each sigma_a/sigma_c of eq12_monte_carlo.csv, with its Monte Carlo points.</summary>
    private static void Equation12(FigureContext f, CsvTable monteCarlo)
    {
        double samples = monteCarlo.Numbers("samples")[0];
        var chart = new Chart($"GenEFT Eq. 12 (Figure 6 theory line) vs Monte Carlo, {samples:N0} samples per point", "eta_x / eta_A (encoder / decoder learning rate)", "P(collision)")
        {
            XScale = AxisScale.Log10,
            YRange = (0, 1),
            Legend = LegendPlacement.InsideUpperLeft,
        };
        double[] curveX = [.. Enumerable.Range(0, 81).Select(k => Math.Pow(10, -2 + (k * 0.05)))];
        string[] sigmas = monteCarlo.Distinct("sigma_a_over_sigma_c");
        for (int k = 0; k < sigmas.Length; k++)
        {
            string sigma = sigmas[k], color = SeriesColors[k % SeriesColors.Length];
            CsvTable rows = monteCarlo.Where("sigma_a_over_sigma_c", sigma);
            double ratio = double.Parse(sigma, CultureInfo.InvariantCulture);
            chart.Line($"Eq. 12, σa/σc = {sigma}", curveX, [.. curveX.Select(r => ReponCollisionProbability.TwoRepons(ratio, 1, 1, r))], LineStyle.Solid, color);
            chart.Scatter($"Monte Carlo, σa/σc = {sigma} (± s.e.)", rows.Numbers("eta_x_over_eta_A"), rows.Numbers("monte_carlo_p"), rows.Numbers("standard_error"), color);
        }

        f.Wrote(chart.Save(f.PathOf("eq12_curve")));
    }

    /// <summary>Eq. 13 against N for each ratio of eq13_monte_carlo.csv, with its Monte Carlo points.</summary>
    private static void Equation13(FigureContext f, CsvTable monteCarlo)
    {
        var chart = new Chart("GenEFT Eq. 13: one repon against a cluster of N (σa = σc = 1)", "cluster size N", "P(collision)")
        {
            XScale = AxisScale.Log10,
            YRange = (0, 1),
        };
        double[] clusters = [.. Enumerable.Range(1, 10).Select(n => (double)n)];
        string[] ratios = monteCarlo.Distinct("eta_x_over_eta_A");
        for (int k = 0; k < ratios.Length; k++)
        {
            string ratioText = ratios[k], color = SeriesColors[k % SeriesColors.Length];
            CsvTable rows = monteCarlo.Where("eta_x_over_eta_A", ratioText);
            double ratio = double.Parse(ratioText, CultureInfo.InvariantCulture);
            chart.Line($"Eq. 13, η_x/η_A = {ratioText}", clusters, [.. clusters.Select(n => ReponCollisionProbability.OneAgainstCluster(1, 1, 1, ratio, (int)n))], LineStyle.Solid, color);
            chart.Scatter($"Monte Carlo, η_x/η_A = {ratioText} (± s.e.)", rows.Numbers("cluster_size_N"), rows.Numbers("monte_carlo_p"), rows.Numbers("standard_error"), color);
        }

        f.Wrote(chart.Save(f.PathOf("eq13_curve")));
    }
}
