namespace GenEft.Analysis;

/// <summary>The result of <see cref="LowerTailExponentFit.Fit"/>: F(h) ~ c (h - h0)^Exponent just above the lower edge h0.</summary>
/// <param name="Exponent">kappa, the exponent of the cumulative distribution near its lower edge (the density goes like (h - h0)^(kappa - 1)).</param>
/// <param name="StandardError">The bootstrap standard error of <paramref name="Exponent"/> (resampling the values).</param>
/// <param name="TailCount">k, the number of smallest values used.</param>
/// <param name="Threshold">The k-th smallest value, the upper end of the fitted range.</param>
public sealed record LowerTailExponentEstimate(double Exponent, double StandardError, int TailCount, double Threshold);
