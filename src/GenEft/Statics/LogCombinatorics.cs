using MathNet.Numerics;

namespace GenEft.Statics;

/// <summary>Natural logarithms of combinatorial counts, without overflow for n up to 10^6 and beyond.</summary>
internal static class LogCombinatorics
{
    /// <summary>Grid size (n - k + 1) * k above which log S(n, k) switches from the exact recurrence to the saddle point.</summary>
    internal const long ExactStirlingGridLimit = 20_000_000;

    public static double LogFactorial(double n) => SpecialFunctions.GammaLn(n + 1);

    public static double LogBinomial(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    public static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double hi = Math.Max(a, b), lo = Math.Min(a, b);
        return hi + Math.Log(1 + Math.Exp(lo - hi));
    }

    /// <summary>ln S(n, k), Stirling numbers of the second kind; -infinity when S = 0.</summary>
    public static double LogStirling2(int n, int k)
    {
        if (k == 0) return n == 0 ? 0 : double.NegativeInfinity;
        if (k > n) return double.NegativeInfinity;
        if (k == n || k == 1) return 0;
        return (long)(n - k + 1) * k <= ExactStirlingGridLimit ? LogStirling2Exact(n, k) : LogStirling2SaddlePoint(n, k);
    }

    /// <summary>
    /// The recurrence S(j + d, j) = j S(j + d - 1, j) + S(j + d - 1, j - 1) in log space (log-sum-exp of positive
    /// terms, so no cancellation), over the (n - k + 1) x k grid that matters, one row of d at a time.
    /// </summary>
    internal static double LogStirling2Exact(int n, int k)
    {
        int width = n - k + 1;
        var row = new double[width];
        // j = 0: S(d, 0) = [d == 0].
        Array.Fill(row, double.NegativeInfinity);
        row[0] = 0;
        for (int j = 1; j <= k; j++)
        {
            double logJ = Math.Log(j);
            // row[d] currently holds ln S(j - 1 + d, j - 1); overwrite in increasing d with ln S(j + d, j).
            row[0] = 0;
            for (int d = 1; d < width; d++) row[d] = LogAdd(logJ + row[d - 1], row[d]);
        }
        return row[width - 1];
    }

    /// <summary>
    /// Saddle-point (Moser-Wyman) approximation of S(n, k) = n!/k! [z^n] (e^z - 1)^k for 1 &lt; k &lt; n:
    /// with rho solving rho / (1 - e^-rho) = n / k,
    /// ln S = ln n! - ln k! + k ln(e^rho - 1) - n ln rho - 1/2 ln(2 pi (n - k rho^2 e^rho / (e^rho - 1)^2)).
    /// Error in log2 S about 0.12 / min(k, n - k) bits (measured against BigInteger values); used only on grids too
    /// large for the exact recurrence, where min(k, n - k) &gt;= 20 for n &lt;= 10^6, i.e. within about 0.006 bits.
    /// </summary>
    internal static double LogStirling2SaddlePoint(int n, int k)
    {
        double ratio = (double)n / k;
        // g(rho) = rho / (1 - e^-rho) increases from 1 (rho -> 0) to infinity; bisection then Newton polish.
        double lo = 0, hi = ratio + 1;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid / -AccurateMath.ExpM1(-mid) < ratio) lo = mid; else hi = mid;
        }
        double rho = 0.5 * (lo + hi);
        double em1 = AccurateMath.ExpM1(rho);
        double curvature = n - k * rho * rho * Math.Exp(rho) / (em1 * em1);
        return LogFactorial(n) - LogFactorial(k) + k * Math.Log(em1) - n * Math.Log(rho)
            - 0.5 * Math.Log(2 * Math.PI * curvature);
    }
}
