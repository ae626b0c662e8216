using System.CommandLine;
using GenEft.Cli.Commands;
using GenEft.Dynamics.Repons;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Plotting;
using GenEft.Statics;

namespace GenEft.Cli.Figures;

/// <summary>GenEFT Figures 3, 5, 6, 7 and 8: sweeps of autoencoder training runs (<see cref="TrainingSweep"/>).</summary>
internal static class SweepFigures
{
    /// <summary>
    /// Figure 3: accuracy over all n^2 pairs after training vs training fraction, for mod 3 and greater-than, for the
    /// Table 3 decoder and for the simple decoders with the relation's inductive bias (mode 3 with no hidden layer,
    /// linear or ReLU(0.1 - x) head, for mod 3; mode 2 with no hidden layer for greater-than); with Eq. 5's bound and b / n^2.
    /// </summary>
    public static Command CreateFigure3(Func<TextReader> standardInput)
    {
        var sweep = new TrainingSweep(budget: 1000, seeds: 1);
        var relations = TrainingSweep.CreateRelations("--relations", "mod3", "greater");
        relations.AcceptOnlyFromAmong("mod3", "greater");
        var fractions = CommonOptions.CreateNumbers("--fractions", "Training fractions, in (0, 1]", [0.05, 0.1, 0.2, 0.3, 0.5, 0.75], v => v > 0 && v <= 1, "in (0, 1]", many: true);
        return FigureCommand.Create(standardInput, "figure3", "GenEFT Fig. 3: accuracy vs training fraction, Table 3 and inductive-bias decoders, Eq. 5",
            0, [relations, fractions, .. sweep.Options], (p, f) =>
            {
                int n = p.GetValue(sweep.Size);
                foreach (string relation in p.GetValue(relations)!)
                {
                    var grid = new SweepGrid(
                        [
                            new SweepAxis("fraction", p.GetValue(fractions)!),
                            new SweepAxis("variant", relation == "mod3" ? [0, 1, 2] : [0, 1]),
                            SweepAxis.Replicates("replicate", p.GetValue(sweep.Seeds)),
                        ],
                        baseSeed: f.Seed,
                        seedAxes: ["replicate", "fraction"]);
                    var rows = sweep.Run(grid, p, f, $"figure3-{relation}.jsonl", cell =>
                    {
                        var settings = sweep.Settings(cell, p, relation) with { StopWhenCertain = false };
                        return cell["variant"] == 0 ? settings : settings with { Model = InductiveBias(relation, settings.Model, (int)cell["variant"]) };
                    });
                    WriteCsv(f, rows, $"figure3-{relation}.csv");

                    double b = relation == "mod3" ? DescriptionLength.Equivalence(n, 3) : DescriptionLength.TotalOrder(n);
                    double pStar = relation == "mod3" ? GuessProbability.Equivalence(3) : GuessProbability.TotalOrder;
                    var xs = rows.Select(r => r.Coordinate("fraction")).Distinct().Order().ToArray();
                    var plot = new Chart($"GenEFT Figure 3: {relation} (n = {n})", "training fraction", "accuracy over all pairs")
                    {
                        XRange = (0, 1),
                        Legend = LegendPlacement.OutsideBottom,
                    };
                    foreach (int variant in rows.Select(r => (int)r.Coordinate("variant")).Distinct().Order())
                    {
                        var mean = xs.Select(x => rows.Where(r => r.Coordinate("fraction") == x && r.Coordinate("variant") == variant).Average(r => r.Number("all_accuracy"))).ToArray();
                        string name = variant switch
                        {
                            0 => "n_h=3, w=50, mode 1, d=2",
                            1 => relation == "mod3" ? "n_h=0, mode 3, d=2" : "n_h=0, mode 2, d=2",
                            _ => "n_h=0, mode 3, ReLU(0.1-x) head, d=2",
                        };
                        plot.Scatter(name, xs, mean);
                        f.Line($"{relation} {name}: {string.Join(" ", xs.Zip(mean).Select(t => FormattableString.Invariant($"{t.First}:{t.Second:F3}")))}");
                    }

                    var grid100 = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
                    f.Wrote(plot.Line("Eq. 5 upper bound", grid100, grid100.Select(x => AccuracyUpperBound.AtTrainingFraction(b, n, x, pStar)).ToArray(), LineStyle.Dashed)
                        .VerticalLine($"b/n² = {b / (n * n):F3}", b / (n * n), LineStyle.Dotted)
                        .Save(f.PathOf($"figure3-{relation}"), ImageFormats.PngAndSvg, 720, 560));
                }
            });
    }

