using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    private static readonly int[] ScalarDims = [1];

    /// <summary>The sum of all elements, as a tensor of shape [1].</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>Σ x.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Sum<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAll(OpKind.Sum, x);

    /// <summary>The mean of all elements, as a tensor of shape [1].</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>Σ x / n.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Mean<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAll(OpKind.Mean, x);

    /// <summary>Sums along <paramref name="axis"/>: the result has x's shape without that axis ([1] for rank 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis, in [-Rank, Rank); negative counts from the end.</param>
    /// <returns>The partial sums.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public static Var<T> Sum<T>(Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAxis(OpKind.SumAxis, x, axis);

    /// <summary>Means along <paramref name="axis"/>: the result has x's shape without that axis ([1] for rank 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis, in [-Rank, Rank); negative counts from the end.</param>
    /// <returns>The partial means.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public static Var<T> Mean<T>(Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ReduceAxis(OpKind.MeanAxis, x, axis);

    private static Var<T> ReduceAll<T>(OpKind kind, Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var node = Record(kind, a);
        var y = node.UseOwnedValue(ScalarDims);
        T sum = TensorPrimitives.Sum(a.Value.ReadOnlySpan);
        y.Span[0] = kind == OpKind.Mean ? sum / T.CreateChecked(a.Value.Length) : sum;
        return a.Tape.Handle(node);
    }

    private static Var<T> ReduceAxis<T>(OpKind kind, Var<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var shape = a.Value.Shape;
        int ax = shape.NormalizeAxis(axis);
        Span<int> dims = stackalloc int[Math.Max(shape.Rank - 1, 1)];
        if (shape.Rank == 1)
        {
            dims[0] = 1;
        }
        else
        {
            for (int i = 0, j = 0; i < shape.Rank; i++)
            {
                if (i != ax)
                {
                    dims[j++] = shape.Dims[i];
                }
            }
        }

        var node = Record(kind, a);
        node.Axis = ax;
        var y = node.UseOwnedValue(dims);
        if (kind == OpKind.MeanAxis)
        {
            DenseTensor.Mean(a.Value, ax, y);
        }
        else
        {
            DenseTensor.Sum(a.Value, ax, y);
        }

        return a.Tape.Handle(node);
    }

    internal static void BackwardReduction<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        if (!a.RequiresGrad)
        {
            return;
        }

        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        Span<T> dx = a.TakeGrad(out bool acc).Span;
        switch (node.Kind)
        {
            case OpKind.Sum:
                GradKernels.PutConstant(dy[0], dx, acc);
                break;
            case OpKind.Mean:
                GradKernels.PutConstant(dy[0] / T.CreateChecked(dx.Length), dx, acc);
                break;
            case OpKind.SumAxis or OpKind.MeanAxis:
                // View x as [outer, size, inner]; every slice along the reduced axis receives dy[outer, :].
                var shape = a.Value.Shape;
                int size = shape.Dims[node.Axis];
                int inner = 1;
                for (int i = node.Axis + 1; i < shape.Rank; i++)
                {
                    inner *= shape.Dims[i];
                }

                int outer = dx.Length / (size * inner);
                // Sum: every element of the slice gets dy; mean: dy / size.
                T scale = node.Kind == OpKind.MeanAxis ? T.One / T.CreateChecked(size) : T.One;
                for (int o = 0; o < outer; o++)
                {
                    var g = dy.Slice(o * inner, inner);
                    for (int s = 0; s < size; s++)
                    {
                        GradKernels.PutScaled(g, scale, dx.Slice(((o * size) + s) * inner, inner), acc);
                    }
                }

                break;
            default:
                throw UnknownKind(node.Kind);
        }
    }
}
