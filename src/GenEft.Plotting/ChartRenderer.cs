using ScottPlot;
using ScottPlot.Plottables;

namespace GenEft.Plotting;

/// <summary>
/// Turns a <see cref="Chart"/> into a ScottPlot <see cref="Plot"/>. ScottPlot axes are linear, so a log axis is
/// drawn in log10 coordinates: every value is mapped here and <see cref="ReadableTickGenerator"/> labels the decades.
/// </summary>
internal static class ChartRenderer
{
    private const float LineWidth = 2;
    private const float MarkerSize = 7;

    public static Plot Build(Chart chart, float panelWidth)
    {
        EmbeddedFonts.Register();
        var plot = new Plot();
        plot.Title(chart.Title, TitleSize(chart.Title, panelWidth));
        plot.XLabel(chart.XLabel, 14);
        plot.YLabel(chart.YLabel, 14);
        plot.Axes.Bottom.TickGenerator = new ReadableTickGenerator(chart.XScale);
        plot.Axes.Left.TickGenerator = new ReadableTickGenerator(chart.YScale);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;

        int colorIndex = 0;
        Color NextColor(string? requested) => requested is null ? Palette.At(colorIndex++) : Color.FromHex(requested);
        var limits = new GridLimits();
        foreach (ChartLayer layer in chart.Layers)
        {
            switch (layer)
            {
                case LineLayer line:
                    AddLine(plot, line.Label, Map(line.Xs, chart.XScale), Map(line.Ys, chart.YScale), line.Style, NextColor(line.Color));
                    break;
                case ScatterLayer scatter:
                    AddScatter(plot, chart, scatter, NextColor(scatter.Color));
                    break;
                case AreaLayer area:
                    AddArea(plot, chart, area, NextColor(area.Color));
                    break;
                case ReferenceLineLayer reference:
                    AddReferenceLine(plot, chart, reference, NextColor(reference.Color));
                    break;
                case HistogramLayer histogram:
                    AddHistogram(plot, chart, histogram, NextColor(histogram.Color));
                    break;
                case DensityLayer density:
                    AddDensity(plot, chart, density, NextColor(density.Color));
                    break;
                case HeatmapLayer heatmap:
                    limits.Include(GridRenderer.AddHeatmap(plot, heatmap, chart.XScale, chart.YScale));
                    break;
                case CategoryGridLayer grid:
                    limits.Include(GridRenderer.AddCategories(plot, grid, chart.XScale, chart.YScale));
                    break;
            }
        }

        SetLimits(plot, chart, limits);
        PlaceLegend(plot, chart.Legend);
        return plot;
    }

    /// <summary>16 points, or smaller (down to 10) until the title's widest line fits the panel with a margin.</summary>
    private static float TitleSize(string title, float panelWidth)
    {
        float size = 16;
        using var font = new SkiaSharp.SKFont(EmbeddedFonts.Bold, size);
        float widest = title.Split('\n').Max(line => font.MeasureText(line));
        return widest <= panelWidth - 24 ? size : Math.Max(10, size * (panelWidth - 24) / widest);
    }

    /// <summary>A value in drawing coordinates: itself, or log10 of it on a log axis (NaN for values at or below zero).</summary>
    public static double Map(double value, AxisScale scale) =>
        scale == AxisScale.Linear ? value : value > 0 ? Math.Log10(value) : double.NaN;

    private static double[] Map(double[] values, AxisScale scale) => [.. values.Select(v => Map(v, scale))];

