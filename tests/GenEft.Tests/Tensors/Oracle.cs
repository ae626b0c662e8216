using System.Numerics;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>
/// Independent scalar double-precision references for the tensor tests: plain loops over indices, written
/// from the definitions, sharing no code with the library's kernels.
/// </summary>
internal static class Oracle
{
    /// <summary>Element (i, p) of op(x) for a row-major [rows, cols] matrix stored at offset.</summary>
    public static double Op<T>(ReadOnlySpan<T> x, int offset, int cols, bool transpose, int i, int p)
        where T : unmanaged, IFloatingPointIeee754<T>
        => double.CreateChecked(transpose ? x[offset + (p * cols) + i] : x[offset + (i * cols) + p]);

    /// <summary>
    /// The reference product and, per element, the bound on a float/double accumulation error:
    /// (k + 2) · eps · (|alpha| Σ_p |op(a)[i,p]| |op(b)[p,j]| + |beta| |c[i,j]|) (Higham's γ_k bound plus the
    /// alpha and beta roundings). A single dropped or doubled term exceeds it.
    /// </summary>
    public static (double[] Value, double[] Bound) Gemm<T>(
        double alpha, DenseTensor<T> a, bool transposeA, DenseTensor<T> b, bool transposeB, double beta, DenseTensor<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int aRows = a.Shape[-2], aCols = a.Shape[-1], bRows = b.Shape[-2], bCols = b.Shape[-1];
        int m = transposeA ? aCols : aRows, k = transposeA ? aRows : aCols, n = transposeB ? bRows : bCols;
        int batch = c.Rank == 3 ? c.Shape[0] : 1;
        double eps = Epsilon<T>();
        var value = new double[c.Length];
        var bound = new double[c.Length];
        var opA = new double[m * k];
        var opB = new double[k * n];
        for (int t = 0; t < batch; t++)
        {
            int offA = a.Rank == 3 ? t * aRows * aCols : 0, offB = b.Rank == 3 ? t * bRows * bCols : 0, offC = t * m * n;

            // op(A) row-major [m, k] and op(B) transposed to [n, k], so the inner loop runs over contiguous k.
            for (int i = 0; i < m; i++)
            {
                for (int p = 0; p < k; p++)
                {
                    opA[(i * k) + p] = Op(a.ReadOnlySpan, offA, aCols, transposeA, i, p);
                }
            }

            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    opB[(j * k) + p] = Op(b.ReadOnlySpan, offB, bCols, transposeB, p, j);
                }
            }

            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0, abs = 0;
                    for (int p = 0; p < k; p++)
                    {
                        double x = opA[(i * k) + p] * opB[(j * k) + p];
                        sum += x;
                        abs += Math.Abs(x);
                    }

                    double cij = double.CreateChecked(c.ReadOnlySpan[offC + (i * n) + j]);
                    bool ignoreC = beta == 0;
                    value[offC + (i * n) + j] = (alpha * sum) + (ignoreC ? 0 : beta * cij);
                    bound[offC + (i * n) + j] = ((k + 2) * eps * ((Math.Abs(alpha) * abs) + (ignoreC ? 0 : Math.Abs(beta * cij)))) + 1e-300;
                }
            }
        }

        return (value, bound);
    }

    /// <summary>Machine epsilon of T (2^-23 for float, 2^-52 for double).</summary>
    public static double Epsilon<T>() => typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);

    /// <summary>A tensor of uniform values in [-1, 1) from a seeded generator.</summary>
    public static DenseTensor<T> Random<T>(Random random, params int[] dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = DenseTensor<T>.Zeros(dims);
        Span<T> s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
        }

        return t;
    }

    /// <summary>Asserts every element of <paramref name="actual"/> is within its bound of the reference.</summary>
    public static void AssertClose<T>(ReadOnlySpan<T> actual, double[] expected, double[] bound, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double x = double.CreateChecked(actual[i]);
            double err = Math.Abs(x - expected[i]);
            if (!(err <= bound[i]))
            {
                Assert.Fail($"{context}: element {i} is {x}, expected {expected[i]} (error {err:g3} > bound {bound[i]:g3}).");
            }
        }
    }
}

/// <summary>Test conveniences on tensors.</summary>
internal static class TensorTestExtensions
{
    /// <summary>A copy of the elements.</summary>
    public static T[] ToArray<T>(this DenseTensor<T> t)
        where T : unmanaged, IFloatingPointIeee754<T>
        => t.ReadOnlySpan.ToArray();
}
