using System.Globalization;
using GenEft.Experiments;

/// <summary>
/// GenEFT Figure 5: phase diagrams over (eta_enc, eta_dec) on log axes, one seed per diagram, and a fit of the
/// generalization/memorization boundary: its slope on log axes and the ratio eta_dec / eta_enc where it lies.
/// </summary>
internal static class Figure5
{
    public static void Execute(Options o)
    {
        int size = o.Int("size", 6);
        string outDir = o.String("out", "figure5-out");
        Directory.CreateDirectory(outDir);
        foreach (string relation in o.String("relations", "mod3").Split(','))
        {
            var grid = new SweepGrid(
                [
                    SweepAxis.LogSpaced("eta_enc", o.Double("min", 1e-5), o.Double("max", 1e-2), size),
                    SweepAxis.LogSpaced("eta_dec", o.Double("min", 1e-5), o.Double("max", 1e-2), size),
                    SweepAxis.Replicates("replicate", o.Int("seeds", 1)),
                ],
                baseSeed: (ulong)o.Int("seed", 0),
                seedAxes: ["replicate"]);
            string results = Path.Combine(outDir, $"figure5-{relation}.jsonl");
            var rows = Sweeps.Run(grid, o, relation, results);
            if (rows.Count < grid.Cells.Count / o.Int("shards", 1))
            {
                continue;
            }

            SweepResults.WriteCsv(rows, Path.Combine(outDir, $"figure5-{relation}.csv"));
            var cells = PhaseDiagram.FromRows(rows, "eta_enc", "eta_dec");
            Console.Write(PhaseDiagram.Render(cells));
            var fit = PhaseDiagram.FitBoundary(cells);
            var line = PhaseDiagram.FitSeparatingLine(cells);
            Console.WriteLine(fit.Describe("eta_enc", "eta_dec"));
            Console.WriteLine(line.Describe("eta_enc", "eta_dec", 1e-4));
            File.WriteAllText(Path.Combine(outDir, $"figure5-{relation}-boundary.txt"), fit.Describe("eta_enc", "eta_dec") + Environment.NewLine + line.Describe("eta_enc", "eta_dec", 1e-4) + Environment.NewLine);
            Plots.PhaseDiagram(rows, "eta_enc", "eta_dec", fit, Path.Combine(outDir, $"figure5-{relation}"), $"GenEFT Figure 5: {relation}");
        }
    }
}
