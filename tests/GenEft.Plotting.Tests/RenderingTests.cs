using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace GenEft.Plotting.Tests;

/// <summary>Draws real figures into a temporary folder and inspects the files: sizes, ink where text and panels must be, valid SVG.</summary>
public sealed class RenderingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "geneft-plotting-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void OneCallWritesPngAndSvg()
    {
        var written = SampleChart().Save(Path.Combine(_dir, "nested", "chart"));
        Assert.Equal([Path.Combine(_dir, "nested", "chart.png"), Path.Combine(_dir, "nested", "chart.svg")], written);
        using var bitmap = SKBitmap.Decode(written[0]);
        Assert.Equal((1080, 720), (bitmap.Width, bitmap.Height)); // 720 x 480 units at 1.5 pixels per unit
        XDocument svg = XDocument.Load(written[1]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var texts = svg.Descendants(ns + "text").ToArray();
        Assert.Contains(texts, t => t.Value.Trim() == "Eq. 12 vs Monte Carlo");
        Assert.Contains(texts, t => t.Value.Trim() == "10⁻²"); // log-axis decade labels
        Assert.All(texts, t => Assert.Equal("DejaVu Sans", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void TitleTextIsDrawnWithTheEmbeddedFont()
    {
        // Text only renders if a typeface resolved: the title's band must hold dark pixels, the band above it none.
        string png = SampleChart().Save(Path.Combine(_dir, "title"), ImageFormats.Png)[0];
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(DarkPixels(bitmap, SKRectI.Create(200, 15, 680, 35)) > 500, "no title text");
        Assert.Equal(0, DarkPixels(bitmap, SKRectI.Create(0, 0, 1080, 4)));
    }

    [Fact]
    public void FiguresUseTheEmbeddedSubsetNotAnInstalledFont()
    {
        // The embedded DejaVu Sans is cut down to about 700 glyphs; an installed DejaVu Sans has over 5000. So a
        // small glyph count shows that ScottPlot resolved the family name to the embedded file.
        SampleChart().Save(Path.Combine(_dir, "font"), ImageFormats.Svg);
        foreach (bool bold in new[] { false, true })
        {
            SKTypeface typeface = ScottPlot.Fonts.GetTypeface("DejaVu Sans", bold, italic: false); // shared: not ours to dispose
            Assert.InRange(typeface.GlyphCount, 300, 1500);
            Assert.Equal(bold ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal, (SKFontStyleWeight)typeface.FontWeight);
        }
    }

    [Fact]
    public void EveryPanelOfAFigureIsDrawn()
    {
        var figure = new Figure(columns: 2) { Title = "Four panels", PanelWidth = 400, PanelHeight = 300, PixelDensity = 1 };
        for (int i = 0; i < 4; i++)
        {
            figure.Add(new Chart($"panel {i}", "x", "y").Line("line", [0, 1, 2], [i, i + 1, i]));
        }

        Assert.Equal((800, 644), figure.Size);
        using var bitmap = SKBitmap.Decode(figure.Save(Path.Combine(_dir, "grid"), ImageFormats.Png)[0]);
        for (int i = 0; i < 4; i++)
        {
            int left = i % 2 * 400, top = 44 + (i / 2 * 300);
            Assert.True(DarkPixels(bitmap, SKRectI.Create(left, top, 400, 300)) > 2000, $"panel {i} is empty");
        }
    }

    [Fact]
    public void GridsHistogramsAndDensitiesRender()
    {
        double[] g = [1e-4, 1e-3, 1e-2];
        var chart = new Chart("grids", "eta_enc", "eta_dec") { XScale = AxisScale.Log10, YScale = AxisScale.Log10 }
            .CategoryGrid(g, g, new[,] { { 0, 1, -1 }, { 0, 0, 1 }, { 0, 0, 0 } }, ["G", "M"], ["#2ca02c", "#d62728"]);
        var heat = new Chart("heat", "x", "y").Heatmap([1, 2], [1, 2, 3], new[,] { { 0.1, 0.2, double.NaN }, { 0.3, 0.4, 0.5 } }, "accuracy");
        double[] sample = [.. Enumerable.Range(0, 100).Select(i => Math.Sin(i) + (i * 0.01))];
        var histogram = new Chart("histogram", "value", "density").Histogram("sample", sample, 12, HistogramNormalization.Density).Density("KDE", sample);
        var written = new Figure(columns: 3).Add(chart).Add(heat).Add(histogram).Save(Path.Combine(_dir, "grids"));
        Assert.All(written, p => Assert.True(new FileInfo(p).Length > 1000));
        XDocument.Load(written[1]);
    }

    [Fact]
    public void SameFigureSameBytes()
    {
        byte[] a = File.ReadAllBytes(SampleChart().Save(Path.Combine(_dir, "a"), ImageFormats.Png)[0]);
        byte[] b = File.ReadAllBytes(SampleChart().Save(Path.Combine(_dir, "b"), ImageFormats.Png)[0]);
        Assert.Equal(a, b);
    }

    [Fact]
    public void LogAxesDropNonPositivePoints()
    {
        var chart = new Chart("log", "x", "y") { XScale = AxisScale.Log10, YScale = AxisScale.Log10 }
            .Scatter("points", [0, 1, 10, 100], [1, -1, 10, 100], [0.5, 0.5, 20, 1])
            .Line("line", [-1, 1, 100], [1, 1, 100]);
        Assert.Equal(2, chart.Save(Path.Combine(_dir, "log")).Count);
    }

    [Fact]
    public void BadInputNamesTheParameter()
    {
        var chart = new Chart();
        Assert.Equal("ys", Assert.Throws<ArgumentException>(() => chart.Line("a", [1, 2], [1])).ParamName);
        Assert.Equal("yErrors", Assert.Throws<ArgumentException>(() => chart.Scatter("a", [1], [1], [-1])).ParamName);
        Assert.Equal("color", Assert.Throws<ArgumentException>(() => chart.Line("a", [1], [1], color: "red")).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => chart.VerticalLine("a", double.NaN)).ParamName);
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => chart.Heatmap([2, 1], [1], new double[2, 1])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => chart.Heatmap([1, 2], [1], new double[1, 1])).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentOutOfRangeException>(() => chart.CategoryGrid([1], [1], new[,] { { 2 } }, ["a", "b"])).ParamName);
        var logChart = new Chart { XScale = AxisScale.Log10 };
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => logChart.CategoryGrid([0, 1], [1], new int[2, 1], ["a"])).ParamName);
        Assert.Equal("formats", Assert.Throws<ArgumentException>(() => chart.Save(Path.Combine(_dir, "x"), 0)).ParamName);
        Assert.Throws<InvalidOperationException>(() => new Figure().Save(Path.Combine(_dir, "empty")));
        Assert.Equal("PixelDensity", Assert.Throws<ArgumentOutOfRangeException>(() => new Figure { PixelDensity = 9 }.Add(chart).Save(Path.Combine(_dir, "y"))).ParamName);
    }

    private static Chart SampleChart()
    {
        double[] ratios = [.. Enumerable.Range(0, 9).Select(k => Math.Pow(10, -2 + (k * 0.5)))];
        return new Chart("Eq. 12 vs Monte Carlo", "eta_x / eta_A", "P(collision)") { XScale = AxisScale.Log10, YRange = (0, 1) }
            .Line("Eq. 12", ratios, [.. ratios.Select(r => r / (1 + r))], LineStyle.Dashed)
            .Scatter("Monte Carlo", ratios, [.. ratios.Select(r => r / (1 + r))], [.. ratios.Select(_ => 0.02)]);
    }

    private static int DarkPixels(SKBitmap bitmap, SKRectI rect)
    {
        int count = 0;
        for (int y = rect.Top; y < rect.Bottom; y++)
        {
            for (int x = rect.Left; x < rect.Right; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 160)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
