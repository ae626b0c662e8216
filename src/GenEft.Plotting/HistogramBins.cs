namespace GenEft.Plotting;

/// <summary>A histogram: <see cref="Edges"/> has one more entry than <see cref="Heights"/>; bin i is [Edges[i], Edges[i + 1]), the last one closed.</summary>
/// <param name="Edges">The bin edges, increasing.</param>
/// <param name="Heights">The bar heights, scaled as asked.</param>
public sealed record HistogramBins(IReadOnlyList<double> Edges, IReadOnlyList<double> Heights)
{
    /// <summary>Bins the finite values into <paramref name="binCount"/> equal bins spanning their range.</summary>
    /// <param name="values">The values; NaN and infinities are skipped.</param>
    /// <param name="binCount">The number of bins (1 or more).</param>
    /// <param name="normalization">What a bar's height means.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> has no finite value.</exception>
    public static HistogramBins Compute(IEnumerable<double> values, int binCount, HistogramNormalization normalization = HistogramNormalization.Count)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.Length == 0)
        {
            throw new ArgumentException("A histogram needs at least one finite value.", nameof(values));
        }

        double min = finite.Min(), max = finite.Max();
        if (min == max)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        double width = (max - min) / binCount;
        double[] edges = [.. Enumerable.Range(0, binCount + 1).Select(i => i == binCount ? max : min + (i * width))];
        double[] heights = new double[binCount];
        foreach (double v in finite)
        {
            heights[Math.Min(binCount - 1, (int)((v - min) / width))]++;
        }

        double scale = normalization switch
        {
            HistogramNormalization.Fraction => 1.0 / finite.Length,
            HistogramNormalization.Density => 1.0 / (finite.Length * width),
            _ => 1.0,
        };
        for (int i = 0; i < binCount; i++)
        {
            heights[i] *= scale;
        }

        return new HistogramBins(edges, heights);
    }
}
