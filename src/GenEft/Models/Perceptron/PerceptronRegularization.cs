namespace GenEft.Models.Perceptron;

/// <summary>
/// The regularization of the perceptron loss (Žunkovič and Ilievski Eq. 2 and Eq. 19): lambda1 |theta|_1 +
/// (lambda2 / 2) |theta|_2^2 added to the mean square loss.
/// </summary>
public readonly record struct PerceptronRegularization
{
    /// <summary>Creates the regularization.</summary>
    /// <param name="l1">The L1 coefficient lambda1, non-negative and finite.</param>
    /// <param name="l2">The L2 coefficient lambda2, non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is negative or not finite.</exception>
    public PerceptronRegularization(double l1, double l2)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(l1, nameof(l1));
        PerceptronArguments.ThrowIfNegativeOrNotFinite(l2, nameof(l2));
        L1 = l1;
        L2 = l2;
    }

    /// <summary>No regularization (lambda1 = lambda2 = 0).</summary>
    public static PerceptronRegularization None => default;

    /// <summary>The L1 coefficient lambda1.</summary>
    public double L1 { get; }

    /// <summary>The L2 coefficient lambda2.</summary>
    public double L2 { get; }
}
