using ScottPlot;
using ScottPlot.Plottables;

namespace GenEft.Plotting;

/// <summary>Draws heatmaps and category grids as one rectangle per cell (crisp in SVG, any cell spacing), with a colour bar or legend.</summary>
internal static class GridRenderer
{
    public static CoordinateRect AddHeatmap(Plot plot, HeatmapLayer layer, AxisScale xScale, AxisScale yScale)
    {
        double[] xEdges = Edges(layer.Xs, xScale), yEdges = Edges(layer.Ys, yScale);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in layer.Values)
        {
            if (double.IsFinite(v))
            {
                (min, max) = (Math.Min(min, v), Math.Max(max, v));
            }
        }

        if (min == max)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        var scale = new ColorScale(new ScottPlot.Colormaps.Viridis(), min, max);
        for (int i = 0; i < layer.Xs.Length; i++)
        {
            for (int j = 0; j < layer.Ys.Length; j++)
            {
                double v = layer.Values[i, j];
                if (double.IsFinite(v))
                {
                    Cell(plot, xEdges, yEdges, i, j, scale.Colormap.GetColor((v - min) / (max - min)), Bordered(layer.Xs, layer.Ys));
                }
            }
        }

        if (double.IsFinite(min))
        {
            var bar = plot.Add.ColorBar(scale, Edge.Right);
            bar.Label = layer.ColorLabel;
            bar.Axis.TickGenerator = new ReadableTickGenerator(AxisScale.Linear);
        }

        return new CoordinateRect(xEdges[0], xEdges[^1], yEdges[0], yEdges[^1]);
    }

    public static CoordinateRect AddCategories(Plot plot, CategoryGridLayer layer, AxisScale xScale, AxisScale yScale)
    {
        double[] xEdges = Edges(layer.Xs, xScale), yEdges = Edges(layer.Ys, yScale);
        var present = new SortedSet<int>();
        for (int i = 0; i < layer.Xs.Length; i++)
        {
            for (int j = 0; j < layer.Ys.Length; j++)
            {
                int c = layer.Categories[i, j];
                if (c >= 0)
                {
                    present.Add(c);
                    Cell(plot, xEdges, yEdges, i, j, Color.FromHex(layer.Colors[c]), Bordered(layer.Xs, layer.Ys));
                }
            }
        }

        foreach (int c in present)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = layer.Names[c],
                FillColor = Color.FromHex(layer.Colors[c]),
                LineWidth = 0,
            });
        }

        return new CoordinateRect(xEdges[0], xEdges[^1], yEdges[0], yEdges[^1]);
    }

    /// <summary>Cell edges in drawing coordinates: halfway between neighbouring centres, half a spacing beyond the ends (a lone centre gets a unit-wide cell: one decade on a log axis).</summary>
    internal static double[] Edges(double[] centres, AxisScale scale)
    {
        double[] c = [.. centres.Select(v => ChartRenderer.Map(v, scale))];
        if (c.Length == 1)
        {
            return [c[0] - 0.5, c[0] + 0.5];
        }

        var edges = new double[c.Length + 1];
        edges[0] = c[0] - ((c[1] - c[0]) / 2);
        edges[^1] = c[^1] + ((c[^1] - c[^2]) / 2);
        for (int i = 1; i < c.Length; i++)
        {
            edges[i] = (c[i - 1] + c[i]) / 2;
        }

        return edges;
    }

    /// <summary>Coarse grids (parameter sweeps) get white cell borders; fine ones (sampled regions) would turn into a mesh, so their cells are outlined in their own colour, which also hides anti-aliasing seams.</summary>
    private static bool Bordered(double[] xs, double[] ys) => xs.Length <= 30 && ys.Length <= 30;

    private static void Cell(Plot plot, double[] xEdges, double[] yEdges, int i, int j, Color color, bool bordered)
    {
        Rectangle cell = plot.Add.Rectangle(xEdges[i], xEdges[i + 1], yEdges[j], yEdges[j + 1]);
        cell.FillColor = color;
        cell.LineColor = bordered ? Colors.White : color;
        cell.LineWidth = 1;
    }

    /// <summary>The value range and colormap a colour bar reads.</summary>
    private sealed class ColorScale(IColormap colormap, double min, double max) : IHasColorAxis
    {
        public IColormap Colormap { get; set; } = colormap;

        public ScottPlot.Range GetRange() => new(min, max);
    }
}
