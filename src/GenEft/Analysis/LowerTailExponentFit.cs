namespace GenEft.Analysis;

/// <summary>
/// The exponent kappa of a power-law lower tail, F(h) = P(H &lt;= h) ~ c (h - h0)^kappa just above an unknown lower edge h0
/// (e.g. distances of points to a boundary: a density diverging like (h - h0)^-xi at the edge has kappa = 1 - xi), from
/// the spacings of the smallest order statistics, which do not depend on h0.
/// </summary>
/// <remarks>
/// With h_(1) &lt;= h_(2) &lt;= ... the sorted values and n their number, the quantile function near the edge is
/// q(p) = h0 + (p/c)^(1/kappa), so the spacing q(2p) - q(p) = (2^(1/kappa) - 1)(p/c)^(1/kappa) is a pure power of p
/// whatever h0 is. The fit is the least-squares slope s of ln(h_(2i) - h_(i)) on ln(i/n) over i = ceil(k/16) .. k/2 (pairs
/// with equal values left out; the first few order statistics, whose log-spacings are noisy and biased, are skipped),
/// and kappa = 1/s. Taking h0 as the smallest value instead (and a Hill estimator) is biased
/// for kappa &gt; 1: the smallest value lies above the edge by about the spacing of the first order statistics, which
/// shrinks only like n^(-1/kappa). The error bar is a bootstrap: B resamples of the n values with replacement (seeded),
/// each fitted the same way; the standard error is the standard deviation of their kappa. Choose k so that the k-th
/// smallest value still lies where the tail is a power law.
/// </remarks>
public static class LowerTailExponentFit
{
    /// <summary>Estimates kappa from the <paramref name="tailCount"/> smallest values.</summary>
    /// <param name="values">The values, finite.</param>
    /// <param name="tailCount">k, at least 8 and at most the number of values.</param>
    /// <param name="bootstrapResamples">B, at least 2; default 200.</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tailCount"/> is less than 8 or more than the number of values, or <paramref name="bootstrapResamples"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A value is not finite, or fewer than three spacings of the tail are positive.</exception>
    public static LowerTailExponentEstimate Fit(ReadOnlySpan<double> values, int tailCount, int bootstrapResamples = 200, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tailCount, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tailCount, values.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapResamples, 2);
        AnalysisArguments.ThrowIfNotFinite(values, nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double kappa = Exponent(sorted, tailCount);
        if (double.IsNaN(kappa))
        {
            throw new ArgumentException($"Fewer than three spacings h_(2i) - h_(i), i <= {tailCount / 2}, are positive: the tail has too many ties.", nameof(values));
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
            double k = Exponent(sample, tailCount);
            if (double.IsFinite(k))
            {
                sum += k;
                sumSquares += k * k;
                fits++;
            }
        }

        double mean = sum / fits;
        double standardError = fits < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumSquares - (fits * mean * mean)) / (fits - 1)));
        return new LowerTailExponentEstimate(kappa, standardError, tailCount, sorted[tailCount - 1]);
    }

    /// <summary>1 / (OLS slope of ln(h_(2i) - h_(i)) on ln i, i = ceil(k/16) .. k/2), NaN with fewer than three positive spacings.</summary>
    private static double Exponent(double[] sorted, int tailCount)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = Math.Max(1, (tailCount + 15) / 16); 2 * i <= tailCount; i++)
        {
            double spacing = sorted[(2 * i) - 1] - sorted[i - 1];
            if (spacing > 0)
            {
                double x = Math.Log(i), y = Math.Log(spacing);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }

        if (n < 3)
        {
            return double.NaN;
        }

        double slope = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
        return 1 / slope;
    }
}
