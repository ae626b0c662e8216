using System.Numerics;

namespace GenEft.Tensors;

/// <summary>
/// Row-major GEMM on spans: c = alpha · op(a) · op(b) + beta · c, with leading dimensions (row strides).
/// Shapes are trusted: the public entry point checks them.
/// </summary>
internal static class GemmKernel
{
    public static void Gemm<T>(
        bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            Span<T> cRow = c.Slice(i * ldc, n);
            if (T.IsZero(beta))
            {
                cRow.Clear();
            }
            else if (beta != T.One)
            {
                TensorPrimitives.Multiply(cRow, beta, cRow);
            }

            if (!transposeB)
            {
                for (int p = 0; p < k; p++)
                {
                    T aip = alpha * (transposeA ? a[(p * lda) + i] : a[(i * lda) + p]);
                    TensorPrimitives.FusedMultiplyAdd(b.Slice(p * ldb, n), aip, cRow, cRow);
                }
            }
            else
            {
                for (int j = 0; j < n; j++)
                {
                    T sum = T.Zero;
                    for (int p = 0; p < k; p++)
                    {
                        T aip = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                        sum += aip * b[(j * ldb) + p];
                    }

                    cRow[j] += alpha * sum;
                }
            }
        }
    }
}
