namespace GenEft.Plotting;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Evenly spaced values.</summary>
    Linear,

    /// <summary>Evenly spaced powers of ten; values at or below zero are left out of the plot.</summary>
    Log10,
}
