namespace GenEft.Analysis;

/// <summary>
/// The exponent kappa of a power-law lower tail of positive values, F(h) = P(H &lt;= h) ~ c h^kappa as h -&gt; 0+ (e.g.
/// distances of points to a boundary: a density diverging like h^-xi at 0 has kappa = 1 - xi), by a least-squares fit of
/// the empirical cumulative distribution in log-log coordinates.
/// </summary>
/// <remarks>
/// With h_(1) &lt;= h_(2) &lt;= ... the positive values sorted and n the number of all values, F(h_(i)) is about i/n, and
/// kappa is the least-squares slope of ln(i/n) on ln h_(i) over i = ceil(k/16) .. k. The first order statistics are left
/// out because ln h_(i) is noisy and biased for small i. The error bar is a bootstrap: B resamples of the n values with
/// replacement (seeded), each fitted the same way, and the standard error is the standard deviation of their kappa.
/// Choose k so that the k-th smallest value still lies where the tail is a power law. The values' edge must be at 0;
/// subtract it first if it is elsewhere.
/// </remarks>
public static class LowerTailExponentFit
{
    /// <summary>Estimates kappa from the <paramref name="tailCount"/> smallest positive values.</summary>
    /// <param name="values">The values, finite; values &lt;= 0 are left out of the tail (they still count in n).</param>
    /// <param name="tailCount">k, at least 8; at least k values must be positive.</param>
    /// <param name="bootstrapResamples">B, at least 2; default 200.</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tailCount"/> is less than 8 or <paramref name="bootstrapResamples"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A value is not finite, fewer than k values are positive, or the fitted values are all equal.</exception>
    public static LowerTailExponentEstimate Fit(ReadOnlySpan<double> values, int tailCount, int bootstrapResamples = 200, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tailCount, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapResamples, 2);
        AnalysisArguments.ThrowIfNotFinite(values, nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int first = FirstPositive(sorted);
        if (sorted.Length - first < tailCount)
        {
            throw new ArgumentException($"Only {sorted.Length - first} values are positive; tailCount = {tailCount} needs at least {tailCount}.", nameof(values));
        }

        int lowest = first + Math.Max(1, (tailCount + 15) / 16) - 1;
        double kappa = sorted[lowest] < sorted[first + tailCount - 1] ? Exponent(sorted, first, tailCount) : double.NaN;
        if (!double.IsFinite(kappa))
        {
            throw new ArgumentException($"The {tailCount} smallest positive values are all equal; no tail exponent can be fitted.", nameof(values));
        }

        var random = new Xoshiro256StarStar(seed);
        var sample = new double[sorted.Length];
        double sum = 0, sumSquares = 0;
        int fits = 0;
        for (int b = 0; b < bootstrapResamples; b++)
        {
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] = sorted[random.NextIndex(sorted.Length)];
            }

            Array.Sort(sample);
            int start = FirstPositive(sample);
            double k = sample.Length - start >= tailCount && sample[start + lowest - first] < sample[start + tailCount - 1] ? Exponent(sample, start, tailCount) : double.NaN;
            if (double.IsFinite(k))
            {
                sum += k;
                sumSquares += k * k;
                fits++;
            }
        }

        double mean = sum / fits;
        double standardError = fits < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumSquares - (fits * mean * mean)) / (fits - 1)));
        return new LowerTailExponentEstimate(kappa, standardError, tailCount, sorted[first + tailCount - 1]);
    }

    private static int FirstPositive(double[] sorted)
    {
        int first = 0;
        while (first < sorted.Length && !(sorted[first] > 0))
        {
            first++;
        }

        return first;
    }

    /// <summary>The OLS slope of ln(i/n) on ln h_(i), i = ceil(k/16) .. k (h_(i) the i-th smallest positive value).</summary>
    private static double Exponent(double[] sorted, int first, int tailCount)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = Math.Max(1, (tailCount + 15) / 16); i <= tailCount; i++)
        {
            double x = Math.Log(sorted[first + i - 1]), y = Math.Log((double)i / sorted.Length);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }

        return ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
    }
}