    /// <summary>
    /// Figure 5: phase diagrams over (eta_enc, eta_dec) on log axes, one seed per diagram, and a fit of the
    /// generalization/memorization boundary: its slope on log axes and the ratio eta_dec / eta_enc where it lies.
    /// </summary>
    public static Command CreateFigure5(Func<TextReader> standardInput)
    {
        var sweep = new TrainingSweep(budget: 2000, seeds: 1);
        var relations = TrainingSweep.CreateRelations("--relations", "mod3");
        var gridSize = CommonOptions.CreateCount("--grid-size", "Learning rates per axis (paper scale: 10)", 5);
        var min = FigureOptions.Positive("--min", "The smallest learning rate of both axes", 1e-4);
        var max = FigureOptions.Positive("--max", "The largest learning rate of both axes", 1e-2);
        return FigureCommand.Create(standardInput, "figure5", "GenEFT Fig. 5: phase diagram over (eta_enc, eta_dec) and its boundary fit",
            0, [relations, gridSize, min, max, .. sweep.Options], (p, f) =>
            {
                foreach (string relation in p.GetValue(relations)!)
                {
                    var grid = new SweepGrid(
                        [
                            SweepAxis.LogSpaced("eta_enc", p.One(min), p.One(max), p.GetValue(gridSize)),
                            SweepAxis.LogSpaced("eta_dec", p.One(min), p.One(max), p.GetValue(gridSize)),
                            SweepAxis.Replicates("replicate", p.GetValue(sweep.Seeds)),
                        ],
                        baseSeed: f.Seed,
                        seedAxes: ["replicate"]);
                    var rows = sweep.Run(grid, p, f, $"figure5-{relation}.jsonl", cell => sweep.Settings(cell, p, relation));
                    WriteCsv(f, rows, $"figure5-{relation}.csv");
                    PhaseFigure(f, rows, "eta_enc", "eta_dec", $"figure5-{relation}", $"GenEFT Figure 5: {relation}");
                }
            });
    }

