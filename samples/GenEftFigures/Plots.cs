using GenEft.Experiments;
using GenEft.Plotting;

/// <summary>SVG output through samples/GenEft.Plotting.</summary>
internal static class Plots
{
    private static readonly string[] PhaseNames = [.. Enum.GetNames<Phase>()];

    /// <summary>A categorical heatmap of the first replicate's phase per (x, y) cell, log axes as given by the values.</summary>
    public static void PhaseDiagram(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis, PhaseBoundary fit, string path, string title)
    {
        var xs = rows.Select(r => r.Coordinate(xAxis)).Distinct().Order().ToArray();
        var ys = rows.Select(r => r.Coordinate(yAxis)).Distinct().Order().ToArray();
        var values = new double[xs.Length, ys.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            for (int j = 0; j < ys.Length; j++)
            {
                var row = rows.FirstOrDefault(r => r.Coordinate(xAxis) == xs[i] && r.Coordinate(yAxis) == ys[j]);
                values[i, j] = row is null ? double.NaN : (int)Enum.Parse<Phase>(row.Text("phase"));
            }
        }

        string subtitle = double.IsNaN(fit.Slope) ? "" : $" (boundary slope {fit.Slope:F2}, {yAxis}/{xAxis} ~ {fit.MedianRatio:G2})";
        SvgHeatmap.Save(path, title + subtitle, xAxis, yAxis, xs, ys, values, PhaseNames);
    }
}