    private static (double[] X, double[] Y, int[] Kept) Finite(double[] xs, double[] ys)
    {
        int[] kept = [.. Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i]))];
        return ([.. kept.Select(i => xs[i])], [.. kept.Select(i => ys[i])], kept);
    }

    private static void AddLine(Plot plot, string label, double[] xs, double[] ys, LineStyle style, Color color)
    {
        var (x, y, _) = Finite(xs, ys);
        Scatter line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = LineWidth;
        line.LinePattern = Pattern(style);
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static void AddScatter(Plot plot, Chart chart, ScatterLayer layer, Color color)
    {
        var (x, y, kept) = Finite(Map(layer.Xs, chart.XScale), Map(layer.Ys, chart.YScale));
        if (layer.YErrors is { } errors)
        {
            double[] up = new double[kept.Length], down = new double[kept.Length];
            for (int k = 0; k < kept.Length; k++)
            {
                double value = layer.Ys[kept[k]], error = double.IsFinite(errors[kept[k]]) ? errors[kept[k]] : 0;
                if (chart.YScale == AxisScale.Linear)
                {
                    (up[k], down[k]) = (error, error);
                }
                else
                {
                    up[k] = Math.Log10(value + error) - y[k];
                    down[k] = y[k] - (value - error > 0 ? Math.Log10(value - error) : y[k] - 1);
                }
            }

            ErrorBar bars = plot.Add.ErrorBar(x, y, up);
            bars.YErrorNegative = down;
            bars.Color = color;
            bars.LineWidth = 1.5f;
            bars.CapSize = 4;
        }

        Scatter points = plot.Add.ScatterPoints(x, y, color);
        points.MarkerSize = MarkerSize;
        points.MarkerShape = MarkerShape.FilledCircle;
        points.LegendText = layer.Label;
    }

    private static void AddArea(Plot plot, Chart chart, AreaLayer layer, Color color)
    {
        var (x, y, _) = Finite(Map(layer.Xs, chart.XScale), Map(layer.Ys, chart.YScale));
        if (x.Length < 3)
        {
            return;
        }

        Polygon polygon = plot.Add.Polygon([.. x.Zip(y, (a, b) => new Coordinates(a, b))]);
        polygon.FillColor = color.WithAlpha(0.35);
        polygon.LineWidth = 0;
        polygon.LegendText = layer.Label;
    }

    private static void AddReferenceLine(Plot plot, Chart chart, ReferenceLineLayer layer, Color color)
    {
        double position = Map(layer.Value, layer.Vertical ? chart.XScale : chart.YScale);
        if (!double.IsFinite(position))
        {
            return;
        }

        AxisLine line = layer.Vertical ? plot.Add.VerticalLine(position, LineWidth, color, Pattern(layer.Style)) : plot.Add.HorizontalLine(position, LineWidth, color, Pattern(layer.Style));
        line.LegendText = layer.Label;
    }

    private static void AddHistogram(Plot plot, Chart chart, HistogramLayer layer, Color color)
    {
        double[] values = [.. Map(layer.Values, chart.XScale).Where(double.IsFinite)];
        if (values.Length == 0)
        {
            return;
        }

        HistogramBins bins = HistogramBins.Compute(values, layer.Bins, layer.Normalization);
        var bars = Enumerable.Range(0, bins.Heights.Count).Select(i => new Bar
        {
            Position = (bins.Edges[i] + bins.Edges[i + 1]) / 2,
            Value = bins.Heights[i],
            Size = bins.Edges[i + 1] - bins.Edges[i],
            FillColor = color.WithAlpha(0.55),
            LineWidth = 0,
        }).ToList();
        BarPlot plottable = plot.Add.Bars(bars);
        plottable.LegendText = layer.Label;
    }

    private static void AddDensity(Plot plot, Chart chart, DensityLayer layer, Color color)
    {
        double[] values = [.. Map(layer.Values, chart.XScale).Where(double.IsFinite)];
        if (values.Length == 0)
        {
            return;
        }

        double h = layer.Bandwidth ?? KernelDensity.SilvermanBandwidth(values);
        double lo = values.Min() - (3 * h), hi = values.Max() + (3 * h);
        double[] grid = [.. Enumerable.Range(0, 256).Select(i => lo + ((hi - lo) * i / 255))];
        AddLine(plot, layer.Label, grid, KernelDensity.Evaluate(values, grid, h), layer.Style, color);
    }

    private static void SetLimits(Plot plot, Chart chart, GridLimits grid)
    {
        (double Min, double Max)? x = chart.XRange is { } xr ? (Map(xr.Min, chart.XScale), Map(xr.Max, chart.XScale)) : grid.X;
        (double Min, double Max)? y = chart.YRange is { } yr ? (Map(yr.Min, chart.YScale), Map(yr.Max, chart.YScale)) : grid.Y;
        if (x is { } xl && double.IsFinite(xl.Min) && double.IsFinite(xl.Max))
        {
            plot.Axes.SetLimitsX(xl.Min, xl.Max);
        }

        if (y is { } yl && double.IsFinite(yl.Min) && double.IsFinite(yl.Max))
        {
            plot.Axes.SetLimitsY(yl.Min, yl.Max);
        }
    }

    private static void PlaceLegend(Plot plot, LegendPlacement placement)
    {
        bool any = plot.Legend.ManualItems.Count > 0 || plot.GetPlottables().SelectMany(p => p.LegendItems).Any(i => !string.IsNullOrEmpty(i.LabelText));
        if (!any || placement == LegendPlacement.Hidden)
        {
            plot.HideLegend();
            return;
        }

        plot.Legend.FontSize = 12;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Colors.Gray;
        switch (placement)
        {
            case LegendPlacement.OutsideRight:
                plot.ShowLegend(Edge.Right);
                break;
            case LegendPlacement.OutsideBottom:
                plot.ShowLegend(Edge.Bottom);
                break;
            default:
                plot.ShowLegend(placement switch
                {
                    LegendPlacement.InsideUpperLeft => Alignment.UpperLeft,
                    LegendPlacement.InsideLowerLeft => Alignment.LowerLeft,
                    LegendPlacement.InsideLowerRight => Alignment.LowerRight,
                    _ => Alignment.UpperRight,
                });
                break;
        }
    }

    private static LinePattern Pattern(LineStyle style) => style switch
    {
        LineStyle.Dashed => LinePattern.Dashed,
        LineStyle.Dotted => LinePattern.Dotted,
        _ => LinePattern.Solid,
    };

    /// <summary>The union of the grids' outer cell edges (grids are drawn edge to edge, without ScottPlot's margins).</summary>
    internal sealed class GridLimits
    {
        public (double Min, double Max)? X { get; private set; }

        public (double Min, double Max)? Y { get; private set; }

        public void Include(CoordinateRect rect)
        {
            X = X is { } x ? (Math.Min(x.Min, rect.Left), Math.Max(x.Max, rect.Right)) : (rect.Left, rect.Right);
            Y = Y is { } y ? (Math.Min(y.Min, rect.Bottom), Math.Max(y.Max, rect.Top)) : (rect.Bottom, rect.Top);
        }
    }
}
