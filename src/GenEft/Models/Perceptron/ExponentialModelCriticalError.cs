namespace GenEft.Models.Perceptron;

/// <summary>
/// The critical behaviour of the 1D exponential model near t_eps, Žunkovič and Ilievski Eq. 9-10: one run has
/// E(t) ~ s (t_eps - t) with slope s = ((epsilon - xbar_l) / 2)(1 + lambda2) (from Eq. 6 and Eq. 7 to first order),
/// and runs aligned at t_eps and averaged over grokking training sets give &lt;&lt;E&gt;&gt; ~ (eps_l / 2)(t_eps - t), because
/// xbar is symmetric about 0. The exponent is 1 (a second-order transition); regularization changes only the prefactor.
/// </summary>
public static class ExponentialModelCriticalError
{
    /// <summary>The critical exponent of the 1D model's test error, 1.</summary>
    public const double Exponent = 1.0;

    /// <summary>The slope of one run's test error just before t_eps (Eq. 9): ((epsilon - xbar_l) / 2)(1 + lambda2) = (eps_l - xbar) / 2.</summary>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>dE/d(t_eps - t) at t_eps from below.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double SingleRunSlope(double epsilon, double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        return (ExponentialModelSeparation.Effective(epsilon, regularization) - mean) / 2;
    }

    /// <summary>The slope of the aligned, averaged test error (Eq. 10): eps_l / 2.</summary>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>eps_l / 2.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive and finite.</exception>
    public static double AveragedSlope(double epsilon, PerceptronRegularization regularization)
        => ExponentialModelSeparation.Effective(epsilon, regularization) / 2;
}
