namespace GenEft.Statics;

/// <summary>
/// GenEFT Eq. 5: the analytic accuracy upper bound f_UB(m) = f(m) + max(p*, 1 - p*) (1 - f(m)), where f is the
/// Eq. 3 inferable fraction and p* the probability that a guessed pair is in the relation
/// (<see cref="GuessProbability"/>).
/// </summary>
public static class AccuracyUpperBound
{
    /// <summary>f_UB after m samples (GenEFT Eq. 5).</summary>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="samples">m &gt;= 0.</param>
    /// <param name="guessProbability">p* in [0, 1].</param>
    /// <returns>f_UB in [max(p*, 1 - p*), 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">b not finite and &gt; 1, m negative or NaN, or p* outside [0, 1].</exception>
    public static double Of(double descriptionLength, double samples, double guessProbability)
    {
        StaticsGuard.Probability(guessProbability);
        double f = InferableFraction.Of(descriptionLength, samples);
        return f + Math.Max(guessProbability, 1 - guessProbability) * (1 - f);
    }

    /// <summary>f_UB at a training fraction p of the N = n^2 samples (m = p N), the curve of GenEFT Figure 2.</summary>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="n">Number of elements n &gt;= 1.</param>
    /// <param name="trainingFraction">p in [0, 1].</param>
    /// <param name="guessProbability">p* in [0, 1].</param>
    /// <returns>f_UB.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (see the parameters).</exception>
    public static double AtTrainingFraction(double descriptionLength, int n, double trainingFraction, double guessProbability)
    {
        StaticsGuard.ElementCount(n);
        StaticsGuard.Probability(trainingFraction);
        return Of(descriptionLength, trainingFraction * n * n, guessProbability);
    }

    /// <summary>
    /// The inverse: the training fraction at which f_UB reaches <paramref name="accuracy"/>,
    /// p = ln(1 - f) / (N ln(1 - 1/b)) with f = (accuracy - q) / (1 - q), q = max(p*, 1 - p*).
    /// Values above 1 mean the target is not reached even with all n^2 samples.
    /// </summary>
    /// <param name="accuracy">Target in [q, 1).</param>
    /// <param name="descriptionLength">b &gt; 1 bits.</param>
    /// <param name="n">Number of elements n &gt;= 1.</param>
    /// <param name="guessProbability">p* in [0, 1).</param>
    /// <returns>The training fraction, &gt;= 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">accuracy outside [max(p*, 1 - p*), 1), b not finite and &gt; 1, n &lt; 1, or p* outside [0, 1].</exception>
    public static double TrainingFractionFor(double accuracy, double descriptionLength, int n, double guessProbability)
    {
        StaticsGuard.Probability(guessProbability);
        StaticsGuard.ElementCount(n);
        double q = Math.Max(guessProbability, 1 - guessProbability);
        if (!(accuracy >= q && accuracy < 1))
            throw new ArgumentOutOfRangeException(nameof(accuracy), accuracy, $"Must be in [max(p*, 1 - p*), 1) = [{q}, 1).");
        double f = (accuracy - q) / (1 - q);
        return InferableFraction.SamplesFor(descriptionLength, f) / ((double)n * n);
    }
}
