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
                _ => OpKind.DivideRow,
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
            default: DenseTensor.DivideRow(a.Value, b.Value, result); break;
        }

        return a.Tape.Handle(node);
    }

    private static bool IsRowOf<T>(DenseTensor<T> row, DenseTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => row.Rank == 1 && x.Rank >= 2 && row.Length == x.Columns;

    internal static void BackwardBinary<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        var b = node.B!;
        ReadOnlySpan<T> dy = node.Grad!.ReadOnlySpan;
        ReadOnlySpan<T> av = a.Value.ReadOnlySpan;
        ReadOnlySpan<T> bv = b.Value.ReadOnlySpan;
        int width = b.Value.Length;

        if (a.RequiresGrad)
        {
            Span<T> da = a.TakeGrad(out bool acc).Span;
            switch (node.Kind)
            {
                case OpKind.Add or OpKind.Subtract or OpKind.AddRow or OpKind.SubtractRow:
                    GradKernels.Put(dy, da, acc); // d(x ± y)/dx = 1
                    break;
                case OpKind.Multiply:
                    GradKernels.PutProduct(dy, bv, da, acc); // d(xy)/dx = y
                    break;
                case OpKind.Divide:
                    GradKernels.PutElementwise<T, DivideNumeratorGrad<T>>(bv, bv, dy, da, T.Zero, T.Zero, acc); // d(x/y)/dx = 1/y
                    break;
                default:
                    for (int offset = 0; offset < dy.Length; offset += width)
                    {
                        var dyRow = dy.Slice(offset, width);
                        var daRow = da.Slice(offset, width);
                        if (node.Kind == OpKind.MultiplyRow)
                        {
                            GradKernels.PutProduct(dyRow, bv, daRow, acc);
                        }
                        else
                        {
                            GradKernels.PutElementwise<T, DivideNumeratorGrad<T>>(bv, bv, dyRow, daRow, T.Zero, T.Zero, acc);
                        }
                    }

                    break;
            }
        }

        if (b.RequiresGrad)
        {
            Span<T> db = b.TakeGrad(out bool acc).Span;
            ReadOnlySpan<T> y = node.Value.ReadOnlySpan;
            switch (node.Kind)
            {
                case OpKind.Add:
                    GradKernels.Put(dy, db, acc);
                    break;
                case OpKind.Subtract:
                    GradKernels.PutScaled(dy, -T.One, db, acc); // d(x - y)/dy = -1
                    break;
                case OpKind.Multiply:
                    GradKernels.PutProduct(dy, av, db, acc); // d(xy)/dy = x
                    break;
                case OpKind.Divide:
                    GradKernels.PutElementwise<T, DivideDenominatorGrad<T>>(bv, y, dy, db, T.Zero, T.Zero, acc); // d(x/y)/dy = -(x/y)/y
                    break;
                case OpKind.AddRow or OpKind.SubtractRow:
                    GradKernels.PutColumnSums(dy, node.Kind == OpKind.AddRow ? T.One : -T.One, db, acc);
                    break;
                default:
                    // Σ_r dy[r] ⊙ x[r] (multiply) or Σ_r -dy[r] ⊙ out[r] / y (divide), summed into a scratch row first.
                    var sums = Node<T>.EnsureScratch(ref node.Scratch0, b.Value.Shape.Dims).Span;
                    sums.Clear();
                    ReadOnlySpan<T> other = node.Kind == OpKind.MultiplyRow ? av : y;
                    for (int offset = 0; offset < dy.Length; offset += width)
                    {
                        TensorPrimitives.MultiplyAdd(dy.Slice(offset, width), other.Slice(offset, width), sums, sums);
                    }

                    if (node.Kind == OpKind.MultiplyRow)
                    {
                        GradKernels.Put(sums, db, acc);
                    }
                    else
                    {
                        GradKernels.PutElementwise<T, DivideDenominatorRowGrad<T>>(bv, sums, sums, db, T.Zero, T.Zero, acc);
                    }

                    break;
            }
        }

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
