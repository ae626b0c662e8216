namespace GenEft.Models.Perceptron;

/// <summary>
/// The critical exponent of the ball model's test error, nu = (D + 1)/2 (Žunkovič and Ilievski Section 3): near the
/// transition the cap volume behaves as (1 - h)^((D+1)/2) and h approaches 1 linearly in t_eps - t, so one run and the
/// aligned average both follow E ~ (t_eps - t)^nu. For a data density that diverges like dh^-xi at the decision
/// boundary, Eq. 50 generalizes it to (D + 1 - 2 xi)/2.
/// </summary>
public static class BallModelCriticalExponent
{
    /// <summary>nu = (D + 1)/2.</summary>
    /// <param name="dimension">D, at least 1.</param>
    /// <returns>nu.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    public static double Nu(int dimension)
    {
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        return (dimension + 1) / 2.0;
    }

    /// <summary>Eq. 50: nu = (D + 1 - 2 xi)/2 for a boundary density diverging like dh^-xi (D may be an effective dimension).</summary>
    /// <param name="dimension">D (or D_eff), positive and finite.</param>
    /// <param name="xi">The divergence exponent xi, finite and below (D + 1)/2.</param>
    /// <returns>nu.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double WithBoundaryDivergence(double dimension, double xi)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(dimension, nameof(dimension));
        if (!(double.IsFinite(xi) && xi < (dimension + 1) / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(xi), xi, "xi must be finite and below (D + 1)/2 (nu must stay positive).");
        }

        return (dimension + 1 - (2 * xi)) / 2;
    }

    /// <summary>The inverse of Eq. 50: xi = (D + 1 - 2 nu)/2, the divergence exponent implied by a measured nu and dimension.</summary>
    /// <param name="dimension">D (or D_eff), positive and finite.</param>
    /// <param name="nu">The measured exponent, positive and finite.</param>
    /// <returns>xi.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double ImpliedBoundaryDivergence(double dimension, double nu)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(dimension, nameof(dimension));
        PerceptronArguments.ThrowIfNotPositiveFinite(nu, nameof(nu));
        return (dimension + 1 - (2 * nu)) / 2;
    }
}
