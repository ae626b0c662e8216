using System.CommandLine;
using GenEft.Cli.Commands;
using GenEft.Plotting;
using GenEft.Relations;
using GenEft.Statics;

namespace GenEft.Cli.Figures;

/// <summary>
/// GenEFT Figure 2: the accuracy upper bound against the training fraction for mod 3, mod 5, greater-than and complete
/// bipartite (the Appendix D Monte Carlo beside Eq. 5 and the Bayes-optimal bound), and for small n the exact
/// Bayes-optimal bound beside the Monte Carlo recipes.
/// </summary>
internal static class StaticsFigure
{
    private const string Eq5Color = "#7f7f7f";

    public static Command Create(Func<TextReader> standardInput)
    {
        var size = CommonOptions.CreateCount("--size", "The relations' size n (GenEFT: 30)", 30, "-n");
        var samplings = CommonOptions.CreateCount("--samplings", "Random training sets per fraction (paper scale: 20)", 5);
        var orderings = CommonOptions.CreateCount("--orderings", "Linear extensions (greater-than) and importance-sampling assignments (mod 3, mod 5) per set (paper scale: 10000)", 1000);
        var exactSamplings = new Option<int>("--exact-samplings") { Description = "Training sets per fraction of the small-n exact comparison; 0 skips it (paper scale: 200)", DefaultValueFactory = _ => 20 };
        exactSamplings.Validators.Add(r =>
        {
            if (r.TryGet(out int v) && v < 0) r.AddError($"--exact-samplings must be at least 0, got {v}.");
        });
        var replot = new Option<bool>("--replot") { Description = "Compute nothing: redraw the images from the CSV files in --out" };
        return FigureCommand.Create(standardInput, "figure2", "GenEFT Fig. 2: accuracy upper bounds (Eq. 5, Monte Carlo, Bayes) vs training fraction",
            2402, [size, samplings, orderings, exactSamplings, replot], (p, f) =>
            {
                int n = p.GetValue(size);
                if (n < 4) throw new CliInputException($"--size must be at least 4 (mod 3 needs classes to relabel), got {n}.");
                if (p.GetValue(replot))
                {
                    Curves(f, CsvTable.Read(f.PathOf("figure2.csv")), n);
                    if (File.Exists(f.PathOf("exact-vs-monte-carlo.csv"))) ExactComparison(f, CsvTable.Read(f.PathOf("exact-vs-monte-carlo.csv")));
                    return;
                }

                Curves(f, CsvTable.Read(WriteCurves(f, n, p.GetValue(samplings), p.GetValue(orderings))), n);
                if (p.GetValue(exactSamplings) > 0)
                    ExactComparison(f, CsvTable.Read(WriteExactComparison(f, p.GetValue(exactSamplings), p.GetValue(orderings))));
            });
    }

    /// <summary>Figure 2's fractions: 0.025, 0.05, ..., 0.5.</summary>
    public static double[] Fractions { get; } = [.. Enumerable.Range(1, 20).Select(i => i / 40.0)];

