namespace GenEft.Statics;

/// <summary>
/// GenEFT Eq. 3: after m samples, each carrying one of b bits at random (m balls into b buckets), the expected
/// fraction of the bits seen is f(m) = 1 - (1 - 1/b)^m.
/// </summary>
public static class InferableFraction
{
    /// <summary>f(m) = 1 - (1 - 1/b)^m (GenEFT Eq. 3), computed as -expm1(m log1p(-1/b)) for accuracy at large b.</summary>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="samples">m &gt;= 0 (real, so m = p N works for any fraction p).</param>
    /// <returns>f in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="descriptionLength"/> is not finite and &gt; 1, or <paramref name="samples"/> is negative or NaN.</exception>
    public static double Of(double descriptionLength, double samples)
    {
        StaticsGuard.DescriptionLength(descriptionLength);
        StaticsGuard.NonNegative(samples);
        return -AccurateMath.ExpM1(samples * AccurateMath.Log1P(-1 / descriptionLength));
    }

    /// <summary>The inverse of Eq. 3: the number of samples m with f(m) = <paramref name="fraction"/>, m = ln(1 - f) / ln(1 - 1/b).</summary>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="fraction">f in [0, 1).</param>
    /// <returns>m &gt;= 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="descriptionLength"/> is not finite and &gt; 1, or <paramref name="fraction"/> is outside [0, 1).</exception>
    public static double SamplesFor(double descriptionLength, double fraction)
    {
        StaticsGuard.DescriptionLength(descriptionLength);
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Must be in [0, 1).");
        return AccurateMath.Log1P(-fraction) / AccurateMath.Log1P(-1 / descriptionLength);
    }
}
