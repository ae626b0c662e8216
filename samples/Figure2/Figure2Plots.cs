using GenEft.Plotting;

/// <summary>
/// Figure 2's plots, drawn from the sample's CSV tables (so a committed figure can be redrawn without recomputing):
/// all Monte Carlo curves in one chart, one panel per relation with Eq. 5 and the Bayes-optimal bound, and the
/// small-n comparison of the exact Bayes-optimal bound with the Monte Carlo recipes.
/// </summary>
internal static class Figure2Plots
{
    private const string Eq5Color = "#7f7f7f";

    /// <summary>Draws <paramref name="stem"/>.png/.svg (all curves) and <paramref name="stem"/>-panels.png/.svg from figure2.csv's table.</summary>
    public static void Curves(CsvTable table, string stem, int n)
    {
        var all = new Chart($"GenEFT Figure 2, n = {n}: Appendix D Monte Carlo bound", "training fraction", "accuracy upper bound")
        {
            YRange = (0.7, 1.005),
            Legend = LegendPlacement.InsideLowerRight,
        };
        var panels = new Figure(columns: 2) { Title = $"GenEFT Figure 2, n = {n}: accuracy upper bounds per relation", PanelWidth = 620, PanelHeight = 440 };
        foreach (string relation in table.Distinct("relation"))
        {
            CsvTable rows = table.Where("relation", relation);
            double[] fractions = rows.Numbers("training_fraction"), mean = rows.Numbers("monte_carlo_mean");
            all.Line(relation, fractions, mean);
            var panel = new Chart($"{relation} (b = {TickFormatter.Significant(rows.Numbers("description_length_bits")[0], 4)} bits)", "training fraction", "accuracy upper bound")
            {
                YRange = (0.7, 1.005),
                Legend = LegendPlacement.InsideLowerRight,
            }
                .Scatter("Appendix D Monte Carlo (± s.e.)", fractions, mean, rows.Numbers("monte_carlo_standard_error"))
                .Line("Eq. 5", fractions, rows.Numbers("eq5_upper_bound"), LineStyle.Dashed, Eq5Color);
            double[] bayes = rows.Numbers("bayes_mean");
            if (bayes.Any(double.IsFinite))
            {
                panel.Line("Bayes-optimal", fractions, bayes);
            }

            panels.Add(panel);
        }

        all.Save(stem);
        panels.Save(stem + "-panels");
    }

    /// <summary>Draws <paramref name="stem"/>.png/.svg from exact-vs-monte-carlo.csv's table: one panel per small relation.</summary>
    public static void ExactComparison(CsvTable table, string stem)
    {
        var figure = new Figure(columns: 2) { Title = "Exact Bayes-optimal bound against the Monte Carlo recipes (small n)", PanelWidth = 620, PanelHeight = 440 };
        foreach (string relation in table.Distinct("relation"))
        {
            CsvTable rows = table.Where("relation", relation);
            double[] fractions = rows.Numbers("training_fraction");
            var panel = new Chart(relation, "training fraction", "accuracy upper bound") { Legend = LegendPlacement.InsideLowerRight }
                .Line("exact Bayes-optimal", fractions, rows.Numbers("exact_bayes_mean"))
                .Scatter("paper's Monte Carlo recipe (± s.e.)", fractions, rows.Numbers("monte_carlo_mean"), rows.Numbers("monte_carlo_standard_error"));
            double[] sampled = rows.Numbers("importance_sampling_mean");
            if (sampled.Any(double.IsFinite))
            {
                panel.Scatter("importance sampling", fractions, sampled);
            }

            figure.Add(panel.Line("Eq. 5", fractions, rows.Numbers("eq5_upper_bound"), LineStyle.Dashed, Eq5Color));
        }

        figure.Save(stem);
    }
}
