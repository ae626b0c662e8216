namespace GenEft.Plotting;

/// <summary>What the bar heights of a histogram mean.</summary>
public enum HistogramNormalization
{
    /// <summary>The number of values in each bin.</summary>
    Count,

    /// <summary>The fraction of values in each bin (bars sum to 1).</summary>
    Fraction,

    /// <summary>Fraction divided by bin width (bars integrate to 1; comparable with a <see cref="KernelDensity"/> curve).</summary>
    Density,
}
