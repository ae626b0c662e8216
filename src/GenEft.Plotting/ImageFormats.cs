namespace GenEft.Plotting;

/// <summary>The files a figure is saved as.</summary>
[Flags]
public enum ImageFormats
{
    /// <summary>A raster image (<c>.png</c>), drawn at <see cref="Figure.PixelDensity"/> pixels per unit.</summary>
    Png = 1,

    /// <summary>A vector image (<c>.svg</c>), text kept as text.</summary>
    Svg = 2,

    /// <summary>Both.</summary>
    PngAndSvg = Png | Svg,
}
