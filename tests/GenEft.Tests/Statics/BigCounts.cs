using System.Numerics;

namespace GenEft.Tests.Statics;

/// <summary>Exact integer oracles (BigInteger), independent of the log-space code under test.</summary>
internal static class BigCounts
{
    public static BigInteger Factorial(int n)
    {
        BigInteger f = BigInteger.One;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    public static BigInteger Binomial(int n, int k) => Factorial(n) / (Factorial(k) * Factorial(n - k));

    /// <summary>S(n, k) by the explicit formula (1/k!) sum_j (-1)^j C(k, j) (k - j)^n.</summary>
    public static BigInteger Stirling2(int n, int k)
    {
        BigInteger sum = BigInteger.Zero;
        for (int j = 0; j <= k; j++)
        {
            BigInteger term = Binomial(k, j) * BigInteger.Pow(k - j, n);
            sum += j % 2 == 0 ? term : -term;
        }
        return sum / Factorial(k);
    }

    public static double Log2(BigInteger x) => BigInteger.Log(x) / Math.Log(2);
}
