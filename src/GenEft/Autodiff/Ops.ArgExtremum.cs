using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// The index along <paramref name="axis"/> of the largest element (ties to the first; the first NaN if any), as a
    /// value of the element type: the result has x's shape without that axis ([1] for rank 1), like <see cref="Sum{T}(Var{T}, int)"/>.
    /// </summary>
    /// <remarks>
    /// Argmax is piecewise constant, so it has no gradient: the result never requires one (<see cref="Var{T}.RequiresGrad"/>
    /// is false) and no gradient flows back through it into <paramref name="x"/>. Use it for predictions and accuracies,
    /// not inside a loss. Indices are exact in the element type (at most 2^24 along the axis for float).
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis, in [-Rank, Rank); negative counts from the end.</param>
    /// <returns>The indices.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default, or the axis is too long for its indices to be exact in T.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public static Var<T> ArgMax<T>(Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ArgExtremum(OpKind.ArgMax, x, axis);

    /// <summary>The index along <paramref name="axis"/> of the smallest element; otherwise as <see cref="ArgMax{T}(Var{T}, int)"/> (no gradient).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis, in [-Rank, Rank); negative counts from the end.</param>
    /// <returns>The indices.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default, or the axis is too long for its indices to be exact in T.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public static Var<T> ArgMin<T>(Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ArgExtremum(OpKind.ArgMin, x, axis);

    private static Var<T> ArgExtremum<T>(OpKind kind, Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var shape = a.Value.Shape;
        int ax = shape.NormalizeAxis(axis);
        (int outer, int size, int inner) = DenseTensor.AxisLayout(shape, ax);
        if (double.CreateChecked(T.CreateChecked(size - 1)) != size - 1)
        {
            throw new ArgumentException($"Axis {axis} of {shape} has {size} entries; indices that large are not exact in {typeof(T).Name}.", nameof(x));
        }

        Span<int> dims = stackalloc int[Math.Max(shape.Rank - 1, 1)];
        dims[0] = 1;
        for (int i = 0, j = 0; i < shape.Rank; i++)
        {
            if (i != ax)
            {
                dims[j++] = shape.Dims[i];
            }
        }

        var node = a.Tape.Record(kind, requiresGrad: false);
        node.A = a;
        node.Axis = ax;
        Span<T> y = node.UseOwnedValue(dims).Span;
        ReadOnlySpan<T> src = a.Value.ReadOnlySpan;
        bool max = kind == OpKind.ArgMax;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                y[(o * inner) + i] = T.CreateChecked(DenseTensor.ArgExtremumAt(src, (o * size * inner) + i, size, inner, max));
            }
        }

        return a.Tape.Handle(node);
    }
}