    /// <summary>
    /// Figure 6: probability of generalization vs the learning-rate ratio eta_dec / eta_enc for several embedding
    /// initialization scales, with Eq. 12 for sigma_a = sigma_c.
    /// </summary>
    public static Command CreateFigure6(Func<TextReader> standardInput)
    {
        var sweep = new TrainingSweep(budget: 2000, seeds: 2);
        var etaEnc = FigureOptions.Positive("--eta-enc", "The encoder learning rate eta_enc (the committed 5000-step run: 1e-4)", 1e-3);
        var minRatio = FigureOptions.Positive("--min-ratio", "The smallest eta_dec / eta_enc", 0.1);
        var maxRatio = FigureOptions.Positive("--max-ratio", "The largest eta_dec / eta_enc", 1000);
        var ratioCount = CommonOptions.CreateCount("--ratios", "Log-spaced ratios from --min-ratio to --max-ratio", 5);
        var inits = FigureOptions.PositiveList("--inits", "Embedding initialization scales", 0.5, 1, 2);
        var scaleSeeds = CommonOptions.CreateCount("--scale-seeds", "Initializations over which Eq. 12's sigma_a and sigma_c are measured", 20);
        return FigureCommand.Create(standardInput, "figure6", "GenEFT Fig. 6: P(generalization) vs eta_dec/eta_enc per init scale, with Eq. 12",
            0, [etaEnc, minRatio, maxRatio, ratioCount, inits, scaleSeeds, .. sweep.Options], (p, f) =>
            {
                double eta = p.One(etaEnc);
                var grid = new SweepGrid(
                    [
                        SweepAxis.LogSpaced("ratio", p.One(minRatio), p.One(maxRatio), p.GetValue(ratioCount)),
                        new SweepAxis("init", p.GetValue(inits)!),
                        SweepAxis.Replicates("replicate", p.GetValue(sweep.Seeds)),
                    ],
                    baseSeed: f.Seed,
                    seedAxes: ["replicate", "init"]);
                var rows = sweep.Run(grid, p, f, "figure6.jsonl", cell =>
                {
                    var s = sweep.Settings(cell, p, "mod3");
                    return s with { Optimizer = s.Optimizer with { EncoderLearningRate = eta, DecoderLearningRate = eta * cell["ratio"] } };
                });
                WriteCsv(f, rows, "figure6.csv");
                var ratios = rows.Select(r => r.Coordinate("ratio")).Distinct().Order().ToArray();
                var plot = new Chart($"GenEFT Figure 6: P(generalization), mod 3, eta_enc = {eta:G3}", "eta_dec / eta_enc", "probability of generalization")
                {
                    XScale = AxisScale.Log10,
                    YRange = (-0.03, 1.03),
                };

                // One colour per init scale, shared by its points and its Eq. 12 line.
                string[] palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
                var initScales = rows.Select(r => r.Coordinate("init")).Distinct().Order().ToArray();
                string ColorOf(double init) => palette[Array.IndexOf(initScales, init) % palette.Length];
                foreach (double init in initScales)
                {
                    var pg = ratios.Select(q => rows.Where(r => r.Coordinate("ratio") == q && r.Coordinate("init") == init)
                        .Average(r => r.Text("phase") is nameof(Phase.Generalization) or nameof(Phase.Grokking) ? 1.0 : 0.0)).ToArray();
                    int runs = rows.Count(r => r.Coordinate("ratio") == ratios[0] && r.Coordinate("init") == init);
                    plot.Scatter($"init scale {init}, {runs} seeds (± s.e.)", ratios, pg, pg.Select(q => Math.Sqrt(q * (1 - q) / runs)).ToArray(), ColorOf(init));
                    f.Line($"init {init}: {string.Join(" ", ratios.Zip(pg).Select(t => FormattableString.Invariant($"{t.First:G3}:{t.Second:F2}")))}");
                }

                // Eq. 12 per init scale, with sigma_a and sigma_c measured on the model's own initialization
                // (ReponScales.Measure: RMS decoder gain along same-class embedding differences, RMS half-distance).
                var dense = Enumerable.Range(0, 61).Select(i => ratios[0] * Math.Pow(ratios[^1] / ratios[0], i / 60.0)).ToArray();
                var bounds = new FigureTable("figure6-eq12.csv", "init", "sigma_a", "sigma_c", "sigma_a/sigma_c", "initializations", "samples");
                foreach (double init in initScales)
                {
                    var probe = sweep.Settings(grid.Cells[0], p, "mod3") with { Seed = f.Seed };
                    var scales = ReponScales.Measure(probe with { Model = probe.Model with { EmbeddingInitScale = init } }, p.GetValue(scaleSeeds), f.CancellationToken);
                    bounds.Add(init, scales.SigmaA, scales.SigmaC, scales.Ratio, scales.Initializations, scales.Samples);
                    plot.Line(FormattableString.Invariant($"Eq. 12, init {init}: sigma_a/sigma_c = {scales.Ratio:G3} (measured)"), dense, dense.Select(scales.CollisionBound).ToArray(), LineStyle.Dashed, ColorOf(init));
                    f.Line(FormattableString.Invariant($"init {init}: sigma_a {scales.SigmaA:G4}, sigma_c {scales.SigmaC:G4}, ratio {scales.Ratio:G4} ({scales.Initializations} initializations); Eq. 12 at the ratios: {string.Join(" ", ratios.Select(q => $"{q:G3}:{scales.CollisionBound(q):F3}"))}"));
                }

                bounds.Save(f);
                f.Wrote(plot.Save(f.PathOf("figure6"), ImageFormats.PngAndSvg, 1400, 620));
            });
    }

