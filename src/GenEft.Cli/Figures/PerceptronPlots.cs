using GenEft.Plotting;

namespace GenEft.Cli.Figures;

/// <summary>The perceptron figures' charts: series of lines or points coloured by group, and multi-panel figures.</summary>
internal static class PerceptronPlots
{
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

    /// <summary>One curve: a line, or points with optional error bars; <paramref name="Group"/> picks the colour, so a theory line and its Monte Carlo points can share one.</summary>
    public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Errors = null, bool Points = false, bool Dashed = false, int Group = -1);

    public static Chart Chart(string title, string xLabel, string yLabel, IEnumerable<Series> series, bool logX = false, bool logY = false,
        (double, double)? xRange = null, (double, double)? yRange = null, IEnumerable<(string Name, double X)>? verticals = null)
    {
        var chart = new Chart(title, xLabel, yLabel)
        {
            XScale = logX ? AxisScale.Log10 : AxisScale.Linear,
            YScale = logY ? AxisScale.Log10 : AxisScale.Linear,
            XRange = xRange,
            YRange = yRange,
        };
        int next = 0;
        foreach (var s in series)
        {
            string color = Colors[(s.Group >= 0 ? s.Group : next++) % Colors.Length];
            if (s.Points) chart.Scatter(s.Name, s.X, s.Y, s.Errors, color);
            else chart.Line(s.Name, s.X, s.Y, s.Dashed ? LineStyle.Dashed : LineStyle.Solid, color);
        }

        int v = 0;
        foreach (var (name, x) in verticals ?? []) chart.VerticalLine(name, x, v++ == 0 ? LineStyle.Dashed : LineStyle.Dotted, "#444444");
        return chart;
    }

    /// <summary>Saves panels as one figure, <paramref name="columns"/> to a row, and records the files.</summary>
    public static void Save(FigureContext f, string stem, string title, int columns, IEnumerable<Chart> panels)
    {
        var figure = new Figure(columns) { Title = title };
        foreach (var panel in panels) figure.Add(panel);
        f.Wrote(figure.Save(f.PathOf(stem)));
    }
}
