using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// Shape-trusted versions of tensor operations for the tape, whose ops have already validated shapes when
/// they were recorded. The public <see cref="Tensor"/> entry points re-validate by building a
/// <see cref="TensorShape"/> (an array allocation per call), which would break the allocation-free training
/// step; these go straight to the span kernels.
/// </summary>
/// <remarks>Could move into GenEft.Tensors once its public checks compare dimensions without allocating.</remarks>
internal static class TrustedKernels
{
    /// <summary>c = alpha · op(a) · op(b) + beta · c, batched over a leading axis when a rank-3 operand is present (a rank-2 operand is shared).</summary>
    public static void Gemm<T>(T alpha, Tensor<T> a, bool transposeA, Tensor<T> b, bool transposeB, T beta, Tensor<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int aRows = a.Shape.Dims[a.Rank - 2], aCols = a.Columns;
        int bCols = b.Columns;
        int m = transposeA ? aCols : aRows, k = transposeA ? aRows : aCols;
        int n = c.Columns;
        int batch = c.Rank == 3 ? c.Shape.Dims[0] : 1;
        int strideA = a.Rank == 3 ? m * k : 0, strideB = b.Rank == 3 ? k * n : 0;
        for (int i = 0; i < batch; i++)
        {
            GemmKernel.Gemm(
                transposeA, transposeB, m, n, k, alpha,
                a.ReadOnlySpan.Slice(i * strideA, m * k), aCols,
                b.ReadOnlySpan.Slice(i * strideB, k * n), bCols,
                beta, c.Span.Slice(i * m * n, m * n), n);
        }
    }

    /// <summary>destination[i, :] = table[indices[i], :]; indices are checked.</summary>
    public static void GatherRows<T>(Tensor<T> table, ReadOnlySpan<int> indices, Tensor<T> destination, string indicesName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = table.Columns, rows = table.Rows;
        ReadOnlySpan<T> src = table.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(indicesName, index, $"Index {i} is {index}; indices must be in [0, {rows}).");
            }

            src.Slice(index * width, width).CopyTo(dst.Slice(i * width, width));
        }
    }

    /// <summary>destination[indices[i], :] += source[i, :] (indices were checked by <see cref="GatherRows{T}"/>).</summary>
    public static void ScatterAddRows<T>(Tensor<T> source, ReadOnlySpan<int> indices, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = destination.Columns;
        ReadOnlySpan<T> src = source.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            Span<T> row = dst.Slice(indices[i] * width, width);
            TensorPrimitives.Add(row, src.Slice(i * width, width), row);
        }
    }

    /// <summary>destination = scale · Σ over <paramref name="axis"/> of x, with x viewed as [outer, size, inner].</summary>
    public static void SumAxis<T>(Tensor<T> x, int axis, T scale, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = x.Shape.Dims[axis];
        int inner = 1;
        for (int i = axis + 1; i < x.Rank; i++)
        {
            inner *= x.Shape.Dims[i];
        }

        int outer = x.Length / (size * inner);
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int o = 0; o < outer; o++)
        {
            Span<T> d = dst.Slice(o * inner, inner);
            int baseOffset = o * size * inner;
            src.Slice(baseOffset, inner).CopyTo(d);
            for (int s = 1; s < size; s++)
            {
                TensorPrimitives.Add(d, src.Slice(baseOffset + (s * inner), inner), d);
            }

            if (scale != T.One)
            {
                TensorPrimitives.Multiply(d, scale, d);
            }
        }
    }
}
