namespace GenEft.Plotting;

/// <summary>Where a chart draws its legend (only series with a non-empty label appear in it).</summary>
public enum LegendPlacement
{
    /// <summary>Beside the data area, on the right (never covers data).</summary>
    OutsideRight,

    /// <summary>Below the axis label (never covers data; good for long series names).</summary>
    OutsideBottom,

    /// <summary>Inside the data area, upper right corner.</summary>
    InsideUpperRight,

    /// <summary>Inside the data area, lower right corner.</summary>
    InsideLowerRight,

    /// <summary>Inside the data area, upper left corner.</summary>
    InsideUpperLeft,

    /// <summary>Inside the data area, lower left corner.</summary>
    InsideLowerLeft,

    /// <summary>No legend.</summary>
    Hidden,
}
