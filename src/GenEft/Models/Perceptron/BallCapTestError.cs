using MathNet.Numerics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The test error of the D-dimensional ball model (Žunkovič and Ilievski Section 3) as a ball-cap volume. A test point
/// is x = u + y epsilon e_1 with u uniform in the unit D-ball; sgn(w . x) is wrong when y w.u &lt; -epsilon w_1, i.e. when u
/// lies in the cap of the ball beyond height h = epsilon w_1 / |w| along w. The cap's share of the ball's volume is
/// 1/2 I_(1-h^2)((D+1)/2, 1/2) (I the regularized incomplete beta function) for 0 &lt;= h &lt; 1, 0 for h &gt;= 1, and
/// 1 - E(-h) for h &lt; 0. Zero test error therefore needs epsilon &gt; 1 (or a weight along e_1 only). Near h = 1,
/// E ~ (1 - h)^((D+1)/2): the critical exponent is nu = (D+1)/2 (<see cref="BallModelCriticalExponent"/>).
/// </summary>
public static class BallCapTestError
{
    /// <summary>E as a function of the normalized margin h = epsilon w_1 / |w|.</summary>
    /// <param name="h">h, in [-1, 1] up to rounding (values beyond are clamped; |h| &gt;= 1 means a perfect or perfectly wrong classifier).</param>
    /// <param name="dimension">D, at least 1.</param>
    /// <returns>The test error in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="h"/> is NaN or <paramref name="dimension"/> is less than 1.</exception>
    public static double OfMargin(double h, int dimension)
    {
        if (double.IsNaN(h))
        {
            throw new ArgumentOutOfRangeException(nameof(h), h, "h must not be NaN.");
        }

        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        double a = Math.Abs(h);
        double cap = a >= 1 ? 0 : CapFraction((1 - a) * (1 + a), dimension);
        return h >= 0 ? cap : 1 - cap;
    }

    /// <summary>E for weights w: h = epsilon w_1 / |w|, with 1 - h^2 computed as (|w|^2 - epsilon^2 w_1^2)/|w|^2 to keep its relative accuracy near h = 1.</summary>
    /// <param name="weights">w, of length D, finite; the zero vector gives 1/2 (h = 0 by convention).</param>
    /// <param name="epsilon">The class shift, positive and finite.</param>
    /// <returns>The test error in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty or has a non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive and finite.</exception>
    public static double OfWeights(ReadOnlySpan<double> weights, double epsilon)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("The weights must have at least one entry (D >= 1).", nameof(weights));
        }

        PerceptronArguments.ThrowIfNotFinite(weights, nameof(weights));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        return OfWeightsUnchecked(weights, epsilon);
    }

    /// <summary><see cref="OfWeights"/> without the argument checks, for the hot loops.</summary>
    internal static double OfWeightsUnchecked(ReadOnlySpan<double> weights, double epsilon)
    {
        double norm2 = 0;
        foreach (double v in weights)
        {
            norm2 += v * v;
        }

        if (norm2 == 0)
        {
            return 0.5;
        }

        double along = epsilon * weights[0];
        double oneMinusH2 = (norm2 - (along * along)) / norm2;
        if (oneMinusH2 <= 0)
        {
            return along > 0 ? 0 : 1;
        }

        double cap = CapFraction(oneMinusH2, weights.Length);
        return along >= 0 ? cap : 1 - cap;
    }

    /// <summary>The zero-error margin epsilon w_1 - |w|: non-negative exactly when the test error is 0 (h &gt;= 1).</summary>
    internal static double ZeroErrorMargin(ReadOnlySpan<double> weights, double epsilon)
    {
        double norm2 = 0;
        foreach (double v in weights)
        {
            norm2 += v * v;
        }

        return (epsilon * weights[0]) - Math.Sqrt(norm2);
    }

    /// <summary>The share of the unit D-ball beyond height h, from x = 1 - h^2 in (0, 1]: 1/2 I_x((D+1)/2, 1/2).</summary>
    private static double CapFraction(double oneMinusH2, int dimension)
        => 0.5 * SpecialFunctions.BetaRegularized((dimension + 1) / 2.0, 0.5, Math.Min(oneMinusH2, 1));
}
