namespace GenEft.Models.Perceptron;

/// <summary>
/// The effective separation of the 1D exponential model, eps_l = epsilon (1 + lambda2) + lambda1 (Žunkovič and
/// Ilievski Eq. 10-11): the model groks (its stationary bias has zero test error) exactly when |xbar| &lt;= eps_l.
/// </summary>
public static class ExponentialModelSeparation
{
    /// <summary>eps_l = epsilon (1 + lambda2) + lambda1.</summary>
    /// <param name="epsilon">Half the gap between the classes, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>eps_l.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive and finite.</exception>
    public static double Effective(double epsilon, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        return (epsilon * (1 + regularization.L2)) + regularization.L1;
    }

    /// <summary>The grokking condition (Eq. 11): |xbar| &lt;= eps_l, i.e. the stationary bias lies in [-epsilon, epsilon].</summary>
    /// <param name="mean">xbar of the training set, finite.</param>
    /// <param name="epsilon">Half the gap between the classes, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>Whether the training set groks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite or <paramref name="epsilon"/> is not positive and finite.</exception>
    public static bool Groks(double mean, double epsilon, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        return Math.Abs(mean) <= Effective(epsilon, regularization);
    }
}
