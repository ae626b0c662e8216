using System.Globalization;
using GenEft.Dynamics.Repons;
using GenEft.Experiments;
using GenEft.Plotting;

/// <summary>
/// GenEFT Figure 6: probability of generalization vs the learning-rate ratio eta_dec / eta_enc for several embedding
/// initialization scales, with Eq. 12's upper bound (GenEft.Dynamics) for sigma_a / sigma_c = 1 / scale.
/// </summary>
internal static class Figure6
{
    public static void Execute(Options o)
    {
        string outDir = o.String("out", "figure6-out");
        Directory.CreateDirectory(outDir);
        double etaEnc = o.Double("eta-enc", 1e-4);
        var grid = new SweepGrid(
            [
                SweepAxis.LogSpaced("ratio", o.Double("min-ratio", 0.1), o.Double("max-ratio", 1000), o.Int("ratios", 5)),
                new SweepAxis("init", o.String("inits", "0.5,1,2").Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))),
                SweepAxis.Replicates("replicate", o.Int("seeds", 4)),
            ],
            baseSeed: (ulong)o.Int("seed", 0),
            seedAxes: ["replicate", "init"]);
        var rows = Sweeps.Run(grid, o, "mod3", Path.Combine(outDir, "figure6.jsonl"), cell =>
        {
            var s = Sweeps.Settings(cell, o, "mod3");
            return s with { Optimizer = s.Optimizer with { EncoderLearningRate = etaEnc, DecoderLearningRate = etaEnc * cell["ratio"] } };
        });
        SweepResults.WriteCsv(rows, Path.Combine(outDir, "figure6.csv"));
        var ratios = rows.Select(r => r.Coordinate("ratio")).Distinct().Order().ToArray();
        var plot = new Chart($"GenEFT Figure 6: P(generalization), mod 3, eta_enc = {etaEnc:G3}", "eta_dec / eta_enc", "probability of generalization")
        {
            XScale = AxisScale.Log10,
            YRange = (-0.03, 1.03),
        };
        foreach (double init in rows.Select(r => r.Coordinate("init")).Distinct().Order())
        {
            var p = ratios.Select(q => rows.Where(r => r.Coordinate("ratio") == q && r.Coordinate("init") == init)
                .Average(r => r.Text("phase") is nameof(Phase.Generalization) or nameof(Phase.Grokking) ? 1.0 : 0.0)).ToArray();
            int runs = rows.Count(r => r.Coordinate("ratio") == ratios[0] && r.Coordinate("init") == init);
            plot.Scatter($"init scale {init}, {runs} seeds (± s.e.)", ratios, p, p.Select(q => Math.Sqrt(q * (1 - q) / runs)).ToArray());
            Console.WriteLine($"init {init}: " + string.Join(" ", ratios.Zip(p).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.First:G3}:{t.Second:F2}"))));
        }

        var dense = Enumerable.Range(0, 61).Select(i => ratios[0] * Math.Pow(ratios[^1] / ratios[0], i / 60.0)).ToArray();
        plot.Line("Eq. 12, sigma_a = sigma_c", dense, dense.Select(q => ReponCollisionProbability.TwoRepons(1, 1, q, 1)).ToArray());
        plot.Save(Path.Combine(outDir, "figure6"));
    }
}
