using System.Globalization;
using System.Text;

namespace GenEft.Plotting;

/// <summary>
/// A dependency-free 2-D plot written as SVG: lines, scatter points with optional error bars, vertical
/// reference lines, linear or log axes. Enough for the samples' figures; not a general plotting library.
/// </summary>
public sealed class SvgPlot
{
    private const double Width = 720, Height = 480, Left = 80, Right = 190, Top = 40, Bottom = 60;
    private static readonly string[] Palette =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private readonly List<Series> _series = [];
    private readonly string _title, _xLabel, _yLabel;

    public SvgPlot(string title, string xLabel, string yLabel)
    {
        _title = title;
        _xLabel = xLabel;
        _yLabel = yLabel;
    }

    /// <summary>Logarithmic x axis (non-positive x values are dropped).</summary>
    public bool LogX { get; init; }

    /// <summary>Logarithmic y axis (non-positive y values are dropped).</summary>
    public bool LogY { get; init; }

    /// <summary>Fixed y range; null fits the data.</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>Fixed x range; null fits the data.</summary>
    public (double Min, double Max)? XRange { get; init; }

    public SvgPlot Line(string name, IReadOnlyList<double> xs, IReadOnlyList<double> ys, bool dashed = false)
    {
        _series.Add(new Series(name, Kind.Line, xs, ys, null, dashed));
        return this;
    }

    public SvgPlot Scatter(string name, IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double>? errors = null)
    {
        _series.Add(new Series(name, Kind.Scatter, xs, ys, errors, false));
        return this;
    }

