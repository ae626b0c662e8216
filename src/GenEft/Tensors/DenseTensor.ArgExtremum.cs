using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>
    /// The flat (row-major) index of the largest element. Ties go to the first index; if any element is NaN, the index
    /// of the first NaN (NaN counts as the largest, as in PyTorch's argmax); -0 and +0 are equal.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <returns>The index, in [0, x.Length).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static int ArgMax<T>(DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        return ArgExtremumAt(x.ReadOnlySpan, 0, x.Length, 1, max: true);
    }

    /// <summary>The flat (row-major) index of the smallest element; ties and NaN as for <see cref="ArgMax{T}(DenseTensor{T})"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <returns>The index, in [0, x.Length).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static int ArgMin<T>(DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        return ArgExtremumAt(x.ReadOnlySpan, 0, x.Length, 1, max: false);
    }

    /// <summary>
    /// For every position of the other axes, the index along <paramref name="axis"/> of the largest element (ties to
    /// the first, the first NaN if any), in row-major order of <see cref="ReducedShape"/>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis, in [-Rank, Rank).</param>
    /// <param name="destination">One index per position of the other axes (x.Length / size of the axis).</param>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public static void ArgMax<T>(DenseTensor<T> x, int axis, Span<int> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ArgExtremum(x, axis, destination, max: true);

    /// <summary>As <see cref="ArgMax{T}(DenseTensor{T}, int, Span{int})"/> for the smallest element.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis, in [-Rank, Rank).</param>
    /// <param name="destination">One index per position of the other axes (x.Length / size of the axis).</param>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public static void ArgMin<T>(DenseTensor<T> x, int axis, Span<int> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ArgExtremum(x, axis, destination, max: false);

    private static void ArgExtremum<T>(DenseTensor<T> x, int axis, Span<int> destination, bool max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        int a = x.Shape.NormalizeAxis(axis);
        (int outer, int size, int inner) = AxisLayout(x.Shape, a);
        if (destination.Length != outer * inner)
        {
            throw new ArgumentException($"destination has length {destination.Length}; reducing axis {axis} of {x.Shape} gives {outer * inner} indices.", nameof(destination));
        }

        ReadOnlySpan<T> src = x.ReadOnlySpan;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                destination[(o * inner) + i] = ArgExtremumAt(src, (o * size * inner) + i, size, inner, max);
            }
        }
    }

    /// <summary>x viewed as [outer, size, inner] around <paramref name="axis"/>.</summary>
    internal static (int Outer, int Size, int Inner) AxisLayout(TensorShape shape, int axis)
    {
        int size = shape.Dims[axis], inner = 1;
        for (int i = axis + 1; i < shape.Rank; i++)
        {
            inner *= shape.Dims[i];
        }

        return (shape.Length / (size * inner), size, inner);
    }

    /// <summary>The index k in [0, size) of the extreme of src[start + k·stride]: the first NaN, else the first extreme.</summary>
    internal static int ArgExtremumAt<T>(ReadOnlySpan<T> src, int start, int size, int stride, bool max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = 0;
        T value = src[start];
        if (T.IsNaN(value))
        {
            return 0;
        }

        for (int k = 1; k < size; k++)
        {
            T v = src[start + (k * stride)];
            if (T.IsNaN(v))
            {
                return k;
            }

            if (max ? v > value : v < value)
            {
                best = k;
                value = v;
            }
        }

        return best;
    }
}
