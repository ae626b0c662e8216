using System.Globalization;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Plotting;
using GenEft.Statics;

/// <summary>
/// GenEFT Figure 3: accuracy over all n^2 pairs after training vs training fraction, for mod 3 and greater-than, for
/// the Table 3 decoder and for the simple decoders with the relation's inductive bias (mode 3 with no hidden layer,
/// sigmoid or ReLU(0.1 - x) head, for mod 3; mode 2 with no hidden layer for greater-than); with Eq. 5's bound and
/// b / n^2.
/// </summary>
internal static class Figure3
{
    public static void Execute(Options o)
    {
        string outDir = o.String("out", "figure3-out");
        Directory.CreateDirectory(outDir);
        int n = o.Int("n", 30);
        foreach (string relation in o.String("relations", "mod3,greater").Split(','))
        {
            var grid = new SweepGrid(
                [
                    new SweepAxis("fraction", o.String("fractions", "0.05,0.1,0.2,0.3,0.5,0.75").Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))),
                    new SweepAxis("variant", relation == "mod3" ? [0, 1, 2] : [0, 1]),
                    SweepAxis.Replicates("replicate", o.Int("seeds", 1)),
                ],
                baseSeed: (ulong)o.Int("seed", 0),
                seedAxes: ["replicate", "fraction"]);
            var rows = Sweeps.Run(grid, o, relation, Path.Combine(outDir, $"figure3-{relation}.jsonl"), cell =>
            {
                var settings = Sweeps.Settings(cell, o, relation) with { StopWhenCertain = false };
                return cell["variant"] == 0 ? settings : settings with { Model = InductiveBias(relation, settings.Model, (int)cell["variant"]) };
            });
            SweepResults.WriteCsv(rows, Path.Combine(outDir, $"figure3-{relation}.csv"));

            double b = relation == "mod3" ? DescriptionLength.Equivalence(n, 3) : DescriptionLength.TotalOrder(n);
            double pStar = relation == "mod3" ? GuessProbability.Equivalence(3) : GuessProbability.TotalOrder;
            var fractions = rows.Select(r => r.Coordinate("fraction")).Distinct().Order().ToArray();
            var plot = new Chart($"GenEFT Figure 3: {relation} (n = {n})", "training fraction", "accuracy over all pairs")
            {
                XRange = (0, 1),
                Legend = LegendPlacement.OutsideBottom,
            };
            foreach (int variant in rows.Select(r => (int)r.Coordinate("variant")).Distinct().Order())
            {
                var mean = fractions.Select(f => rows.Where(r => r.Coordinate("fraction") == f && r.Coordinate("variant") == variant).Average(r => r.Number("all_accuracy"))).ToArray();
                string name = variant switch
                {
                    0 => "n_h=3, w=50, mode 1, d=2",
                    1 => relation == "mod3" ? "n_h=0, mode 3, d=2" : "n_h=0, mode 2, d=2",
                    _ => "n_h=0, mode 3, ReLU(0.1-x) head, d=2",
                };
                plot.Scatter(name, fractions, mean);
                Console.WriteLine($"{relation} {name}: " + string.Join(" ", fractions.Zip(mean).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.First}:{t.Second:F3}"))));
            }

            var grid100 = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
            plot.Line("Eq. 5 upper bound", grid100, grid100.Select(f => AccuracyUpperBound.AtTrainingFraction(b, n, f, pStar)).ToArray(), LineStyle.Dashed)
                .VerticalLine($"b/n² = {b / (n * n):F3}", b / (n * n), LineStyle.Dotted)
                .Save(Path.Combine(outDir, $"figure3-{relation}"), ImageFormats.PngAndSvg, 720, 560);
        }
    }

    private static AutoencoderConfig InductiveBias(string relation, AutoencoderConfig config, int variant) => relation == "mod3"
        ? config with { Combine = CombineMode.SquaredDifference, DecoderDepth = 0, Head = variant == 2 ? OutputHead.ProximityRelu : OutputHead.Linear }
        : config with { Combine = CombineMode.Difference, DecoderDepth = 0 };
}