    /// <summary>
    /// Figure 7 (Appendix E): test accuracy vs decoder depth for mod 3 with width 10 and training fraction 0.3 (the
    /// Goldilocks zone): too shallow gives confusion, too deep memorization.
    /// </summary>
    public static Command CreateFigure7(Func<TextReader> standardInput)
    {
        var sweep = new TrainingSweep(budget: 2000, seeds: 2, width: 10, depthIsAxis: true);
        var maxDepth = new Option<int>("--max-depth") { Description = "Decoder depths 0 .. this (hidden layers)", DefaultValueFactory = _ => 4 };
        maxDepth.Validators.Add(r =>
        {
            if (r.TryGet(out int v) && v < 0) r.AddError($"--max-depth must be at least 0, got {v}.");
        });
        var fraction = CommonOptions.CreateNumbers("--fraction", "The training fraction, in (0, 1]", [0.3], v => v > 0 && v <= 1, "in (0, 1]", many: false);
        return FigureCommand.Create(standardInput, "figure7", "GenEFT Fig. 7: test accuracy vs decoder depth (the Goldilocks zone), mod 3",
            0, [maxDepth, fraction, .. sweep.Options], (p, f) =>
            {
                var grid = new SweepGrid(
                    [new SweepAxis("depth", Enumerable.Range(0, p.GetValue(maxDepth) + 1).Select(d => (double)d)), SweepAxis.Replicates("replicate", p.GetValue(sweep.Seeds))],
                    baseSeed: f.Seed,
                    seedAxes: ["replicate"]);
                var rows = sweep.Run(grid, p, f, "figure7.jsonl", cell => sweep.Settings(cell, p, "mod3") with
                {
                    TrainingFraction = p.One(fraction),
                    StopWhenCertain = false,
                });
                WriteCsv(f, rows, "figure7.csv");
                var depths = rows.Select(r => r.Coordinate("depth")).Distinct().Order().ToArray();
                double[] Values(double d, string name) => [.. rows.Where(r => r.Coordinate("depth") == d).Select(r => r.Number(name))];
                var mean = depths.Select(d => Values(d, "test_accuracy").Average()).ToArray();
                var se = depths.Select(d => StandardError(Values(d, "test_accuracy"))).ToArray();
                var train = depths.Select(d => Values(d, "train_accuracy").Average()).ToArray();
                for (int i = 0; i < depths.Length; i++)
                {
                    var phases = rows.Where(r => r.Coordinate("depth") == depths[i]).Select(r => PhaseDiagram.Letter(Enum.Parse<Phase>(r.Text("phase"))));
                    f.Line($"depth {depths[i]}: test {mean[i]:F3} ± {se[i]:F3}, train {train[i]:F3}, phases {string.Concat(phases)}");
                }

                f.Wrote(new Chart(FormattableString.Invariant($"GenEFT Figure 7: mod 3, width {p.GetValue(sweep.Width)}, fraction {p.One(fraction)}"), "decoder depth (hidden layers)", "accuracy")
                    { Legend = LegendPlacement.InsideLowerRight }
                    .Scatter("test accuracy (mean ± s.e.)", depths, mean, se)
                    .Line("train accuracy (mean)", depths, train, LineStyle.Dashed)
                    .Save(f.PathOf("figure7")));
            });
    }

    /// <summary>
    /// Figure 8 (Appendix F): phase diagram over (wd_dec, eta_dec) at a fixed eta_enc; the memorization /
    /// generalization boundary should not move with the decoder's weight decay.
    /// </summary>
    public static Command CreateFigure8(Func<TextReader> standardInput)
    {
        var sweep = new TrainingSweep(budget: 2000, seeds: 1);
        var relations = TrainingSweep.CreateRelations("--relations", "mod3");
        var gridSize = CommonOptions.CreateCount("--grid-size", "Values per axis", 4);
        var minWd = FigureOptions.Positive("--min-wd", "The smallest decoder weight decay", 1e-4);
        var maxWd = FigureOptions.Positive("--max-wd", "The largest decoder weight decay", 1e-1);
        var min = FigureOptions.Positive("--min", "The smallest decoder learning rate", 1e-4);
        var max = FigureOptions.Positive("--max", "The largest decoder learning rate", 1e-2);
        var etaEnc = FigureOptions.Positive("--eta-enc", "The encoder learning rate (the paper: 1e-5, with --budget 100000)", 3e-4);
        return FigureCommand.Create(standardInput, "figure8", "GenEFT Fig. 8: phase diagram over (wd_dec, eta_dec) at fixed eta_enc",
            0, [relations, gridSize, minWd, maxWd, min, max, etaEnc, .. sweep.Options], (p, f) =>
            {
                foreach (string relation in p.GetValue(relations)!)
                {
                    var grid = new SweepGrid(
                        [
                            SweepAxis.LogSpaced("wd_dec", p.One(minWd), p.One(maxWd), p.GetValue(gridSize)),
                            SweepAxis.LogSpaced("eta_dec", p.One(min), p.One(max), p.GetValue(gridSize)),
                            SweepAxis.Replicates("replicate", p.GetValue(sweep.Seeds)),
                        ],
                        baseSeed: f.Seed,
                        seedAxes: ["replicate"]);
                    var rows = sweep.Run(grid, p, f, $"figure8-{relation}.jsonl", cell =>
                    {
                        var s = sweep.Settings(cell, p, relation);
                        return s with { Optimizer = s.Optimizer with { EncoderLearningRate = p.One(etaEnc) } };
                    });
                    WriteCsv(f, rows, $"figure8-{relation}.csv");
                    PhaseFigure(f, rows, "wd_dec", "eta_dec", $"figure8-{relation}", FormattableString.Invariant($"GenEFT Figure 8: {relation}, eta_enc = {p.One(etaEnc):G3}"));
                }
            });
    }

