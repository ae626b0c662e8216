namespace GenEft.Analysis;

/// <summary>
/// A binomial proportion estimated from trials, such as a grokking probability P_G: the estimate k/n, its standard error
/// sqrt(p (1 - p) / n) and Wilson's score interval (which stays inside [0, 1] and is sensible at k = 0 or k = n).
/// </summary>
public readonly record struct ProportionEstimate
{
    /// <summary>Creates the estimate.</summary>
    /// <param name="successes">k, in [0, n].</param>
    /// <param name="trials">n, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1 or <paramref name="successes"/> is outside [0, n].</exception>
    public ProportionEstimate(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must be in [0, trials = {trials}].");
        }

        Successes = successes;
        Trials = trials;
    }

    /// <summary>k.</summary>
    public long Successes { get; }

    /// <summary>n.</summary>
    public long Trials { get; }

    /// <summary>k / n.</summary>
    public double Estimate => (double)Successes / Trials;

    /// <summary>The binomial standard error sqrt(p (1 - p) / n) at p = k/n (0 when k is 0 or n; use <see cref="WilsonInterval"/> then).</summary>
    public double StandardError => Math.Sqrt(Estimate * (1 - Estimate) / Trials);

    /// <summary>
    /// Wilson's score interval: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
    /// </summary>
    /// <param name="z">The normal quantile, positive and finite; 1.96 (the default) for 95 %.</param>
    /// <returns>The lower and upper bounds, inside [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is not positive and finite.</exception>
    public (double Lower, double Upper) WilsonInterval(double z = 1.96)
    {
        if (!(z > 0 && double.IsFinite(z)))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be positive and finite.");
        }

        double n = Trials, p = Estimate, z2 = z * z;
        double center = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>The estimate with its standard error, e.g. "0.9512 ± 0.0015 (19024/20000)".</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => FormattableString.Invariant($"{Estimate:F4} ± {StandardError:F4} ({Successes}/{Trials})");
}