    private static string WriteCurves(FigureContext f, int n, int samplings, int orderings)
    {
        var cases = new (string Name, Relation Relation, IAccuracyBound Bound, double PStar, IAccuracyBound? Bayes)[]
        {
            ("mod 3", RelationGenerators.EqualityModulo(n, 3), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 3)), GuessProbability.Equivalence(3),
                new EquivalenceImportanceSamplingBound(RelationGenerators.EqualityModulo(n, 3), orderings)),
            ("mod 5", RelationGenerators.EqualityModulo(n, 5), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 5)), GuessProbability.Equivalence(5),
                new EquivalenceImportanceSamplingBound(RelationGenerators.EqualityModulo(n, 5), orderings)),
            // greater-than's Monte Carlo (uniform linear extensions) already is the Bayes-optimal bound.
            ("greater-than", RelationGenerators.LessThan(n), new LinearExtensionAccuracyBound(RelationGenerators.LessThan(n), orderings), GuessProbability.TotalOrder, null),
            ("bipartite", RelationGenerators.CompleteBipartite(n, n / 2), new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(n, n / 2)), GuessProbability.CompleteBipartite,
                new TwoClassExactAccuracyBound(RelationGenerators.CompleteBipartite(n, n / 2))),
        };
        var table = new FigureTable("figure2.csv", "relation", "description_length_bits", "training_fraction", "eq5_upper_bound", "monte_carlo_mean", "monte_carlo_standard_error", "bayes_mean", "bayes_standard_error", "samplings");
        var stage = f.Progress("figure2 bounds");
        for (int c = 0; c < cases.Length; c++)
        {
            var (name, relation, bound, pStar, bayes) = cases[c];
            double bits = OrbitDescriptionLength.Of(relation);
            // Same seed: every bound sees the same training sets.
            var curve = AccuracyBoundEstimator.EstimateCurve(bound, Fractions, samplings, f.Seed, f.Threads, cancellationToken: f.CancellationToken);
            var exact = bayes is null ? null : AccuracyBoundEstimator.EstimateCurve(bayes, Fractions, samplings, f.Seed, f.Threads, cancellationToken: f.CancellationToken);
            for (int i = 0; i < Fractions.Length; i++)
            {
                table.Add(name, bits, Fractions[i], AccuracyUpperBound.AtTrainingFraction(bits, n, Fractions[i], pStar), curve[i].Mean, curve[i].StandardError,
                    exact?[i].Mean ?? double.NaN, exact?[i].StandardError ?? double.NaN, samplings);
            }

            stage.Report((c + 1.0) / cases.Length);
        }

        stage.Finish();
        return table.Save(f);
    }

    // Small n: the exact Bayes-optimal bound (uniform over the relabellings of the true relation, its orbit; for
    // greater-than all n! total orders) beside the Monte Carlo recipe and Eq. 5.
    private static string WriteExactComparison(FigureContext f, int samplings, int orderings)
    {
        double[] fractions = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
        var cases = new (string Name, Relation Truth, IAccuracyBound Recipe, double PStar)[]
        {
            ("mod 3, n = 6", RelationGenerators.EqualityModulo(6, 3), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(6, 3)), GuessProbability.Equivalence(3)),
            ("mod 2, n = 7", RelationGenerators.EqualityModulo(7, 2), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(7, 2)), GuessProbability.Equivalence(2)),
            ("complete bipartite, n = 7 (3 + 4)", RelationGenerators.CompleteBipartite(7, 3), new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(7, 3)), GuessProbability.CompleteBipartite),
            ("greater-than, n = 7", RelationGenerators.LessThan(7), new LinearExtensionAccuracyBound(RelationGenerators.LessThan(7), orderings), GuessProbability.TotalOrder),
        };
        var table = new FigureTable("exact-vs-monte-carlo.csv", "relation", "training_fraction", "exact_bayes_mean", "exact_bayes_standard_error", "monte_carlo_mean", "monte_carlo_standard_error", "importance_sampling_mean", "eq5_upper_bound", "samplings");
        var stage = f.Progress("figure2 exact comparison");
        for (int c = 0; c < cases.Length; c++)
        {
            var (name, truth, recipe, pStar) = cases[c];
            var exact = new ExactAccuracyBound(truth, RelationEnumeration.Orbit(truth));
            double bits = OrbitDescriptionLength.Of(truth);
            var exactCurve = AccuracyBoundEstimator.EstimateCurve(exact, fractions, samplings, f.Seed, f.Threads, cancellationToken: f.CancellationToken);
            var recipeCurve = AccuracyBoundEstimator.EstimateCurve(recipe, fractions, samplings, f.Seed, f.Threads, cancellationToken: f.CancellationToken);
            var sampled = truth.IsEquivalence
                ? AccuracyBoundEstimator.EstimateCurve(new EquivalenceImportanceSamplingBound(truth, orderings), fractions, samplings, f.Seed, f.Threads, cancellationToken: f.CancellationToken)
                : null;
            for (int i = 0; i < fractions.Length; i++)
            {
                table.Add(name, fractions[i], exactCurve[i].Mean, exactCurve[i].StandardError, recipeCurve[i].Mean, recipeCurve[i].StandardError,
                    sampled?[i].Mean ?? double.NaN, AccuracyUpperBound.AtTrainingFraction(bits, truth.Size, fractions[i], pStar), samplings);
            }

            stage.Report((c + 1.0) / cases.Length);
        }

        stage.Finish();
        return table.Save(f);
    }

    /// <summary>figure2.png/svg (all Monte Carlo curves) and figure2-panels.png/svg (one panel per relation) from figure2.csv.</summary>
    private static void Curves(FigureContext f, CsvTable table, int n)
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
            if (bayes.Any(double.IsFinite)) panel.Line("Bayes-optimal", fractions, bayes);
            panels.Add(panel);
        }

        f.Wrote(all.Save(f.PathOf("figure2")));
        f.Wrote(panels.Save(f.PathOf("figure2-panels")));
    }

    /// <summary>exact-vs-monte-carlo.png/svg from its CSV: one panel per small relation.</summary>
    private static void ExactComparison(FigureContext f, CsvTable table)
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
            if (sampled.Any(double.IsFinite)) panel.Scatter("importance sampling", fractions, sampled);
            figure.Add(panel.Line("Eq. 5", fractions, rows.Numbers("eq5_upper_bound"), LineStyle.Dashed, Eq5Color));
        }

        f.Wrote(figure.Save(f.PathOf("exact-vs-monte-carlo")));
    }
}
