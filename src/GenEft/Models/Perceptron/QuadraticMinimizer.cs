namespace GenEft.Models.Perceptron;

/// <summary>
/// Allocation-free minimisers of R(w) = 1/2 w.G.w - a.w + lambda1 |w|_1 for a symmetric positive (semi)definite G
/// (row-major D x D): a Cholesky solve for lambda1 = 0 and cyclic coordinate descent with soft thresholding for
/// lambda1 &gt; 0 (each coordinate step minimises R exactly along that coordinate, so R decreases monotonically to the
/// minimum of the strictly convex problem).
/// </summary>
internal static class QuadraticMinimizer
{
    /// <summary>Solves G w = a by Cholesky; <paramref name="factor"/> (D x D) receives L. False if G is not numerically positive definite.</summary>
    public static bool TrySolve(ReadOnlySpan<double> g, ReadOnlySpan<double> a, Span<double> factor, Span<double> w)
    {
        int d = a.Length;
        double maxDiagonal = 0;
        for (int i = 0; i < d; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, g[(i * d) + i]);
        }

        double floor = 1e-13 * maxDiagonal;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = g[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= factor[(i * d) + k] * factor[(j * d) + k];
                }

                if (i == j)
                {
                    if (!(sum > floor))
                    {
                        return false;
                    }

                    factor[(i * d) + i] = Math.Sqrt(sum);
                }
                else
                {
                    factor[(i * d) + j] = sum / factor[(j * d) + j];
                }
            }
        }

        for (int i = 0; i < d; i++)
        {
            double sum = a[i];
            for (int k = 0; k < i; k++)
            {
                sum -= factor[(i * d) + k] * w[k];
            }

            w[i] = sum / factor[(i * d) + i];
        }

        for (int i = d - 1; i >= 0; i--)
        {
            double sum = w[i];
            for (int k = i + 1; k < d; k++)
            {
                sum -= factor[(k * d) + i] * w[k];
            }

            w[i] = sum / factor[(i * d) + i];
        }

        return true;
    }

    /// <summary>
    /// Coordinate descent from the current <paramref name="w"/>; <paramref name="gw"/> is scratch for G w. Stops when no
    /// coordinate moves by more than <paramref name="tolerance"/> times max(1, |w|_inf) in a sweep. Returns the sweeps used.
    /// </summary>
    public static int CoordinateDescent(ReadOnlySpan<double> g, ReadOnlySpan<double> a, double l1, Span<double> w, Span<double> gw, double tolerance = 1e-14, int maxSweeps = 100_000)
    {
        int d = a.Length;
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int k = 0; k < d; k++)
            {
                sum += g[(i * d) + k] * w[k];
            }

            gw[i] = sum;
        }

        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double maxStep = 0, maxWeight = 1;
            for (int j = 0; j < d; j++)
            {
                double gjj = g[(j * d) + j];
                double old = w[j];
                double updated = 0;
                if (gjj > 0)
                {
                    double r = a[j] - (gw[j] - (gjj * old));
                    updated = r > l1 ? (r - l1) / gjj : r < -l1 ? (r + l1) / gjj : 0;
                }

                double step = updated - old;
                if (step != 0)
                {
                    w[j] = updated;
                    for (int i = 0; i < d; i++)
                    {
                        gw[i] += g[(i * d) + j] * step;
                    }
                }

                maxStep = Math.Max(maxStep, Math.Abs(step));
                maxWeight = Math.Max(maxWeight, Math.Abs(updated));
            }

            if (maxStep <= tolerance * maxWeight)
            {
                return sweep;
            }
        }

        return maxSweeps;
    }
}
