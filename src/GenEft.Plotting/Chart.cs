namespace GenEft.Plotting;

/// <summary>
/// One panel of a figure: a title, axis labels, linear or log axes, and layers (lines, scatter points with error
/// bars, filled regions, reference lines, histograms, densities, heatmaps, category grids) added in drawing order. Values are in data
/// units on every axis scale; on a log axis, points at or below zero are left out. Series with a non-empty label get
/// a legend entry; colours come from a fixed palette in the order series are added unless given as "#RRGGBB".
/// Draw it with <see cref="Save"/> or as a panel of a <see cref="Figure"/>.
/// </summary>
/// <example>
/// <code>
/// new Chart("Eq. 12", "eta_x / eta_A", "P(collision)") { XScale = AxisScale.Log10, YRange = (0, 1) }
///     .Line("Eq. 12", ratios, theory, LineStyle.Dashed)
///     .Scatter("Monte Carlo", ratios, estimates, standardErrors)
///     .Save("out/eq12");   // writes out/eq12.png and out/eq12.svg
/// </code>
/// </example>
public sealed class Chart
{
    private readonly List<ChartLayer> _layers = [];

    /// <summary>A chart with the given texts (empty strings draw nothing).</summary>
    /// <param name="title">The title above the data area; "\n" starts a new line.</param>
    /// <param name="xLabel">The horizontal axis's label.</param>
    /// <param name="yLabel">The vertical axis's label.</param>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    public Chart(string title = "", string xLabel = "", string yLabel = "")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis's label.</summary>
    public string XLabel { get; }

    /// <summary>The vertical axis's label.</summary>
    public string YLabel { get; }

    /// <summary>The horizontal axis's scale.</summary>
    public AxisScale XScale { get; init; }

    /// <summary>The vertical axis's scale.</summary>
    public AxisScale YScale { get; init; }

    /// <summary>The visible horizontal range in data units; null fits the data (grids: their outer cell edges).</summary>
    public (double Min, double Max)? XRange { get; init; }

    /// <summary>The visible vertical range in data units; null fits the data.</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>Where the legend goes.</summary>
    public LegendPlacement Legend { get; init; }

    internal IReadOnlyList<ChartLayer> Layers => _layers;

    /// <summary>A line through the points in the order given (points with a NaN coordinate are skipped).</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="xs">The x values.</param>
    /// <param name="ys">The y values, as many as <paramref name="xs"/>.</param>
    /// <param name="style">The stroke.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="color"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart Line(string label, IReadOnlyList<double> xs, IReadOnlyList<double> ys, LineStyle style = LineStyle.Solid, string? color = null)
    {
        var (x, y) = Points(label, xs, ys, color);
        _layers.Add(new LineLayer(label, x, y, style, color));
        return this;
    }

    /// <summary>Points, optionally with symmetric vertical error bars (±error; on a log axis a bar reaching zero stops one decade below its point).</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="xs">The x values.</param>
    /// <param name="ys">The y values, as many as <paramref name="xs"/>.</param>
    /// <param name="yErrors">Half-lengths of the error bars (non-negative, NaN for none), as many as <paramref name="xs"/>; null for no bars.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/>, <paramref name="xs"/> or <paramref name="ys"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, an error is negative, or <paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart Scatter(string label, IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double>? yErrors = null, string? color = null)
    {
        var (x, y) = Points(label, xs, ys, color);
        double[]? errors = null;
        if (yErrors is not null)
        {
            if (yErrors.Count != x.Length)
            {
                throw new ArgumentException($"yErrors has {yErrors.Count} values, xs has {x.Length}.", nameof(yErrors));
            }

            if (yErrors.Any(e => e < 0))
            {
                throw new ArgumentException("Error bar half-lengths must be non-negative.", nameof(yErrors));
            }

            errors = [.. yErrors];
        }

        _layers.Add(new ScatterLayer(label, x, y, errors, color));
        return this;
    }

