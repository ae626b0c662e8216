using MathNet.Numerics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The density of A - B for independent A ~ Gamma(a, 1) and B ~ Gamma(b, 1) with integer shapes (a = 0 means A = 0):
/// for d &gt;= 0, f(d) = e^-d / (Gamma(a) Gamma(b)) sum_j C(a-1, j) d^(a-1-j) Gamma(j+b) / 2^(j+b) (expanding
/// (d+s)^(a-1) in the convolution integral), and the mirror image with a and b swapped for d &lt; 0. Summed in log space.
/// </summary>
internal static class GammaDifferenceDensity
{
    public static double Density(double d, int a, int b)
    {
        if (d < 0)
        {
            return Density(-d, b, a);
        }

        if (a == 0)
        {
            return 0;
        }

        if (b == 0)
        {
            return Math.Exp(((a - 1) * Math.Log(d)) - d - SpecialFunctions.GammaLn(a));
        }

        double logD = Math.Log(d), max = double.NegativeInfinity;
        Span<double> logs = a <= 256 ? stackalloc double[a] : new double[a];
        for (int j = 0; j < a; j++)
        {
            double power = a - 1 - j == 0 ? 0 : (a - 1 - j) * logD;
            logs[j] = ExponentialModelGrokkingProbability.LogBinomial(a - 1, j) + power + SpecialFunctions.GammaLn(j + b) - ((j + b) * Math.Log(2));
            max = Math.Max(max, logs[j]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return 0;
        }

        double sum = 0;
        foreach (double l in logs)
        {
            sum += Math.Exp(l - max);
        }

        return Math.Exp(max + Math.Log(sum) - d - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b));
    }
}
