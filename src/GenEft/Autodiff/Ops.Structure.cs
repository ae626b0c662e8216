using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>Rows of <paramref name="table"/> picked by <paramref name="indices"/>: result[i, :] = table[indices[i], :] (an embedding lookup).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="table">A rank-2 table [rows, width].</param>
    /// <param name="indices">Row indices in [0, rows); referenced, not copied, so they must not change before backward.</param>
    /// <returns>[indices.Length, width].</returns>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not rank 2, or <paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, rows).</exception>
    public static Var<T> GatherRows<T>(Var<T> table, ReadOnlyMemory<int> indices)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(table, nameof(table));
        if (a.Value.Rank != 2)
        {
            throw new ArgumentException($"table must be rank 2; it has shape {a.Value.Shape}.", nameof(table));
        }

        if (indices.IsEmpty)
        {
            throw new ArgumentException("At least one index is needed.", nameof(indices));
        }

        var node = Record(OpKind.GatherRows, a);
        node.Indices = indices;
        var y = node.UseOwnedValue([indices.Length, a.Value.Columns]);
        DenseTensor.GatherRows(a.Value, indices.Span, y);
        return a.Tape.Handle(node);
    }

    /// <summary>Concatenates values along the last axis; all leading axes must agree.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="parts">At least one value, all on the same tape.</param>
    /// <returns>The concatenation.</returns>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty, a leading axis differs, or the parts are on different tapes.</exception>
    public static Var<T> Concat<T>(params ReadOnlySpan<Var<T>> parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parts.IsEmpty)
        {
            throw new ArgumentException("At least one part is needed.", nameof(parts));
        }

        var first = NodeOf(parts[0], nameof(parts));
        var firstShape = first.Value.Shape;
        int total = 0;
        bool requiresGrad = false;
        for (int p = 0; p < parts.Length; p++)
        {
            var part = first.Tape.Own(parts[p], nameof(parts));
            var shape = part.Value.Shape;
            bool leadingMatch = shape.Rank == firstShape.Rank;
            for (int ax = 0; leadingMatch && ax < shape.Rank - 1; ax++)
            {
                leadingMatch = shape.Dims[ax] == firstShape.Dims[ax];
            }

            if (!leadingMatch)
            {
                throw new ArgumentException($"Shape mismatch: part {p} has shape {shape}; its leading axes must match part 0's shape {firstShape}.", nameof(parts));
            }

            total += part.Value.Columns;
            requiresGrad |= part.RequiresGrad;
        }

        var node = first.Tape.Record(OpKind.Concat, requiresGrad);
        if (node.Inputs.Length < parts.Length)
        {
            node.Inputs = new Node<T>[parts.Length];
        }

        for (int p = 0; p < parts.Length; p++)
        {
            node.Inputs[p] = parts[p].Node;
        }

        node.InputCount = parts.Length;
        Span<int> dims = stackalloc int[firstShape.Rank];
        firstShape.Dims.CopyTo(dims);
        dims[^1] = total;
        var y = node.UseOwnedValue(dims);
        Span<T> dst = y.Span;
        int rows = y.Length / total, column = 0;
        for (int p = 0; p < parts.Length; p++)
        {
            var src = node.Inputs[p].Value;
            int w = src.Columns;
            ReadOnlySpan<T> s = src.ReadOnlySpan;
            for (int r = 0; r < rows; r++)
            {
                RowKernels.Put(s.Slice(r * w, w), dst.Slice((r * total) + column, w), false);
            }

            column += w;
        }

        return first.Tape.Handle(node);
    }

    /// <summary>The same elements with another shape of equal length (row-major order is kept).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="dims">The new axis sizes; their product must equal x's length.</param>
    /// <returns>A view of x with the new shape.</returns>
    /// <exception cref="ArgumentException">The element counts differ, or <paramref name="dims"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static Var<T> Reshape<T>(Var<T> x, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        long length = 1;
        foreach (int d in dims)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, nameof(dims));
            length *= d;
        }

        if (dims.IsEmpty || length != a.Value.Length)
        {
            throw new ArgumentException($"Cannot reshape {a.Value.Shape} ({a.Value.Length} elements) to [{string.Join(", ", dims.ToArray())}].", nameof(dims));
        }

        var node = Record(OpKind.Reshape, a);
        node.UseView(a.Value, dims);
        return a.Tape.Handle(node);
    }

    /// <summary>Swaps the last two axes: a matrix transpose for rank 2, a transpose of every matrix of a rank-3 batch.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">[m, n] or [batch, m, n].</param>
    /// <returns>[n, m] or [batch, n, m].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not rank 2 or 3, or is default.</exception>
    public static Var<T> Transpose<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var shape = a.Value.Shape;
        if (shape.Rank is not (2 or 3))
        {
            throw new ArgumentException($"x must be rank 2 or 3; it has shape {shape}.", nameof(x));
        }

        var node = Record(OpKind.Transpose, a);
        int m = shape.Dims[shape.Rank - 2], n = shape.Dims[shape.Rank - 1];
        var y = shape.Rank == 2 ? node.UseOwnedValue([n, m]) : node.UseOwnedValue([shape.Dims[0], n, m]);
        TransposeLastTwo(a.Value.ReadOnlySpan, m, n, y.Span, false);
        return a.Tape.Handle(node);
    }

    /// <summary>dst (=|+=) the transpose of every [m, n] matrix in src.</summary>
    private static void TransposeLastTwo<T>(ReadOnlySpan<T> src, int m, int n, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = m * n;
        for (int offset = 0; offset < src.Length; offset += size)
        {
            var s = src.Slice(offset, size);
            var d = dst.Slice(offset, size);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    T v = s[(i * n) + j];
                    d[(j * m) + i] = accumulate ? d[(j * m) + i] + v : v;
                }
            }
        }
    }

    /// <summary>
    /// x / max(‖x‖, epsilon) along the last axis: every row scaled to unit Euclidean norm (PyTorch's
    /// <c>F.normalize</c>); rows shorter than <paramref name="epsilon"/> are divided by epsilon instead.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input; rows are the last axis.</param>
    /// <param name="epsilon">The smallest divisor, positive (PyTorch's default is 1e-12).</param>
    /// <returns>The normalized rows.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive and finite.</exception>
    public static Var<T> NormalizeLastAxis<T>(Var<T> x, T epsilon)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(epsilon > T.Zero) || !T.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive and finite.");
        }

        var a = NodeOf(x, nameof(x));
        var node = Record(OpKind.NormalizeLastAxis, a);
        node.Scalar0 = epsilon;
        var y = node.UseOwnedValue(a.Value.Shape.Dims);
        int width = a.Value.Columns, rows = a.Value.Length / width;
        var norms = Node<T>.EnsureScratch(ref node.Scratch0, [rows]).Span;
        ReadOnlySpan<T> src = a.Value.ReadOnlySpan;
        Span<T> dst = y.Span;
        for (int r = 0; r < rows; r++)
        {
            var row = src.Slice(r * width, width);
            T norm = TensorPrimitives.Norm(row);
            norms[r] = norm;
            TensorPrimitives.Divide(row, T.Max(norm, epsilon), dst.Slice(r * width, width));
        }

        return a.Tape.Handle(node);
    }

    internal static void BackwardStructure<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        switch (node.Kind)
        {
            case OpKind.GatherRows:
            {
                var a = node.A!;
                if (a.RequiresGrad)
                {
                    var dt = a.TakeGrad(out bool acc);
                    if (!acc)
                    {
                        dt.Span.Clear();
                    }

                    DenseTensor.ScatterAddRows(node.Grad, node.Indices.Span, dt);
                }

                break;
            }

            case OpKind.Concat:
            {
                int total = node.Value.Columns, rows = node.Value.Length / total, column = 0;
                for (int p = 0; p < node.InputCount; p++)
                {
                    var part = node.Inputs[p];
                    int w = part.Value.Columns;
                    if (part.RequiresGrad)
                    {
                        Span<T> dp = part.TakeGrad(out bool acc).Span;
                        for (int r = 0; r < rows; r++)
                        {
                            RowKernels.Put(dy.Slice((r * total) + column, w), dp.Slice(r * w, w), acc);
                        }
                    }

                    column += w;
                }

                break;
            }

            case OpKind.Transpose:
            {
                var a = node.A!;
                if (a.RequiresGrad)
                {
                    // y = xᵀ per matrix, so dx = dyᵀ: transpose the [n, m] gradient matrices back.
                    int rank = node.Value.Rank;
                    int n = node.Value.Shape.Dims[rank - 2], m = node.Value.Shape.Dims[rank - 1];
                    TransposeLastTwo(dy, n, m, a.TakeGrad(out bool acc).Span, acc);
                }

                break;
            }

            case OpKind.Reshape:
            {
                var a = node.A!;
                if (a.RequiresGrad)
                {
                    GradKernels.Put(dy, a.TakeGrad(out bool acc).Span, acc);
                }

                break;
            }

            case OpKind.NormalizeLastAxis:
                BackwardNormalize(node, dy);
                break;
            default:
                throw UnknownKind(node.Kind);
        }
    }

    /// <summary>For y = x / n with n = ‖x‖ &gt; ε: dx = (dy - y (y · dy)) / n; where the norm is clamped to ε, dx = dy / ε.</summary>
    private static void BackwardNormalize<T>(Node<T> node, ReadOnlySpan<T> dy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        if (!a.RequiresGrad)
        {
            return;
        }

        Span<T> dx = a.TakeGrad(out bool acc).Span;
        ReadOnlySpan<T> y = node.Value.ReadOnlySpan, norms = node.Scratch0!.ReadOnlySpan;
        int width = node.Value.Columns;
        T eps = node.Scalar0;
        for (int r = 0; r < norms.Length; r++)
        {
            var yr = y.Slice(r * width, width);
            var dyr = dy.Slice(r * width, width);
            var dxr = dx.Slice(r * width, width);
            T norm = norms[r];
            if (norm > eps)
            {
                T projection = TensorPrimitives.Dot(yr, dyr);
                T inv = T.One / norm;
                for (int j = 0; j < width; j++)
                {
                    T g = (dyr[j] - (yr[j] * projection)) * inv;
                    dxr[j] = acc ? dxr[j] + g : g;
                }
            }
            else
            {
                GradKernels.PutScaled(dyr, T.One / eps, dxr, acc);
            }
        }
    }
}
