namespace GenEft.Plotting;

/// <summary>The stroke of a line series or reference line.</summary>
public enum LineStyle
{
    /// <summary>An unbroken line.</summary>
    Solid,

    /// <summary>A dashed line (theory curves, bounds).</summary>
    Dashed,

    /// <summary>A dotted line.</summary>
    Dotted,
}
