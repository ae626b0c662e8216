using System.Globalization;
using GenEft.Experiments;
using GenEft.Plotting;

/// <summary>
/// GenEFT Figure 7 (Appendix E): test accuracy vs decoder depth for mod 3 with width 10 and training fraction 0.3
/// (the Goldilocks zone): too shallow gives confusion, too deep memorization.
/// </summary>
internal static class Figure7
{
    public static void Execute(Options o)
    {
        string outDir = o.String("out", "figure7-out");
        Directory.CreateDirectory(outDir);
        int maxDepth = o.Int("max-depth", 6);
        var grid = new SweepGrid(
            [new SweepAxis("depth", Enumerable.Range(0, maxDepth + 1).Select(d => (double)d)), SweepAxis.Replicates("replicate", o.Int("seeds", 3))],
            baseSeed: (ulong)o.Int("seed", 0),
            seedAxes: ["replicate"]);
        var rows = Sweeps.Run(grid, o, "mod3", Path.Combine(outDir, "figure7.jsonl"), cell => Sweeps.Settings(cell, o, "mod3") with
        {
            TrainingFraction = o.Double("fraction", 0.3),
            Model = Sweeps.Settings(cell, o, "mod3").Model with { DecoderWidth = o.Int("width", 10), DecoderDepth = (int)cell["depth"] },
            StopWhenCertain = false,
        });
        SweepResults.WriteCsv(rows, Path.Combine(outDir, "figure7.csv"));
        var depths = rows.Select(r => r.Coordinate("depth")).Distinct().Order().ToArray();
        var mean = depths.Select(d => rows.Where(r => r.Coordinate("depth") == d).Average(r => r.Number("test_accuracy"))).ToArray();
        var sd = depths.Select((d, i) => StandardError(rows.Where(r => r.Coordinate("depth") == d).Select(r => r.Number("test_accuracy")).ToArray())).ToArray();
        var train = depths.Select(d => rows.Where(r => r.Coordinate("depth") == d).Average(r => r.Number("train_accuracy"))).ToArray();
        for (int i = 0; i < depths.Length; i++)
        {
            var phases = rows.Where(r => r.Coordinate("depth") == depths[i]).Select(r => PhaseDiagram.Letter(Enum.Parse<Phase>(r.Text("phase"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"depth {depths[i]}: test {mean[i]:F3} ± {sd[i]:F3}, train {train[i]:F3}, phases {string.Concat(phases)}"));
        }

        new Chart($"GenEFT Figure 7: mod 3, width {o.Int("width", 10)}, fraction {o.Double("fraction", 0.3)}", "decoder depth (hidden layers)", "accuracy")
            { Legend = LegendPlacement.InsideLowerRight }
            .Scatter("test accuracy (mean ± s.e.)", depths, mean, sd)
            .Line("train accuracy (mean)", depths, train, LineStyle.Dashed)
            .Save(Path.Combine(outDir, "figure7"));
    }

    internal static double StandardError(double[] values) =>
        values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => Math.Pow(v - values.Average(), 2)) / (values.Length - 1) / values.Length);
}