    public SvgPlot VerticalLine(string name, double x)
    {
        _series.Add(new Series(name, Kind.Vertical, [x], [double.NaN], null, true));
        return this;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render());
    }

    public string Render()
    {
        var (xMin, xMax) = XRange ?? Extent(s => s.Xs, LogX, includeVertical: true);
        var (yMin, yMax) = YRange ?? Extent(s => s.Ys, LogY, includeVertical: false);
        var axis = new Axes(xMin, xMax, yMin, yMax, LogX, LogY);
        var svg = new StringBuilder();
        SvgText.Header(svg, Width, Height, _title);
        DrawAxes(svg, axis);
        SvgText.Label(svg, Left + ((Width - Left - Right) / 2), Height - 18, _xLabel, "middle", 13);
        SvgText.Label(svg, 20, Top + ((Height - Top - Bottom) / 2), _yLabel, "middle", 13, rotate: -90);
        for (int i = 0; i < _series.Count; i++)
        {
            DrawSeries(svg, axis, _series[i], Palette[i % Palette.Length]);
            double ly = Top + 10 + (i * 18);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{ly - 8}\" width=\"14\" height=\"4\" fill=\"{Palette[i % Palette.Length]}\"/>");
            SvgText.Label(svg, Width - Right + 32, ly, _series[i].Name, "start", 11);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private (double, double) Extent(Func<Series, IReadOnlyList<double>> pick, bool log, bool includeVertical)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in _series)
        {
            if (s.Kind == Kind.Vertical && !includeVertical)
            {
                continue;
            }

            var values = pick(s);
            for (int i = 0; i < values.Count; i++)
            {
                double v = values[i];
                double e = s.Errors is null || pick(s) != s.Ys ? 0 : s.Errors[i];
                if (double.IsFinite(v) && (!log || v - e > 0))
                {
                    min = Math.Min(min, v - e);
                    max = Math.Max(max, v + e);
                }
            }
        }

        if (!double.IsFinite(min))
        {
            return log ? (1, 10) : (0, 1);
        }

        if (min == max)
        {
            return log ? (min / 2, max * 2) : (min - 0.5, max + 0.5);
        }

        if (log)
        {
            return (min, max);
        }

        double pad = 0.04 * (max - min);
        return (min - pad, max + pad);
    }

    private static void DrawAxes(StringBuilder svg, Axes axis)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333\"/>");
        foreach (double t in axis.Ticks(horizontal: true))
        {
            double px = axis.Px(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F1}\" y1=\"{Height - Bottom}\" x2=\"{px:F1}\" y2=\"{Height - Bottom + 5}\" stroke=\"#333\"/>");
            SvgText.Label(svg, px, Height - Bottom + 18, SvgText.Number(t), "middle", 11);
        }

        foreach (double t in axis.Ticks(horizontal: false))
        {
            double py = axis.Py(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 5}\" y1=\"{py:F1}\" x2=\"{Left}\" y2=\"{py:F1}\" stroke=\"#333\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Width - Right}\" y2=\"{py:F1}\" stroke=\"#eee\"/>");
            SvgText.Label(svg, Left - 8, py + 4, SvgText.Number(t), "end", 11);
        }
    }

    private static void DrawSeries(StringBuilder svg, Axes axis, Series s, string color)
    {
        switch (s.Kind)
        {
            case Kind.Vertical:
                double vx = axis.Px(s.Xs[0]);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{vx:F1}\" y1=\"{Top}\" x2=\"{vx:F1}\" y2=\"{Height - Bottom}\" stroke=\"{color}\" stroke-dasharray=\"6,4\"/>");
                break;
            case Kind.Line:
                var points = new StringBuilder();
                for (int i = 0; i < s.Xs.Count; i++)
                {
                    if (axis.Inside(s.Xs[i], s.Ys[i]))
                    {
                        points.Append(CultureInfo.InvariantCulture, $"{axis.Px(s.Xs[i]):F1},{axis.Py(s.Ys[i]):F1} ");
                    }
                }

                string dash = s.Dashed ? " stroke-dasharray=\"6,4\"" : string.Empty;
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash}/>");
                break;
            default:
                for (int i = 0; i < s.Xs.Count; i++)
                {
                    if (!axis.Inside(s.Xs[i], s.Ys[i]))
                    {
                        continue;
                    }

                    double px = axis.Px(s.Xs[i]), py = axis.Py(s.Ys[i]);
                    if (s.Errors is { } err && err[i] > 0)
                    {
                        double lo = axis.Py(axis.ClampY(s.Ys[i] - err[i])), hi = axis.Py(axis.ClampY(s.Ys[i] + err[i]));
                        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F1}\" y1=\"{lo:F1}\" x2=\"{px:F1}\" y2=\"{hi:F1}\" stroke=\"{color}\"/>");
                    }

                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{px:F1}\" cy=\"{py:F1}\" r=\"3.5\" fill=\"{color}\"/>");
                }

                break;
        }
    }

    private enum Kind
    {
        Line,
        Scatter,
        Vertical,
    }

    private sealed record Series(string Name, Kind Kind, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<double>? Errors, bool Dashed);

    private sealed class Axes(double xMin, double xMax, double yMin, double yMax, bool logX, bool logY)
    {
        public double Px(double x) => Left + ((Map(x, logX) - Map(xMin, logX)) / (Map(xMax, logX) - Map(xMin, logX)) * (Width - Left - Right));

        public double Py(double y) => Height - Bottom - ((Map(y, logY) - Map(yMin, logY)) / (Map(yMax, logY) - Map(yMin, logY)) * (Height - Top - Bottom));

        public bool Inside(double x, double y) =>
            double.IsFinite(x) && double.IsFinite(y) && (!logX || x > 0) && (!logY || y > 0)
            && x >= xMin - 1e-12 && x <= xMax + 1e-12 && y >= yMin - 1e-12 && y <= yMax + 1e-12;

        public double ClampY(double y) => Math.Clamp(logY && y <= 0 ? yMin : y, yMin, yMax);

        public IEnumerable<double> Ticks(bool horizontal)
        {
            double lo = horizontal ? xMin : yMin, hi = horizontal ? xMax : yMax;
            return (horizontal ? logX : logY) ? LogTicks(lo, hi) : LinearTicks(lo, hi);
        }

        private static double Map(double v, bool log) => log ? Math.Log10(v) : v;

        private static IEnumerable<double> LinearTicks(double lo, double hi)
        {
            double raw = (hi - lo) / 6, mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
            for (double t = Math.Ceiling(lo / step) * step; t <= hi + (1e-9 * step); t += step)
            {
                yield return Math.Abs(t) < 1e-12 * step ? 0 : t;
            }
        }

        private static IEnumerable<double> LogTicks(double lo, double hi)
        {
            for (double e = Math.Ceiling(Math.Log10(lo)); e <= Math.Floor(Math.Log10(hi)); e++)
            {
                yield return Math.Pow(10, e);
            }
        }
    }
}
