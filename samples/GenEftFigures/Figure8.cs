using GenEft.Experiments;

/// <summary>
/// GenEFT Figure 8 (Appendix F): phase diagram over (wd_dec, eta_dec) with eta_enc = 1e-5; the memorization /
/// generalization boundary should not move with the decoder's weight decay.
/// </summary>
internal static class Figure8
{
    public static void Execute(Options o)
    {
        int size = o.Int("size", 4);
        string outDir = o.String("out", "figure8-out");
        Directory.CreateDirectory(outDir);
        string relation = o.String("relation", "mod3");
        var grid = new SweepGrid(
            [
                SweepAxis.LogSpaced("wd_dec", o.Double("min-wd", 1e-4), o.Double("max-wd", 1e-1), size),
                SweepAxis.LogSpaced("eta_dec", o.Double("min", 1e-5), o.Double("max", 1e-2), size),
                SweepAxis.Replicates("replicate", o.Int("seeds", 1)),
            ],
            baseSeed: (ulong)o.Int("seed", 0),
            seedAxes: ["replicate"]);
        var rows = Sweeps.Run(grid, o, relation, Path.Combine(outDir, $"figure8-{relation}.jsonl"), cell =>
        {
            var s = Sweeps.Settings(cell, o, relation);
            return s with { Optimizer = s.Optimizer with { EncoderLearningRate = o.Double("eta-enc", 1e-5) } };
        });
        SweepResults.WriteCsv(rows, Path.Combine(outDir, $"figure8-{relation}.csv"));
        var cells = PhaseDiagram.FromRows(rows, "wd_dec", "eta_dec");
        Console.Write(PhaseDiagram.Render(cells));
        var fit = PhaseDiagram.FitBoundary(cells);
        Console.WriteLine(fit.Describe("wd_dec", "eta_dec"));
        Console.WriteLine(PhaseDiagram.FitSeparatingLine(cells).Describe("wd_dec", "eta_dec", 1e-4));
        Plots.PhaseDiagram(rows, "wd_dec", "eta_dec", fit, Path.Combine(outDir, $"figure8-{relation}"), $"GenEFT Figure 8: {relation}, eta_enc = {o.Double("eta-enc", 1e-5):G3}");
    }
}
