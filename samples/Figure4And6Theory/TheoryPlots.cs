using GenEft.Dynamics.Repons;
using GenEft.Plotting;

/// <summary>
/// The sample's plots: Figure 4 from its trajectories (milliseconds to integrate), Eq. 12 and Eq. 13 from the Monte
/// Carlo CSV tables plus the closed forms, so the committed figures can be redrawn without re-running the Monte Carlo.
/// </summary>
internal static class TheoryPlots
{
    private const string CollisionColor = "#2ca02c", MemorizationColor = "#d62728";
    private static readonly string[] SeriesColors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];


    /// <summary>
    /// Figure 4: trajectories of the reduced system (Eq. 10) over the collision and memorization regions, which the
    /// separatrices c = ±a2 · sqrt(eta_x / (N eta_A)) bound (C = 0, Eq. 11).
    /// </summary>
    public static void Figure4(IReadOnlyList<ReponTrajectory> trajectories, ReducedReponSystem system, string stem)
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
        chart.Save(stem, ImageFormats.PngAndSvg, 720, 760);
    }

    /// <summary>Eq. 12 (the theory line of Figure 6) for each sigma_a/sigma_c of eq12_monte_carlo.csv, with its Monte Carlo points.</summary>
    public static void Equation12(CsvTable monteCarlo, string stem)
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
            double ratio = double.Parse(sigma, System.Globalization.CultureInfo.InvariantCulture);
            chart.Line($"Eq. 12, σa/σc = {sigma}", curveX, [.. curveX.Select(r => ReponCollisionProbability.TwoRepons(ratio, 1, 1, r))], LineStyle.Solid, color);
            chart.Scatter($"Monte Carlo, σa/σc = {sigma} (± s.e.)", rows.Numbers("eta_x_over_eta_A"), rows.Numbers("monte_carlo_p"), rows.Numbers("standard_error"), color);
        }

        chart.Save(stem);
    }

    /// <summary>Eq. 13 (one repon against a cluster of N) against N for each ratio of eq13_monte_carlo.csv, with its Monte Carlo points.</summary>
    public static void Equation13(CsvTable monteCarlo, string stem)
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
            double ratio = double.Parse(ratioText, System.Globalization.CultureInfo.InvariantCulture);
            chart.Line($"Eq. 13, η_x/η_A = {ratioText}", clusters, [.. clusters.Select(n => ReponCollisionProbability.OneAgainstCluster(1, 1, 1, ratio, (int)n))], LineStyle.Solid, color);
            chart.Scatter($"Monte Carlo, η_x/η_A = {ratioText} (± s.e.)", rows.Numbers("cluster_size_N"), rows.Numbers("monte_carlo_p"), rows.Numbers("standard_error"), color);
        }

        chart.Save(stem);
    }
}
