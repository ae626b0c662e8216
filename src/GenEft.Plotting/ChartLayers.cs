namespace GenEft.Plotting;

/// <summary>What a chart holds, in data units, until it is drawn (see <see cref="ChartRenderer"/>).</summary>
internal abstract record ChartLayer(string Label, string? Color);

internal sealed record LineLayer(string Label, double[] Xs, double[] Ys, LineStyle Style, string? Color) : ChartLayer(Label, Color);

internal sealed record ScatterLayer(string Label, double[] Xs, double[] Ys, double[]? YErrors, string? Color) : ChartLayer(Label, Color);

internal sealed record AreaLayer(string Label, double[] Xs, double[] Ys, string? Color) : ChartLayer(Label, Color);

internal sealed record ReferenceLineLayer(string Label, double Value, bool Vertical, LineStyle Style, string? Color) : ChartLayer(Label, Color);

internal sealed record HistogramLayer(string Label, double[] Values, int Bins, HistogramNormalization Normalization, string? Color) : ChartLayer(Label, Color);

internal sealed record DensityLayer(string Label, double[] Values, double? Bandwidth, LineStyle Style, string? Color) : ChartLayer(Label, Color);

internal sealed record HeatmapLayer(double[] Xs, double[] Ys, double[,] Values, string ColorLabel) : ChartLayer(string.Empty, null);

internal sealed record CategoryGridLayer(double[] Xs, double[] Ys, int[,] Categories, string[] Names, string[] Colors) : ChartLayer(string.Empty, null);
