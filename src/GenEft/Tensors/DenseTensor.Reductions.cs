using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>The sum of all elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static T Sum<T>(DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        return TensorPrimitives.Sum(x.ReadOnlySpan);
    }

    /// <summary>The mean of all elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <returns>The mean.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static T Mean<T>(DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        return TensorPrimitives.Sum(x.ReadOnlySpan) / T.CreateChecked(x.Length);
    }

    /// <summary>The largest element (NaN if any element is NaN).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static T Max<T>(DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        return TensorPrimitives.Max(x.ReadOnlySpan);
    }

    /// <summary>Sums along one axis: destination has <paramref name="x"/>'s shape without that axis ([1] for rank 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis to reduce, in [-Rank, Rank).</param>
    /// <param name="destination">The result; must not share storage with <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or aliases <paramref name="x"/>.</exception>
    public static void Sum<T>(DenseTensor<T> x, int axis, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAxis(x, axis, destination, AxisReduction.Sum);

    /// <summary>Means along one axis: destination has <paramref name="x"/>'s shape without that axis ([1] for rank 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis to reduce, in [-Rank, Rank).</param>
    /// <param name="destination">The result; must not share storage with <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or aliases <paramref name="x"/>.</exception>
    public static void Mean<T>(DenseTensor<T> x, int axis, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAxis(x, axis, destination, AxisReduction.Mean);

    /// <summary>Maxima along one axis: destination has <paramref name="x"/>'s shape without that axis ([1] for rank 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis to reduce, in [-Rank, Rank).</param>
    /// <param name="destination">The result; must not share storage with <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or aliases <paramref name="x"/>.</exception>
    public static void Max<T>(DenseTensor<T> x, int axis, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAxis(x, axis, destination, AxisReduction.Max);

    /// <summary>The shape left after reducing <paramref name="axis"/> of <paramref name="shape"/>.</summary>
    /// <param name="shape">The input shape.</param>
    /// <param name="axis">The reduced axis, in [-Rank, Rank).</param>
    /// <returns>The shape without that axis, or [1] for a rank-1 input.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    public static TensorShape ReducedShape(TensorShape shape, int axis)
    {
        int a = shape.NormalizeAxis(axis);
        if (shape.Rank == 1)
        {
            return new TensorShape(1);
        }

        Span<int> dims = stackalloc int[shape.Rank - 1];
        for (int i = 0, j = 0; i < shape.Rank; i++)
        {
            if (i != a)
            {
                dims[j++] = shape.Dims[i];
            }
        }

        return new TensorShape(dims);
    }

    private enum AxisReduction
    {
        Sum,
        Mean,
        Max,
    }

    private static void ReduceAxis<T>(DenseTensor<T> x, int axis, DenseTensor<T> destination, AxisReduction kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        int a = x.Shape.NormalizeAxis(axis);
        Span<int> expected = stackalloc int[Math.Max(x.Rank - 1, 1)];
        expected[0] = 1;
        for (int i = 0, j = 0; i < x.Rank; i++)
        {
            if (i != a)
            {
                expected[j++] = x.Shape.Dims[i];
            }
        }

        // Checked without building a TensorShape: steady-state training calls this every step.
        ShapeGuard.Shape(destination, expected, nameof(destination));
        ShapeGuard.NoAlias(destination, x, nameof(destination), nameof(x));

        // View x as [outer, size, inner]: reducing the middle axis.
        int size = x.Shape.Dims[a];
        int inner = 1;
        for (int i = a + 1; i < x.Rank; i++)
        {
            inner *= x.Shape.Dims[i];
        }

        int outer = x.Length / (size * inner);
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        if (inner == 1)
        {
            // The last axis: each output is a whole contiguous run, reduced in one vectorized call.
            for (int o = 0; o < outer; o++)
            {
                ReadOnlySpan<T> run = src.Slice(o * size, size);
                dst[o] = kind switch
                {
                    AxisReduction.Max => TensorPrimitives.Max(run),
                    AxisReduction.Mean => TensorPrimitives.Sum(run) / T.CreateChecked(size),
                    _ => TensorPrimitives.Sum(run),
                };
            }

            return;
        }

        for (int o = 0; o < outer; o++)
        {
            Span<T> d = dst.Slice(o * inner, inner);
            int baseOffset = o * size * inner;
            src.Slice(baseOffset, inner).CopyTo(d);
            for (int s = 1; s < size; s++)
            {
                ReadOnlySpan<T> slice = src.Slice(baseOffset + (s * inner), inner);
                if (kind == AxisReduction.Max)
                {
                    TensorPrimitives.Max(d, slice, d);
                }
                else
                {
                    TensorPrimitives.Add(d, slice, d);
                }
            }

            if (kind == AxisReduction.Mean)
            {
                TensorPrimitives.Multiply(d, T.One / T.CreateChecked(size), d);
            }
        }
    }
}
