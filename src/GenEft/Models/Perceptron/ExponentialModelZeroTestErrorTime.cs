namespace GenEft.Models.Perceptron;

/// <summary>
/// t_eps, the time at which the test error of the 1D exponential model reaches 0 when the flow starts above the gap
/// (b0 &gt; epsilon): solving Eq. 6 for b(t) = epsilon gives t_eps = ln((b0 - xbar_l) / (epsilon - xbar_l)) / (1 + lambda2),
/// xbar_l = (xbar - lambda1) / (1 + lambda2). Žunkovič and Ilievski Eq. 8 prints the same expression without the
/// 1/(1 + lambda2); <see cref="AsPrinted"/> evaluates that form so the two can be compared (the simulated flow agrees
/// with <see cref="Compute"/>).
/// </summary>
public static class ExponentialModelZeroTestErrorTime
{
    /// <summary>t_eps as derived from Eq. 6 (with the 1/(1 + lambda2) factor).</summary>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="initialBias">b0, finite and greater than <paramref name="epsilon"/>.</param>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>t_eps, or +infinity when epsilon &lt;= xbar_l (the flow never reaches the gap).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Compute(double epsilon, double initialBias, double mean, PerceptronRegularization regularization)
        => AsPrinted(epsilon, initialBias, mean, regularization) / (1 + regularization.L2);

    /// <summary>Eq. 8 as printed: ln((b0 - xbar_l) / (epsilon - xbar_l)), without the 1/(1 + lambda2) factor.</summary>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="initialBias">b0, finite and greater than <paramref name="epsilon"/>.</param>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The printed expression, or +infinity when epsilon &lt;= xbar_l.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double AsPrinted(double epsilon, double initialBias, double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        if (!(initialBias > epsilon && double.IsFinite(initialBias)))
        {
            throw new ArgumentOutOfRangeException(nameof(initialBias), initialBias, "initialBias must be finite and greater than epsilon (the flow must start above the gap).");
        }

        double xbarL = (mean - regularization.L1) / (1 + regularization.L2);
        return epsilon > xbarL ? Math.Log((initialBias - xbarL) / (epsilon - xbarL)) : double.PositiveInfinity;
    }
}