    /// <summary>A filled region: the polygon through the points in order, closed back to the first (regions of a phase plane, confidence bands), drawn translucent under later layers.</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="xs">The x values of the corners (at least three).</param>
    /// <param name="ys">The y values, as many as <paramref name="xs"/>.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/>, <paramref name="xs"/> or <paramref name="ys"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are below three, or <paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart Area(string label, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? color = null)
    {
        var (x, y) = Points(label, xs, ys, color);
        if (x.Length < 3)
        {
            throw new ArgumentException("A filled region needs at least three corners.", nameof(xs));
        }

        _layers.Add(new AreaLayer(label, x, y, color));
        return this;
    }

    /// <summary>A vertical reference line across the data area at <paramref name="x"/>.</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="x">Where (finite; positive on a log axis).</param>
    /// <param name="style">The stroke.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart VerticalLine(string label, double x, LineStyle style = LineStyle.Dashed, string? color = null) =>
        ReferenceLine(label, x, vertical: true, style, color, nameof(x));

    /// <summary>A horizontal reference line across the data area at <paramref name="y"/>.</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="y">Where (finite; positive on a log axis).</param>
    /// <param name="style">The stroke.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart HorizontalLine(string label, double y, LineStyle style = LineStyle.Dashed, string? color = null) =>
        ReferenceLine(label, y, vertical: false, style, color, nameof(y));

