using System.Globalization;
using System.Text;

namespace GenEft.Plotting;

/// <summary>
/// A grid of coloured cells written as SVG: phase diagrams over two swept settings. Values are either
/// continuous (a blue-to-red scale) or category indices with names (a discrete palette and a legend).
/// </summary>
public static class SvgHeatmap
{
    private static readonly string[] Categorical = ["#2ca02c", "#ff7f0e", "#1f77b4", "#7f7f7f", "#d62728", "#9467bd"];

    /// <summary>Writes the heatmap. <paramref name="values"/>[i, j] is the cell at xs[i], ys[j]; NaN cells are left blank.</summary>
    public static void Save(string path, string title, string xLabel, string yLabel, IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] values, IReadOnlyList<string>? categoryNames = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(title, xLabel, yLabel, xs, ys, values, categoryNames));
    }

    /// <summary>Renders the heatmap as an SVG document.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] values, IReadOnlyList<string>? categoryNames = null)
    {
        const double Width = 720, Height = 560, Left = 90, Right = 170, Top = 40, Bottom = 80;
        int nx = xs.Count, ny = ys.Count;
        if (values.GetLength(0) != nx || values.GetLength(1) != ny)
        {
            throw new ArgumentException($"values is {values.GetLength(0)}x{values.GetLength(1)}, expected {nx}x{ny}.", nameof(values));
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        double cw = (Width - Left - Right) / nx, ch = (Height - Top - Bottom) / ny;
        var svg = new StringBuilder();
        SvgText.Header(svg, Width, Height, title);
        for (int i = 0; i < nx; i++)
        {
            for (int j = 0; j < ny; j++)
            {
                double v = values[i, j];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                string color = categoryNames is null ? Scale(max > min ? (v - min) / (max - min) : 0.5) : Categorical[(int)v % Categorical.Length];
                double x = Left + (i * cw), y = Height - Bottom - ((j + 1) * ch);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{y:F1}\" width=\"{cw + 0.5:F1}\" height=\"{ch + 0.5:F1}\" fill=\"{color}\"/>");
            }
        }

        int xStep = Math.Max(1, nx / 10), yStep = Math.Max(1, ny / 10);
        for (int i = 0; i < nx; i += xStep)
        {
            SvgText.Label(svg, Left + ((i + 0.5) * cw), Height - Bottom + 16, SvgText.Number(xs[i]), "end", 10, rotate: -40);
        }

        for (int j = 0; j < ny; j += yStep)
        {
            SvgText.Label(svg, Left - 6, Height - Bottom - ((j + 0.5) * ch) + 4, SvgText.Number(ys[j]), "end", 10);
        }

        SvgText.Label(svg, Left + ((Width - Left - Right) / 2), Height - 14, xLabel, "middle", 13);
        SvgText.Label(svg, 18, Top + ((Height - Top - Bottom) / 2), yLabel, "middle", 13, rotate: -90);
        if (categoryNames is not null)
        {
            for (int c = 0; c < categoryNames.Count; c++)
            {
                double ly = Top + 10 + (c * 20);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 14}\" y=\"{ly - 10}\" width=\"14\" height=\"14\" fill=\"{Categorical[c % Categorical.Length]}\"/>");
                SvgText.Label(svg, Width - Right + 34, ly + 2, categoryNames[c], "start", 12);
            }
        }
        else
        {
            SvgText.Label(svg, Width - Right + 14, Top + 10, $"min {SvgText.Number(min)}", "start", 11);
            SvgText.Label(svg, Width - Right + 14, Top + 28, $"max {SvgText.Number(max)}", "start", 11);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Scale(double t)
    {
        // Blue (low) to red (high) through white.
        int r = (int)(t < 0.5 ? 255 * 2 * t : 255), b = (int)(t < 0.5 ? 255 : 255 * 2 * (1 - t));
        int g = (int)(255 * (1 - (2 * Math.Abs(t - 0.5))));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}");
    }
}
