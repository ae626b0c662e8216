using GenEft.Statics;
using MathNet.Numerics.Distributions;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The large-N grokking-time distribution of the ball model without L1 and with w(0) ~ N(0, I) (Žunkovič and Ilievski
/// Section 3.3, which calls it qualitative): bimodal, a fast branch and a slow one.
/// </summary>
/// <remarks>
/// <para>
/// Model behind it: G = lambda_{2,D} I + epsilon^2 e_1 e_1^T and a = epsilon e_1, so w_1 relaxes at rate epsilon^2 + lambda_{2,D}
/// while w_perp decays at the slow rate lambda_{2,D}. On the fast time scale w_perp is frozen at s = |w_perp(0)| and w_1 goes to
/// 1/epsilon (taking lambda_{2,D} &lt;&lt; epsilon^2). The paper's thresholds: the training error is 0 once epsilon w_1 &gt;= |w_perp|,
/// the test error once epsilon w_1 &gt;= |w| (h &gt;= 1), i.e. (epsilon^2 - 1) w_1^2 &gt;= |w_perp|^2.
/// </para>
/// <para>
/// Fast branch (Eq. 42-45): if 1 &gt;= 1/epsilon^2 + s^2 the test threshold is crossed while w_1 relaxes, after
/// t = epsilon^-2 ln((1 - s) / (1 - epsilon s / sqrt(epsilon^2 - 1))); s^2 ~ chi^2_(D-1) gives the density
/// P_fast(t) = chi2_(D-1)(r(t)) r'(t), r(t) = (epsilon^2 - 1)(u - 1)^2 / (epsilon u - sqrt(epsilon^2 - 1))^2, u = e^(epsilon^2 t), with total
/// weight p_fast = CDF of chi^2_(D-1) at 1 - 1/epsilon^2.
/// </para>
/// <para>
/// Slow branch (Eq. 47): otherwise both thresholds are crossed while |w_perp| = s e^(-lambda_{2,D} t) decays with w_1 at its
/// stationary value, and the two crossing times differ by ln(epsilon^2 / (epsilon^2 - 1)) / (2 lambda_{2,D}) whatever s is: a
/// peak there. The paper prints ln(epsilon^4 / (epsilon^4 - 1)) / (2 lambda_{2,D}); that form does not follow from the
/// thresholds above (it would need a training threshold |w_perp| &lt;= epsilon^2 w_1 / sqrt(epsilon^2 + 1)).
/// <see cref="SlowBranchTime"/> is the derived value, <see cref="SlowBranchTimeAsPrinted"/> the printed one.
/// </para>
/// </remarks>
public static class BallModelGrokkingTime
{
    /// <summary>Eq. 42, the fast-branch grokking time for s = |w_perp(0)|: epsilon^-2 ln((1 - s) / (1 - epsilon s / sqrt(epsilon^2 - 1))).</summary>
    /// <param name="perpendicularNorm">s, in [0, sqrt(1 - 1/epsilon^2)) (the fast-branch condition).</param>
    /// <param name="epsilon">The class shift, finite and greater than 1.</param>
    /// <returns>The time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double FastBranchTime(double perpendicularNorm, double epsilon)
    {
        PerceptronArguments.ThrowIfNotAboveOne(epsilon, nameof(epsilon));
        double c = Math.Sqrt((epsilon * epsilon) - 1);
        if (!(perpendicularNorm >= 0 && perpendicularNorm < c / epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(perpendicularNorm), perpendicularNorm, "perpendicularNorm must be in [0, sqrt(1 - 1/epsilon^2)) (the fast-branch condition 1 >= 1/epsilon^2 + s^2).");
        }

        return (Math.Log(1 - perpendicularNorm) - Math.Log(1 - (epsilon * perpendicularNorm / c))) / (epsilon * epsilon);
    }

    /// <summary>Eq. 43-44, the fast-branch density P_fast(t) = chi2_(D-1)(r(t)) r'(t) (integrates to <see cref="FastBranchProbability"/>, not to 1).</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="dimension">D, at least 2 (the chi^2 has D - 1 degrees of freedom).</param>
    /// <param name="epsilon">The class shift, finite and greater than 1.</param>
    /// <returns>The density at t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double FastBranchDensity(double time, int dimension, double epsilon)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(time, nameof(time));
        ThrowIfDimensionBelowTwo(dimension);
        PerceptronArguments.ThrowIfNotAboveOne(epsilon, nameof(epsilon));
        double e2 = epsilon * epsilon, c = Math.Sqrt(e2 - 1);
        double u = Math.Exp(e2 * time), um1 = AccurateMath.ExpM1(e2 * time), denominator = (epsilon * u) - c;
        if (!double.IsFinite(u))
        {
            return 0;
        }

        double r = c * c * um1 * um1 / (denominator * denominator);
        double dr = 2 * c * c * um1 * (epsilon - c) * e2 * u / (denominator * denominator * denominator);
        double chi2 = ChiSquared.PDF(dimension - 1, r);
        return double.IsFinite(chi2) ? chi2 * dr : 0;
    }

    /// <summary>Eq. 45, the weight of the fast branch: the chi^2_(D-1) CDF at 1 - 1/epsilon^2.</summary>
    /// <param name="dimension">D, at least 2.</param>
    /// <param name="epsilon">The class shift, finite and greater than 1.</param>
    /// <returns>p_fast.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double FastBranchProbability(int dimension, double epsilon)
    {
        ThrowIfDimensionBelowTwo(dimension);
        PerceptronArguments.ThrowIfNotAboveOne(epsilon, nameof(epsilon));
        return ChiSquared.CDF(dimension - 1, 1 - (1 / (epsilon * epsilon)));
    }

    /// <summary>The slow-branch position derived from the thresholds: ln(epsilon^2 / (epsilon^2 - 1)) / (2 lambda_{2,D}).</summary>
    /// <param name="epsilon">The class shift, finite and greater than 1.</param>
    /// <param name="effectiveL2">lambda_{2,D} (<see cref="BallModelEffectiveL2.Compute"/>), positive and finite.</param>
    /// <returns>The time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double SlowBranchTime(double epsilon, double effectiveL2)
    {
        PerceptronArguments.ThrowIfNotAboveOne(epsilon, nameof(epsilon));
        PerceptronArguments.ThrowIfNotPositiveFinite(effectiveL2, nameof(effectiveL2));
        double e2 = epsilon * epsilon;
        return -AccurateMath.Log1P(-1 / e2) / (2 * effectiveL2);
    }

    /// <summary>Eq. 47 as printed: ln(epsilon^4 / (epsilon^4 - 1)) / (2 lambda_{2,D}).</summary>
    /// <param name="epsilon">The class shift, finite and greater than 1.</param>
    /// <param name="effectiveL2">lambda_{2,D}, positive and finite.</param>
    /// <returns>The time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double SlowBranchTimeAsPrinted(double epsilon, double effectiveL2)
    {
        PerceptronArguments.ThrowIfNotAboveOne(epsilon, nameof(epsilon));
        PerceptronArguments.ThrowIfNotPositiveFinite(effectiveL2, nameof(effectiveL2));
        double e4 = epsilon * epsilon * epsilon * epsilon;
        return -AccurateMath.Log1P(-1 / e4) / (2 * effectiveL2);
    }

    private static void ThrowIfDimensionBelowTwo(int dimension)
    {
        if (dimension < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 2 (|w_perp(0)|^2 is chi^2 with D - 1 degrees of freedom).");
        }
    }
}
