using System.Numerics;

namespace GenEft.Models.TensorNetwork;

/// <summary>The unit leading eigenvector of a small real matrix by power iteration in double.</summary>
/// <remarks>
/// v_0 = (1, ..., 1) / sqrt(d); v_(k+1) = M v_k / |M v_k|, its sign fixed so that its entry of largest magnitude is
/// positive; converged when |v_(k+1) - v_k| &lt; 1e-13, at most 100 000 steps. This is the fixed point of the
/// normalised recursion from infinitely many zeros. A complex leading pair, or two real eigenvalues of equal largest
/// modulus and different sign, make the iteration oscillate: no fixed point exists and the call throws. Equal leading
/// eigenvalues with several eigenvectors converge to the start's projection on that eigenspace.
/// </remarks>
internal static class TensorNetworkEigenvector
{
    public static double[] Leading<T>(ReadOnlySpan<T> m, int d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var v = new double[d];
        var g = new double[d];
        Array.Fill(v, 1.0 / Math.Sqrt(d));
        for (int step = 0; step < 100_000; step++)
        {
            double s = 0;
            int big = 0;
            for (int l = 0; l < d; l++)
            {
                double acc = 0;
                for (int r = 0; r < d; r++)
                {
                    acc += double.CreateChecked(m[(l * d) + r]) * v[r];
                }

                g[l] = acc;
                s += acc * acc;
                if (Math.Abs(acc) > Math.Abs(g[big]))
                {
                    big = l;
                }
            }

            double n = Math.Sqrt(s);
            if (!(n > 0) || !double.IsFinite(n))
            {
                throw new InvalidOperationException("A(0) maps the power-iteration vector to zero (or overflows): it has no leading eigenvector to use as a boundary; use TensorNetworkBoundary.FirstBasisVector.");
            }

            double inv = (g[big] < 0 ? -1 : 1) / n, diff = 0;
            for (int l = 0; l < d; l++)
            {
                double x = g[l] * inv;
                diff += (x - v[l]) * (x - v[l]);
                v[l] = x;
            }

            if (diff < 1e-26)
            {
                return v;
            }
        }

        throw new InvalidOperationException("The leading eigenvalue of A(0) is complex or not unique in modulus (power iteration did not converge): the zero-padded boundary has no fixed point; use TensorNetworkBoundary.FirstBasisVector.");
    }
}
