namespace GenEft.Analysis;

/// <summary>
/// The effective dimension of a point cloud (Žunkovič and Ilievski Section 4): with sigma_k the explained-variance ratios
/// of its principal components, S = -sum sigma_k ln sigma_k and D_eff = e^S. An isotropic cloud in k dimensions has
/// D_eff = k; a cloud stretched along one axis has D_eff near 1.
/// </summary>
public static class EffectiveDimension
{
    /// <summary>D_eff of the rows of a row-major feature matrix.</summary>
    /// <param name="features">The points, row-major; finite.</param>
    /// <param name="columns">D, at least 1.</param>
    /// <returns>D_eff in [1, min(n, D)], or 0 for a cloud without spread.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of D, there are fewer than 2 rows, or a value is not finite.</exception>
    public static double Compute(ReadOnlySpan<double> features, int columns)
        => FromVarianceRatios(PrincipalComponents.ExplainedVarianceRatios(features, columns));

    /// <summary>D_eff = exp(-sum sigma_k ln sigma_k) of given ratios (terms with sigma_k = 0 contribute 0).</summary>
    /// <param name="ratios">Non-negative ratios summing to 1 (or all 0, giving 0).</param>
    /// <returns>D_eff.</returns>
    /// <exception cref="ArgumentException">A ratio is negative or not finite, or the ratios sum neither to 1 (within 1e-9) nor to 0.</exception>
    public static double FromVarianceRatios(ReadOnlySpan<double> ratios)
    {
        AnalysisArguments.ThrowIfNotFinite(ratios, nameof(ratios));
        double sum = 0, entropy = 0;
        foreach (double s in ratios)
        {
            if (s < 0)
            {
                throw new ArgumentException($"Variance ratios must be non-negative; got {s}.", nameof(ratios));
            }

            sum += s;
            entropy -= s > 0 ? s * Math.Log(s) : 0;
        }

        if (sum == 0)
        {
            return 0;
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentException($"Variance ratios must sum to 1; they sum to {sum}.", nameof(ratios));
        }

        return Math.Exp(entropy);
    }
}
