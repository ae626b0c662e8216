namespace GenEft.Statics;

/// <summary>
/// GenEFT Eq. 4: the critical training fraction p_c = (1/N) log2(1 - alpha) / log2(1 - 1/b), N = n^2, at which
/// the Eq. 3 inferable fraction f(m) = 1 - (1 - 1/b)^m reaches alpha, i.e. f(N p_c) = alpha.
/// </summary>
/// <remarks>
/// The paper calls alpha the target test accuracy ("how much training data is needed to reach a testing accuracy
/// alpha"), in the crude approximation where accuracy is the fraction of the b bits inferred. It is not the Eq. 5
/// accuracy bound, which adds max(p*, 1 - p*) for every pair that is guessed rather than inferred; the training
/// fraction at which that bound reaches a target is <see cref="AccuracyUpperBound.TrainingFractionFor"/>.
/// </remarks>
public static class CriticalTrainingFraction
{
    /// <summary>p_c (GenEFT Eq. 4). Values above 1 mean that even all n^2 samples are expected to fall short of alpha.</summary>
    /// <param name="alpha">The target inferable fraction alpha in (0, 1) (the paper's target accuracy, e.g. 0.9).</param>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="n">Number of elements n &gt;= 1 (N = n^2 samples).</param>
    /// <returns>p_c &gt; 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> outside (0, 1), <paramref name="descriptionLength"/> not finite and &gt; 1, or <paramref name="n"/> &lt; 1.</exception>
    public static double Of(double alpha, double descriptionLength, int n)
    {
        StaticsGuard.OpenUnit(alpha);
        StaticsGuard.ElementCount(n);
        return InferableFraction.SamplesFor(descriptionLength, alpha) / ((double)n * n);
    }
}