    private static AutoencoderConfig InductiveBias(string relation, AutoencoderConfig config, int variant) => relation == "mod3"
        ? config with { Combine = CombineMode.SquaredDifference, DecoderDepth = 0, Head = variant == 2 ? OutputHead.ProximityRelu : OutputHead.Linear }
        : config with { Combine = CombineMode.Difference, DecoderDepth = 0 };

    private static double StandardError(double[] values) =>
        values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => Math.Pow(v - values.Average(), 2)) / (values.Length - 1) / values.Length);

    private static void WriteCsv(FigureContext f, IReadOnlyList<SweepRow> rows, string file)
    {
        SweepResults.WriteCsv(rows, f.PathOf(file));
        f.Wrote([f.PathOf(file)]);
    }

    /// <summary>Phase names in <see cref="Phase"/> order and a colour for each: green generalizes, red memorizes, as in the paper's figures.</summary>
    private static readonly string[] PhaseNames = [.. Enum.GetNames<Phase>()];

    private static readonly string[] PhaseColors = ["#2ca02c", "#ff7f0e", "#d62728", "#7f7f7f", "#9467bd"];

    /// <summary>
    /// The phase map on stdout and the boundary fits (also in a -boundary.txt file), and the image: the first
    /// replicate's phase per (x, y) cell on log axes with the per-column boundary points and their least-squares line.
    /// </summary>
    private static void PhaseFigure(FigureContext f, IReadOnlyList<SweepRow> rows, string xAxis, string yAxis, string stem, string title)
    {
        var cells = PhaseDiagram.FromRows(rows, xAxis, yAxis);
        var fit = PhaseDiagram.FitBoundary(cells);
        string fits = fit.Describe(xAxis, yAxis) + Environment.NewLine + PhaseDiagram.FitSeparatingLine(cells).Describe(xAxis, yAxis, 1e-4) + Environment.NewLine;
        f.Line(PhaseDiagram.Render(cells).TrimEnd());
        f.Line(fits.TrimEnd());
        File.WriteAllText(f.PathOf(stem + "-boundary.txt"), fits);
        f.Wrote([f.PathOf(stem + "-boundary.txt")]);

        var xs = rows.Select(r => r.Coordinate(xAxis)).Distinct().Order().ToArray();
        var ys = rows.Select(r => r.Coordinate(yAxis)).Distinct().Order().ToArray();
        var phases = new int[xs.Length, ys.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            for (int j = 0; j < ys.Length; j++)
            {
                var row = rows.Where(r => r.Coordinate(xAxis) == xs[i] && r.Coordinate(yAxis) == ys[j]).MinBy(r => r.Index);
                phases[i, j] = row is null ? -1 : (int)Enum.Parse<Phase>(row.Text("phase"));
            }
        }

        string subtitle = double.IsNaN(fit.Slope)
            ? string.Empty
            : FormattableString.Invariant($"\nboundary: slope {fit.Slope:F2} on log axes, median {yAxis}*/{xAxis} = {TickFormatter.Significant(fit.MedianRatio, 2)}");
        var chart = new Chart(title + subtitle, xAxis, yAxis) { XScale = AxisScale.Log10, YScale = AxisScale.Log10, Legend = LegendPlacement.OutsideBottom }
            .CategoryGrid(xs, ys, phases, PhaseNames, PhaseColors);
        if (fit.Points.Count > 0) chart.Scatter("boundary points", [.. fit.Points.Select(q => q.X)], [.. fit.Points.Select(q => q.Y)], color: "#000000");
        if (!double.IsNaN(fit.Slope))
        {
            double[] ends = [xs[0], xs[^1]];
            chart.Line("least-squares boundary", ends, [.. ends.Select(x => Math.Pow(10, fit.Intercept + (fit.Slope * Math.Log10(x))))], LineStyle.Dashed, "#000000");
        }

        f.Wrote(chart.Save(f.PathOf(stem), ImageFormats.PngAndSvg, 720, 640));
    }
}
