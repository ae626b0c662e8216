using MathNet.Numerics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The density of xbar = (mean positive offset - mean negative offset) / 2 in the 1D exponential model, Žunkovič and
/// Ilievski Eq. 13: P_N(x) = 2 N^(N+1/2) |x|^(N-1/2) K_(N-1/2)(2N|x|) / (sqrt(pi) Gamma(N)), K the modified Bessel function
/// of the second kind (the difference of two Gamma(N, 1) variables, scaled by 1/(2N)). At x = 0 it takes its limit
/// 2 N Gamma(N - 1/2) / (2 sqrt(pi) Gamma(N)).
/// </summary>
public static class ExponentialModelMeanDensity
{
    /// <summary>Evaluates P_N(x).</summary>
    /// <param name="x">The value of xbar, finite.</param>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <returns>The density.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Density(double x, int samplesPerClass) => Math.Exp(LogDensity(x, samplesPerClass));

    /// <summary>The natural logarithm of P_N(x), computed with the exponentially scaled Bessel function so that large N|x| does not underflow.</summary>
    /// <param name="x">The value of xbar, finite.</param>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <returns>ln P_N(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double LogDensity(double x, int samplesPerClass)
    {
        PerceptronArguments.ThrowIfNotFinite(x, nameof(x));
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        int n = samplesPerClass;
        double order = n - 0.5, z = 2.0 * n * Math.Abs(x);
        double logAtZero = Math.Log(n) + SpecialFunctions.GammaLn(order) - SpecialFunctions.GammaLn(n) - (0.5 * Math.Log(Math.PI));
        if (z == 0)
        {
            return logAtZero;
        }

        double scaledBessel = SpecialFunctions.BesselKScaled(order, z);
        if (!(scaledBessel > 0) || !double.IsFinite(scaledBessel))
        {
            // |x| so small that K overflows: the density is at its x = 0 limit to double precision.
            return logAtZero;
        }

        return Math.Log(2) + ((n + 0.5) * Math.Log(n)) + (order * Math.Log(Math.Abs(x))) + Math.Log(scaledBessel) - z
            - (0.5 * Math.Log(Math.PI)) - SpecialFunctions.GammaLn(n);
    }
}
