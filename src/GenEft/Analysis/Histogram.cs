namespace GenEft.Analysis;

/// <summary>
/// A histogram with equal-width bins over [min, max), e.g. of grokking times. <see cref="Density"/> is normalised by the
/// total number of values (including those outside the range), so it estimates the full density on the bins.
/// </summary>
public sealed class Histogram
{
    private readonly long[] counts;

    private Histogram(double min, double max, long[] counts, long below, long above, long total)
    {
        Min = min;
        Max = max;
        this.counts = counts;
        Below = below;
        Above = above;
        Total = total;
    }

    /// <summary>The lower edge of the first bin.</summary>
    public double Min { get; }

    /// <summary>The upper edge of the last bin (a value equal to it counts in the last bin).</summary>
    public double Max { get; }

    /// <summary>The number of bins.</summary>
    public int BinCount => counts.Length;

    /// <summary>The bin width.</summary>
    public double BinWidth => (Max - Min) / counts.Length;

    /// <summary>The count of each bin.</summary>
    public ReadOnlySpan<long> Counts => counts;

    /// <summary>Values below <see cref="Min"/>.</summary>
    public long Below { get; }

    /// <summary>Values above <see cref="Max"/>.</summary>
    public long Above { get; }

    /// <summary>All values counted (in range or not; NaN values are not counted).</summary>
    public long Total { get; }

    /// <summary>Builds a histogram.</summary>
    /// <param name="values">The values; NaN values are ignored, infinite ones count as below or above.</param>
    /// <param name="binCount">The number of bins, at least 1.</param>
    /// <param name="min">The lower edge, finite.</param>
    /// <param name="max">The upper edge, finite and greater than <paramref name="min"/>.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Histogram Create(ReadOnlySpan<double> values, int binCount, double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "min must be finite.");
        }

        if (!(max > min && double.IsFinite(max)))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "max must be finite and greater than min.");
        }

        var counts = new long[binCount];
        long below = 0, above = 0, total = 0;
        double scale = binCount / (max - min);
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            total++;
            if (v < min)
            {
                below++;
            }
            else if (v > max)
            {
                above++;
            }
            else
            {
                counts[Math.Min(binCount - 1, (int)((v - min) * scale))]++;
            }
        }

        return new Histogram(min, max, counts, below, above, total);
    }

    /// <summary>The centre of bin i.</summary>
    /// <param name="bin">i, in [0, BinCount).</param>
    /// <returns>The centre.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bin"/> is out of range.</exception>
    public double BinCenter(int bin)
    {
        ThrowIfNotBin(bin);
        return Min + ((bin + 0.5) * BinWidth);
    }

    /// <summary>count_i / (Total x width): the density estimate on bin i (0 when nothing was counted).</summary>
    /// <param name="bin">i, in [0, BinCount).</param>
    /// <returns>The density.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bin"/> is out of range.</exception>
    public double Density(int bin)
    {
        ThrowIfNotBin(bin);
        return Total == 0 ? 0 : counts[bin] / (Total * BinWidth);
    }

    /// <summary>The binomial standard error of <see cref="Density"/>: sqrt(p (1 - p) / Total) / width with p = count_i / Total.</summary>
    /// <param name="bin">i, in [0, BinCount).</param>
    /// <returns>The standard error.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bin"/> is out of range.</exception>
    public double DensityStandardError(int bin)
    {
        ThrowIfNotBin(bin);
        if (Total == 0)
        {
            return 0;
        }

        double p = (double)counts[bin] / Total;
        return Math.Sqrt(p * (1 - p) / Total) / BinWidth;
    }

    private void ThrowIfNotBin(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, counts.Length);
    }
}
