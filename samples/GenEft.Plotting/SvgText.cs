using System.Globalization;
using System.Net;
using System.Text;

namespace GenEft.Plotting;

/// <summary>SVG text helpers shared by the plot types.</summary>
internal static class SvgText
{
    public static void Header(StringBuilder svg, double width, double height, string title)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        Label(svg, width / 2, 24, title, "middle", 15);
    }

    public static void Label(StringBuilder svg, double x, double y, string text, string anchor, int size, double rotate = 0)
    {
        string transform = rotate == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" transform=\"rotate({rotate} {x:F1} {y:F1})\"");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\"{transform}>{WebUtility.HtmlEncode(text)}</text>");
    }

    public static string Number(double v) =>
        v == 0 ? "0" : Math.Abs(v) >= 1e4 || Math.Abs(v) < 1e-3 ? v.ToString("0.#E+0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
