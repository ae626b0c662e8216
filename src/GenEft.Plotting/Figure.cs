using ScottPlot;
using SkiaSharp;

namespace GenEft.Plotting;

/// <summary>
/// A figure of one or more <see cref="Chart"/> panels laid out in rows of <see cref="Columns"/>, with an optional
/// overall title, saved as PNG and/or SVG in one call. Text is drawn with the DejaVu Sans font embedded in this
/// assembly, so output does not depend on the fonts installed on the machine.
/// </summary>
/// <example>
/// <code>
/// var figure = new Figure(columns: 2) { Title = "GenEFT Figure 2, n = 30" };
/// foreach (var relation in relations) figure.Add(PanelFor(relation));
/// figure.Save("docs/figures/statics-figure2-panels");   // .png and .svg
/// </code>
/// </example>
public sealed class Figure
{
    private const float TitleBand = 44;
    private readonly List<Chart> _panels = [];

    /// <summary>An empty figure laying panels out <paramref name="columns"/> to a row.</summary>
    /// <param name="columns">Panels per row (1 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1.</exception>
    public Figure(int columns = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Columns = columns;
    }

    /// <summary>Panels per row.</summary>
    public int Columns { get; }

    /// <summary>The overall title above the panels; empty for none.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Width of each panel in units (SVG pixels), at least 100.</summary>
    public int PanelWidth { get; init; } = 720;

    /// <summary>Height of each panel in units, at least 100.</summary>
    public int PanelHeight { get; init; } = 480;

    /// <summary>PNG pixels per unit (0.5 to 4): 1.5 gives sharp figures on high-density screens at a modest file size.</summary>
    public double PixelDensity { get; init; } = 1.5;

    /// <summary>The panels in the order added (row by row).</summary>
    public IReadOnlyList<Chart> Panels => _panels;

    /// <summary>The figure's size in units.</summary>
    public (int Width, int Height) Size
    {
        get
        {
            int rows = Math.Max(1, (_panels.Count + Columns - 1) / Columns);
            return (Math.Min(Columns, Math.Max(1, _panels.Count)) * PanelWidth, (rows * PanelHeight) + (Title.Length > 0 ? (int)TitleBand : 0));
        }
    }

    /// <summary>Adds a panel after the last one.</summary>
    /// <param name="chart">The panel.</param>
    /// <returns>This figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public Figure Add(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _panels.Add(chart);
        return this;
    }

    /// <summary>Draws the figure and writes <paramref name="basePath"/>.png and/or <paramref name="basePath"/>.svg.</summary>
    /// <param name="basePath">The output path without extension (a trailing .png or .svg is ignored); missing folders are created.</param>
    /// <param name="formats">Which files to write.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException"><paramref name="basePath"/> is null or empty, or <paramref name="formats"/> names no format.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The panel size is below 100 units or <see cref="PixelDensity"/> is outside 0.5..4.</exception>
    /// <exception cref="InvalidOperationException">The figure has no panel.</exception>
    public IReadOnlyList<string> Save(string basePath, ImageFormats formats = ImageFormats.PngAndSvg)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePath);
        if ((formats & ImageFormats.PngAndSvg) == 0)
        {
            throw new ArgumentException("Name at least one image format.", nameof(formats));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PanelWidth, 100, nameof(PanelWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(PanelHeight, 100, nameof(PanelHeight));
        if (!(PixelDensity >= 0.5 && PixelDensity <= 4))
        {
            throw new ArgumentOutOfRangeException(nameof(PixelDensity), PixelDensity, "The pixel density must lie in 0.5..4.");
        }

        if (_panels.Count == 0)
        {
            throw new InvalidOperationException("A figure needs at least one panel.");
        }

        string stem = Path.GetExtension(basePath).ToLowerInvariant() is ".png" or ".svg" ? Path.ChangeExtension(basePath, null) : basePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stem))!);
        var written = new List<string>();
        if (formats.HasFlag(ImageFormats.Png))
        {
            written.Add(stem + ".png");
            WritePng(stem + ".png");
        }

        if (formats.HasFlag(ImageFormats.Svg))
        {
            written.Add(stem + ".svg");
            WriteSvg(stem + ".svg");
        }

        return written;
    }

    private void WritePng(string path)
    {
        var (width, height) = Size;
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(width * PixelDensity), (int)Math.Ceiling(height * PixelDensity)));
        surface.Canvas.Scale((float)PixelDensity);
        Draw(surface.Canvas);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }

    private void WriteSvg(string path)
    {
        var (width, height) = Size;
        using FileStream file = File.Create(path);
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), file))
        {
            Draw(canvas);
        }
    }

    private void Draw(SKCanvas canvas)
    {
        var (width, _) = Size;
        canvas.Clear(SKColors.White);
        float top = 0;
        if (Title.Length > 0)
        {
            EmbeddedFonts.Register();
            using var font = new SKFont(EmbeddedFonts.Bold, 20);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(Title, width / 2f, 30, SKTextAlign.Center, font, paint);
            top = TitleBand;
        }

        for (int i = 0; i < _panels.Count; i++)
        {
            float left = i % Columns * PanelWidth, panelTop = top + (i / Columns * PanelHeight);
            using Plot plot = ChartRenderer.Build(_panels[i], PanelWidth);
            // ScottPlot clears the canvas before drawing a plot; the clip keeps that to the panel's own cell.
            canvas.Save();
            canvas.ClipRect(SKRect.Create(left, panelTop, PanelWidth, PanelHeight));
            // ScottPlot centres a title over the data area, which a legend on the right pushes left until a long
            // title is cut off: let it lay the title out invisibly, then draw it centred on the whole panel.
            LabelStyle title = plot.Axes.Title.Label;
            title.ForeColor = Colors.Transparent;
            plot.Render(canvas, new PixelRect(left, left + PanelWidth, panelTop + PanelHeight, panelTop));
            if (!string.IsNullOrWhiteSpace(title.Text))
            {
                title.ForeColor = Colors.Black;
                using Paint paint = Paint.NewDisposablePaint();
                title.Render(canvas, new Pixel(left + (PanelWidth / 2f), title.LastRenderPixelRect.Bottom), paint);
            }

            canvas.Restore();
        }
    }
}
