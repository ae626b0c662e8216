using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// x + y elementwise, for equal shapes; or a row broadcast when one operand is rank 1 with the length of
    /// the other's last axis (a bias add).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The shapes are neither equal nor row-broadcastable, or the operands are on different tapes.</exception>
    public static Var<T> Add<T>(Var<T> x, Var<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Binary(OpKind.Add, x, y, commutative: true);

    /// <summary>x - y elementwise, for equal shapes; or x[r, :] - y for every row r when y is rank 1 with the length of x's last axis.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The shapes are neither equal nor row-broadcastable, or the operands are on different tapes.</exception>
    public static Var<T> Subtract<T>(Var<T> x, Var<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Binary(OpKind.Subtract, x, y, commutative: false);

    /// <summary>x ⊙ y elementwise, for equal shapes; or a row broadcast when one operand is rank 1 with the length of the other's last axis.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentException">The shapes are neither equal nor row-broadcastable, or the operands are on different tapes.</exception>
    public static Var<T> Multiply<T>(Var<T> x, Var<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Binary(OpKind.Multiply, x, y, commutative: true);

    /// <summary>x / y elementwise, for equal shapes; or x[r, :] / y for every row r when y is rank 1 with the length of x's last axis.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The numerator.</param>
    /// <param name="y">The denominator.</param>
    /// <returns>The quotient (IEEE semantics at zero).</returns>
    /// <exception cref="ArgumentException">The shapes are neither equal nor row-broadcastable, or the operands are on different tapes.</exception>
    public static Var<T> Divide<T>(Var<T> x, Var<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Binary(OpKind.Divide, x, y, commutative: false);

    private static Var<T> Binary<T>(OpKind kind, Var<T> x, Var<T> y, bool commutative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (a, b) = NodesOf(x, y, nameof(x), nameof(y));
        bool row = false;
        if (a.Value.Shape != b.Value.Shape)
        {
            if (IsRowOf(b.Value, a.Value))
            {
                row = true;
            }
            else if (commutative && IsRowOf(a.Value, b.Value))
            {
                (a, b) = (b, a);
                row = true;
            }
            else
            {
                throw new ArgumentException(
                    $"Shape mismatch: x has shape {a.Value.Shape} and y has shape {b.Value.Shape}; they must be equal, or y must be rank 1 with the length of x's last axis.",
                    nameof(y));
            }
        }

        if (row)
        {
            kind = kind switch
            {
                OpKind.Add => OpKind.AddRow,
                OpKind.Subtract => OpKind.SubtractRow,
                OpKind.Multiply => OpKind.MultiplyRow,
                OpKind.Divide => OpKind.DivideRow,
                _ => throw UnknownKind(kind),
            };
        }

        var node = Record(kind, a, b);
        var result = node.UseOwnedValue(a.Value.Shape.Dims);
        switch (kind)
        {
            case OpKind.Add: DenseTensor.Add(a.Value, b.Value, result); break;
            case OpKind.Subtract: DenseTensor.Subtract(a.Value, b.Value, result); break;
            case OpKind.Multiply: DenseTensor.Multiply(a.Value, b.Value, result); break;
            case OpKind.Divide: DenseTensor.Divide(a.Value, b.Value, result); break;
            case OpKind.AddRow: DenseTensor.AddRow(a.Value, b.Value, result); break;
            case OpKind.SubtractRow: DenseTensor.SubtractRow(a.Value, b.Value, result); break;
            case OpKind.MultiplyRow: DenseTensor.MultiplyRow(a.Value, b.Value, result); break;
            case OpKind.DivideRow: DenseTensor.DivideRow(a.Value, b.Value, result); break;
            default: throw UnknownKind(kind);
        }

        return a.Tape.Handle(node);
    }

    private static bool IsRowOf<T>(DenseTensor<T> row, DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => row.Rank == 1 && x.Rank >= 2 && row.Length == x.Columns;

    /// <summary>x + y: dx = dy, dy_y = dy.</summary>
    internal static void BackwardAdd<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.Put(dy, node.A.TakeGrad(out bool acc).Span, acc);
        }

        if (node.B!.RequiresGrad)
        {
            GradKernels.Put(dy, node.B.TakeGrad(out bool acc).Span, acc);
        }
    }

    /// <summary>x - y: dx = dy, dy_y = -dy.</summary>
    internal static void BackwardSubtract<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.Put(dy, node.A.TakeGrad(out bool acc).Span, acc);
        }

        if (node.B!.RequiresGrad)
        {
            GradKernels.PutScaled(dy, -T.One, node.B.TakeGrad(out bool acc).Span, acc);
        }
    }

    /// <summary>x ⊙ y: dx = dy ⊙ y, dy_y = dy ⊙ x.</summary>
    internal static void BackwardMultiply<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.PutProduct(dy, node.B!.Value.ReadOnlySpan, node.A.TakeGrad(out bool acc).Span, acc);
        }

        if (node.B!.RequiresGrad)
        {
            GradKernels.PutProduct(dy, node.A.Value.ReadOnlySpan, node.B.TakeGrad(out bool acc).Span, acc);
        }
    }

    /// <summary>x / y: dx = dy / y, dy_y = -dy (x/y) / y.</summary>
    internal static void BackwardDivide<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan, bv = node.B!.Value.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.PutElementwise<T, DivideNumeratorGrad<T>>(bv, bv, dy, node.A.TakeGrad(out bool acc).Span, T.Zero, T.Zero, acc);
        }

        if (node.B.RequiresGrad)
        {
            GradKernels.PutElementwise<T, DivideDenominatorGrad<T>>(bv, node.Value.ReadOnlySpan, dy, node.B.TakeGrad(out bool acc).Span, T.Zero, T.Zero, acc);
        }
    }

    /// <summary>x[r, :] + y: dx = dy, dy_y = Σ_r dy[r, :].</summary>
    internal static void BackwardAddRow<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.Put(dy, node.A.TakeGrad(out bool acc).Span, acc);
        }

        if (node.B!.RequiresGrad)
        {
            GradKernels.PutColumnSums(dy, T.One, node.B.TakeGrad(out bool acc).Span, acc);
        }
    }

    /// <summary>x[r, :] - y: dx = dy, dy_y = -Σ_r dy[r, :].</summary>
    internal static void BackwardSubtractRow<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        if (node.A!.RequiresGrad)
        {
            GradKernels.Put(dy, node.A.TakeGrad(out bool acc).Span, acc);
        }

        if (node.B!.RequiresGrad)
        {
            GradKernels.PutColumnSums(dy, -T.One, node.B.TakeGrad(out bool acc).Span, acc);
        }
    }

    /// <summary>x[r, :] ⊙ y: dx[r] = dy[r] ⊙ y, dy_y = Σ_r dy[r] ⊙ x[r].</summary>
    internal static void BackwardMultiplyRow<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        var b = node.B!;
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan, bv = b.Value.ReadOnlySpan;
        int width = bv.Length;
        if (a.RequiresGrad)
        {
            Span<T> da = a.TakeGrad(out bool acc).Span;
            for (int offset = 0; offset < dy.Length; offset += width)
            {
                GradKernels.PutProduct(dy.Slice(offset, width), bv, da.Slice(offset, width), acc);
            }
        }

        if (b.RequiresGrad)
        {
            Span<T> db = b.TakeGrad(out bool acc).Span;
            var sums = RowSums(node, dy, a.Value.ReadOnlySpan, width);
            GradKernels.Put(sums, db, acc);
        }
    }

    /// <summary>x[r, :] / y: dx[r] = dy[r] / y, dy_y = -(Σ_r dy[r] ⊙ out[r]) / y.</summary>
    internal static void BackwardDivideRow<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        var b = node.B!;
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan, bv = b.Value.ReadOnlySpan;
        int width = bv.Length;
        if (a.RequiresGrad)
        {
            Span<T> da = a.TakeGrad(out bool acc).Span;
            for (int offset = 0; offset < dy.Length; offset += width)
            {
                GradKernels.PutElementwise<T, DivideNumeratorGrad<T>>(bv, bv, dy.Slice(offset, width), da.Slice(offset, width), T.Zero, T.Zero, acc);
            }
        }

        if (b.RequiresGrad)
        {
            Span<T> db = b.TakeGrad(out bool acc).Span;
            var sums = RowSums(node, dy, node.Value.ReadOnlySpan, width);
            GradKernels.PutElementwise<T, DivideDenominatorRowGrad<T>>(bv, sums, sums, db, T.Zero, T.Zero, acc);
        }
    }

    /// <summary>Σ_r dy[r] ⊙ other[r] into the node's scratch row (the row operand's gradient before its last factor).</summary>
    private static Span<T> RowSums<T>(Node<T> node, ReadOnlySpan<T> dy, ReadOnlySpan<T> other, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sums = Node<T>.EnsureScratch(ref node.Scratch0, node.B!.Value.Shape.Dims).Span;
        sums.Clear();
        for (int offset = 0; offset < dy.Length; offset += width)
        {
            TensorPrimitives.MultiplyAdd(dy.Slice(offset, width), other.Slice(offset, width), sums, sums);
        }

        return sums;
    }

    /// <summary>dy / y, with x holding the denominator y.</summary>
    private readonly struct DivideNumeratorGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => dy / x;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1) => dy / x;
    }

    /// <summary>-dy · out / y, with x holding the denominator and y the quotient.</summary>
    private readonly struct DivideDenominatorGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => -(dy * y) / x;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1) => -(dy * y) / x;
    }

    /// <summary>-s / y, with x holding the denominator row and y the column sums s = Σ dy ⊙ out.</summary>
    private readonly struct DivideDenominatorRowGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => -y / x;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1) => -y / x;
    }
}