    /// <summary>A histogram of <paramref name="values"/> on the x axis (equal bins in axis coordinates: equal in log10 on a log axis), drawn as translucent bars.</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="values">The sample (non-finite values, and non-positive ones on a log axis, are skipped).</param>
    /// <param name="bins">The number of bins (1 or more).</param>
    /// <param name="normalization">What the bar heights mean (see <see cref="HistogramBins.Compute"/>).</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart Histogram(string label, IReadOnlyList<double> values, int bins = 20, HistogramNormalization normalization = HistogramNormalization.Count, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Palette.Validate(color, nameof(color));
        _layers.Add(new HistogramLayer(label, [.. values], bins, normalization, color));
        return this;
    }

    /// <summary>A Gaussian kernel density estimate of <paramref name="values"/> (see <see cref="KernelDensity"/>), in axis coordinates of the x axis, as a line.</summary>
    /// <param name="label">The legend entry; empty for none.</param>
    /// <param name="values">The sample (non-finite values, and non-positive ones on a log axis, are skipped).</param>
    /// <param name="bandwidth">The kernel width in axis coordinates; null for Silverman's rule.</param>
    /// <param name="style">The stroke.</param>
    /// <param name="color">"#RRGGBB", or null for the next palette colour.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="color"/> is not "#RRGGBB".</exception>
    public Chart Density(string label, IReadOnlyList<double> values, double? bandwidth = null, LineStyle style = LineStyle.Solid, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(values);
        if (bandwidth is { } h && (!double.IsFinite(h) || h <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), h, "The bandwidth must be finite and positive.");
        }

        Palette.Validate(color, nameof(color));
        _layers.Add(new DensityLayer(label, [.. values], bandwidth, style, color));
        return this;
    }

    /// <summary>
    /// A heatmap of continuous values over a grid, with a colour bar: <paramref name="values"/>[i, j] colours the cell
    /// centred on (xs[i], ys[j]); cell edges lie halfway between neighbouring centres (in axis coordinates, so
    /// log-spaced centres on a log axis give equal cells). NaN cells stay blank.
    /// </summary>
    /// <param name="xs">Cell centres along x, increasing (positive on a log axis).</param>
    /// <param name="ys">Cell centres along y, increasing (positive on a log axis).</param>
    /// <param name="values">The values, xs.Count × ys.Count.</param>
    /// <param name="colorLabel">The colour bar's label.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A centre list is empty, not increasing or non-positive on a log axis, or the shape of <paramref name="values"/> does not match.</exception>
    public Chart Heatmap(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] values, string colorLabel = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(colorLabel);
        var (x, y) = GridCentres(xs, ys, values.GetLength(0), values.GetLength(1), nameof(values));
        _layers.Add(new HeatmapLayer(x, y, (double[,])values.Clone(), colorLabel));
        return this;
    }

    /// <summary>
    /// A grid of categories (phase diagrams): cell [i, j], centred on (xs[i], ys[j]) as in <see cref="Heatmap"/>,
    /// is filled with the colour of category <paramref name="categories"/>[i, j] (an index into
    /// <paramref name="names"/>; negative for a blank cell). The legend lists the categories that occur, in the order
    /// of <paramref name="names"/>, so a category keeps its colour across figures.
    /// </summary>
    /// <param name="xs">Cell centres along x, increasing (positive on a log axis).</param>
    /// <param name="ys">Cell centres along y, increasing (positive on a log axis).</param>
    /// <param name="categories">Category indices, xs.Count × ys.Count.</param>
    /// <param name="names">The categories' names.</param>
    /// <param name="colors">The categories' colours ("#RRGGBB"), as many as <paramref name="names"/>; null for the palette.</param>
    /// <returns>This chart.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="colors"/> is null.</exception>
    /// <exception cref="ArgumentException">A centre list is empty, not increasing or non-positive on a log axis; a shape or count does not match; a colour is not "#RRGGBB".</exception>
    /// <exception cref="ArgumentOutOfRangeException">A category index is not below names.Count.</exception>
    public Chart CategoryGrid(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int[,] categories, IReadOnlyList<string> names, IReadOnlyList<string>? colors = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(names);
        var (x, y) = GridCentres(xs, ys, categories.GetLength(0), categories.GetLength(1), nameof(categories));
        if (colors is not null && colors.Count != names.Count)
        {
            throw new ArgumentException($"colors has {colors.Count} entries, names has {names.Count}.", nameof(colors));
        }

        foreach (string? c in colors ?? [])
        {
            Palette.Validate(c, nameof(colors));
        }

        foreach (int c in categories)
        {
            if (c >= names.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(categories), c, $"Category indices must be below names.Count = {names.Count}.");
            }
        }

        string[] palette = colors is null ? [.. Enumerable.Range(0, names.Count).Select(i => Palette.At(i).ToHex()[..7])] : [.. colors];
        _layers.Add(new CategoryGridLayer(x, y, (int[,])categories.Clone(), [.. names], palette));
        return this;
    }

    /// <summary>Draws this chart alone and writes <paramref name="basePath"/>.png and/or .svg (see <see cref="Figure.Save"/>).</summary>
    /// <param name="basePath">The output path without extension (a trailing .png or .svg is ignored); folders are created.</param>
    /// <param name="formats">Which files to write.</param>
    /// <param name="width">The width in units (SVG pixels; PNG pixels ÷ <see cref="Figure.PixelDensity"/>).</param>
    /// <param name="height">The height in units.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException"><paramref name="basePath"/> is null or empty, or <paramref name="formats"/> names no format.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is below 100.</exception>
    public IReadOnlyList<string> Save(string basePath, ImageFormats formats = ImageFormats.PngAndSvg, int width = 720, int height = 480) =>
        new Figure { PanelWidth = width, PanelHeight = height }.Add(this).Save(basePath, formats);

    private static void Increasing(IReadOnlyList<double> centres, AxisScale scale, string name)
    {
        if (centres.Count == 0 || centres.Any(v => !double.IsFinite(v)) || centres.Zip(centres.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Grid centres must be finite, non-empty and strictly increasing.", name);
        }

        if (scale == AxisScale.Log10 && centres[0] <= 0)
        {
            throw new ArgumentException("Grid centres on a log axis must be positive.", name);
        }
    }

    private (double[] X, double[] Y) GridCentres(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int nx, int ny, string valuesName)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        Increasing(xs, XScale, nameof(xs));
        Increasing(ys, YScale, nameof(ys));
        if (nx != xs.Count || ny != ys.Count)
        {
            throw new ArgumentException($"The grid is {nx}x{ny}, expected xs.Count x ys.Count = {xs.Count}x{ys.Count}.", valuesName);
        }

        return ([.. xs], [.. ys]);
    }

    private (double[] X, double[] Y) Points(string label, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? color)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
        {
            throw new ArgumentException($"ys has {ys.Count} values, xs has {xs.Count}.", nameof(ys));
        }

        Palette.Validate(color, nameof(color));
        return ([.. xs], [.. ys]);
    }

    private Chart ReferenceLine(string label, double value, bool vertical, LineStyle style, string? color, string valueName)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(valueName, value, "A reference line needs a finite position.");
        }

        Palette.Validate(color, nameof(color));
        _layers.Add(new ReferenceLineLayer(label, value, vertical, style, color));
        return this;
    }
}
