namespace GenEft.Statics;

/// <summary>
/// GenEFT Eq. 4: the critical training fraction p_c = (1/N) log2(1 - alpha) / log2(1 - 1/b), N = n^2, at which
/// the Eq. 3 inferable fraction reaches alpha (f(N p_c) = alpha).
/// </summary>
public static class CriticalTrainingFraction
{
    /// <summary>p_c (GenEFT Eq. 4). Values above 1 mean that even all n^2 samples are expected to fall short of alpha.</summary>
    /// <param name="accuracy">Target alpha in (0, 1).</param>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="n">Number of elements n &gt;= 1 (N = n^2 samples).</param>
    /// <returns>p_c &gt; 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accuracy"/> outside (0, 1), <paramref name="descriptionLength"/> not finite and &gt; 1, or <paramref name="n"/> &lt; 1.</exception>
    public static double Of(double accuracy, double descriptionLength, int n)
    {
        StaticsGuard.OpenUnit(accuracy);
        StaticsGuard.ElementCount(n);
        return InferableFraction.SamplesFor(descriptionLength, accuracy) / ((double)n * n);
    }
}
