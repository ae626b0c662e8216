using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// Shape-trusted versions of tensor operations for the tape, whose ops have already validated shapes when
/// they were recorded. The public <see cref="Tensor"/> gather, scatter and axis-reduction entry points
/// re-validate by building a <see cref="TensorShape"/> (an array allocation per call), which would break the
/// allocation-free training step. (GEMM goes through the public <see cref="Tensor.Gemm{T}"/>, which
/// validates without allocating.)
/// </summary>
/// <remarks>Could move into GenEft.Tensors once its public checks compare dimensions without allocating.</remarks>
internal static class TrustedKernels
{
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

            GradKernels.PutRow(src.Slice(index * width, width), dst.Slice(i * width, width), false);
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
            GradKernels.PutRow(src.Slice(i * width, width), dst.Slice(indices[i] * width, width), true);
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
