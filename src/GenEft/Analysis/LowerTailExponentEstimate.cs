namespace GenEft.Analysis;

/// <summary>The result of <see cref="LowerTailExponentFit.Fit"/>: F(h) ~ c h^Exponent for small positive h.</summary>
/// <param name="Exponent">kappa, the exponent of the cumulative distribution near 0 (the density goes like h^(kappa - 1)).</param>
/// <param name="StandardError">The bootstrap standard error of <paramref name="Exponent"/> (resampling the values).</param>
/// <param name="TailCount">k, the number of smallest positive values in the fit.</param>
/// <param name="Threshold">The k-th smallest positive value, the upper end of the fitted range.</param>
public sealed record LowerTailExponentEstimate(double Exponent, double StandardError, int TailCount, double Threshold);
