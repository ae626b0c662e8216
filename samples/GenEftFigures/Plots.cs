using GenEft.Experiments;
using GenEft.Plotting;

/// <summary>The figure samples' shared plots (through samples/GenEft.Plotting).</summary>
internal static class Plots
{
    /// <summary>Phase names in <see cref="Phase"/> order and a colour for each: green generalizes, red memorizes, as in the paper's figures.</summary>
    public static readonly string[] PhaseNames = [.. Enum.GetNames<Phase>()];

    private static readonly string[] PhaseColors = ["#2ca02c", "#ff7f0e", "#d62728", "#7f7f7f", "#9467bd"];

    /// <summary>
    /// The first replicate's phase per (x, y) cell on log axes, with the per-column boundary points and their
    /// least-squares line (<see cref="PhaseBoundary"/>) drawn over it; written as PNG and SVG.
    /// </summary>
    public static void PhaseDiagram(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis, PhaseBoundary fit, string basePath, string title)
    {
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
            : $"\nboundary: slope {fit.Slope:F2} on log axes, median {yAxis}*/{xAxis} = {TickFormatter.Significant(fit.MedianRatio, 2)}";
        var chart = new Chart(title + subtitle, xAxis, yAxis) { XScale = AxisScale.Log10, YScale = AxisScale.Log10, Legend = LegendPlacement.OutsideBottom }
            .CategoryGrid(xs, ys, phases, PhaseNames, PhaseColors);
        if (fit.Points.Count > 0)
        {
            chart.Scatter("boundary points", [.. fit.Points.Select(p => p.X)], [.. fit.Points.Select(p => p.Y)], color: "#000000");
        }

        if (!double.IsNaN(fit.Slope))
        {
            double[] ends = [xs[0], xs[^1]];
            chart.Line("least-squares boundary", ends, [.. ends.Select(x => Math.Pow(10, fit.Intercept + (fit.Slope * Math.Log10(x))))], LineStyle.Dashed, "#000000");
        }

        chart.Save(basePath, ImageFormats.PngAndSvg, 720, 640);
    }
}
