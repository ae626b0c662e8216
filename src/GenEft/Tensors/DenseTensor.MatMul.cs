using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>
    /// General matrix multiply, c = alpha · op(a) · op(b) + beta · c, where op transposes its argument when asked.
    /// Rank 2 with rank 2 gives rank 2; a rank-3 operand makes it batched over the leading axis (a rank-2
    /// operand is then shared by every batch entry).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="alpha">Scale of the product; 0 leaves c = beta · c without reading a or b (as BLAS does).</param>
    /// <param name="a">[m, k] (or [k, m] when transposed), or [batch, ., .].</param>
    /// <param name="transposeA">Whether to use aᵀ.</param>
    /// <param name="b">[k, n] (or [n, k] when transposed), or [batch, ., .].</param>
    /// <param name="transposeB">Whether to use bᵀ.</param>
    /// <param name="beta">Scale of the existing <paramref name="c"/>; 0 ignores its contents (even NaN).</param>
    /// <param name="c">[m, n], or [batch, m, n] when batched; must not share storage with a or b.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A rank or shape does not fit, or <paramref name="c"/> aliases an input.</exception>
    public static void Gemm<T>(T alpha, DenseTensor<T> a, bool transposeA, DenseTensor<T> b, bool transposeB, T beta, DenseTensor<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(a, nameof(a));
        ShapeGuard.NotNull(b, nameof(b));
        ShapeGuard.NotNull(c, nameof(c));
        if (a.Rank is not (2 or 3))
        {
            throw new ArgumentException($"a must be rank 2 or 3; it has shape {a.Shape}.", nameof(a));
        }

        if (b.Rank is not (2 or 3))
        {
            throw new ArgumentException($"b must be rank 2 or 3; it has shape {b.Shape}.", nameof(b));
        }

        int aRows = a.Shape.Dims[a.Rank - 2], aCols = a.Columns;
        int bRows = b.Shape.Dims[b.Rank - 2], bCols = b.Columns;
        int m = transposeA ? aCols : aRows, k = transposeA ? aRows : aCols;
        int kb = transposeB ? bCols : bRows, n = transposeB ? bRows : bCols;
        if (k != kb)
        {
            throw new ArgumentException(
                $"Shape mismatch: op(a) is {m}x{k} (a {a.Shape}, transposeA={transposeA}) but op(b) is {kb}x{n} (b {b.Shape}, transposeB={transposeB}); inner sizes must agree.",
                nameof(b));
        }

        int batchA = a.Rank == 3 ? a.Shape.Dims[0] : 0, batchB = b.Rank == 3 ? b.Shape.Dims[0] : 0;
        if (batchA != 0 && batchB != 0 && batchA != batchB)
        {
            throw new ArgumentException($"Shape mismatch: batch sizes differ, a {a.Shape} and b {b.Shape}.", nameof(b));
        }

        int batch = Math.Max(batchA, batchB);
        ReadOnlySpan<int> expected = batch == 0 ? [m, n] : [batch, m, n];
        ShapeGuard.Shape(c, expected, nameof(c));
        ShapeGuard.NoAlias(c, a, nameof(c), nameof(a));
        ShapeGuard.NoAlias(c, b, nameof(c), nameof(b));

        int strideA = batchA == 0 ? 0 : m * k, strideB = batchB == 0 ? 0 : k * n;
        for (int i = 0; i < Math.Max(batch, 1); i++)
        {
            GemmKernel.Gemm(
                transposeA, transposeB, m, n, k, alpha,
                a.ReadOnlySpan.Slice(i * strideA, m * k), aCols,
                b.ReadOnlySpan.Slice(i * strideB, k * n), bCols,
                beta, c.Span.Slice(i * m * n, m * n), n);
        }
    }

    /// <summary>c = a · b (rank 2, or batched over a leading axis as in <see cref="Gemm{T}"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="a">[m, k] or [batch, m, k].</param>
    /// <param name="b">[k, n] or [batch, k, n].</param>
    /// <param name="c">[m, n] or [batch, m, n], overwritten; must not alias an input.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A rank or shape does not fit, or <paramref name="c"/> aliases an input.</exception>
    public static void MatMul<T>(DenseTensor<T> a, DenseTensor<T> b, DenseTensor<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Gemm(T.One, a, false, b, false, T.Zero, c);
}
