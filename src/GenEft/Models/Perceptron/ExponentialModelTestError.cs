using GenEft.Statics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The test (population) error of the 1D exponential model at bias b, Žunkovič and Ilievski Eq. 7:
/// E = 1/2 (1 - exp(epsilon - |b|)) for |b| &gt; epsilon, else 0. For b &gt; epsilon the positives with
/// x = epsilon + e &lt; b are wrong (probability 1 - exp(epsilon - b)), for b &lt; -epsilon the negatives; each class is half
/// the population.
/// </summary>
public static class ExponentialModelTestError
{
    /// <summary>Evaluates Eq. 7.</summary>
    /// <param name="bias">The bias b, finite.</param>
    /// <param name="epsilon">Half the gap between the classes, positive and finite.</param>
    /// <returns>The test error in [0, 1/2).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bias"/> is not finite or <paramref name="epsilon"/> is not positive and finite.</exception>
    public static double Of(double bias, double epsilon)
    {
        PerceptronArguments.ThrowIfNotFinite(bias, nameof(bias));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        double excess = Math.Abs(bias) - epsilon;
        return excess > 0 ? -0.5 * AccurateMath.ExpM1(-excess) : 0.0;
    }
}
