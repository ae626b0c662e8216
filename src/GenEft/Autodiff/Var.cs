using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// A handle to a value recorded on a <see cref="Tape{T}"/>: an input, a parameter or the result of an op in
/// <see cref="Ops"/>. Valid until the tape's next <see cref="Tape{T}.Reset"/>.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public readonly struct Var<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Node<T>? _node;
    private readonly int _generation;

    internal Var(Node<T> node, int generation)
    {
        _node = node;
        _generation = generation;
    }

    /// <summary>The tape this value is recorded on.</summary>
    /// <exception cref="InvalidOperationException">The handle is default or from before the tape's last reset.</exception>
    public Tape<T> Tape => Node.Tape;

    /// <summary>The forward value. Owned by the tape: it is overwritten when the tape is reused.</summary>
    /// <exception cref="InvalidOperationException">The handle is default or from before the tape's last reset.</exception>
    public DenseTensor<T> Value => Node.Value;

    /// <summary>The value's shape.</summary>
    /// <exception cref="InvalidOperationException">The handle is default or from before the tape's last reset.</exception>
    public TensorShape Shape => Node.Value.Shape;

    /// <summary>
    /// The gradient of the last <see cref="Tape{T}.Backward"/> loss with respect to this value, or
    /// <see langword="null"/> when no gradient reached it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handle is default or from before the tape's last reset.</exception>
    public DenseTensor<T>? Grad => Node.RequiresGrad && !Node.GradStale ? Node.Grad : null;

    /// <summary>Whether the value depends on a parameter, so a gradient can flow into it.</summary>
    /// <exception cref="InvalidOperationException">The handle is default or from before the tape's last reset.</exception>
    public bool RequiresGrad => Node.RequiresGrad;

    internal Node<T> Node
    {
        get
        {
            if (_node is null)
            {
                throw new InvalidOperationException("This Var is default; obtain one from a Tape or an op.");
            }

            if (_node.Tape.Generation != _generation)
            {
                throw new InvalidOperationException("This Var was recorded before the tape's last Reset and is no longer valid.");
            }

            return _node;
        }
    }

    internal bool IsDefault => _node is null;

    /// <summary>Whether the handle was recorded in its tape's current generation (since the last reset).</summary>
    internal bool IsCurrent => _node is not null && _node.Tape.Generation == _generation;

    /// <summary>Elementwise (or row-broadcast) sum; see <see cref="Ops.Add{T}"/>.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x + y.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or the operands are default or on different tapes.</exception>
    public static Var<T> operator +(Var<T> x, Var<T> y) => Ops.Add(x, y);

    /// <summary>Elementwise (or row-broadcast) difference; see <see cref="Ops.Subtract{T}"/>.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x - y.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or the operands are default or on different tapes.</exception>
    public static Var<T> operator -(Var<T> x, Var<T> y) => Ops.Subtract(x, y);

    /// <summary>Elementwise (or row-broadcast) product; see <see cref="Ops.Multiply{T}"/>.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x * y.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or the operands are default or on different tapes.</exception>
    public static Var<T> operator *(Var<T> x, Var<T> y) => Ops.Multiply(x, y);

    /// <summary>Elementwise (or row-broadcast) quotient; see <see cref="Ops.Divide{T}"/>.</summary>
    /// <param name="x">The numerator.</param>
    /// <param name="y">The denominator.</param>
    /// <returns>x / y.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or the operands are default or on different tapes.</exception>
    public static Var<T> operator /(Var<T> x, Var<T> y) => Ops.Divide(x, y);

    /// <summary>Scales by a constant; see <see cref="Ops.Scale{T}"/>.</summary>
    /// <param name="x">The value.</param>
    /// <param name="scalar">The factor.</param>
    /// <returns>scalar · x.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> operator *(Var<T> x, T scalar) => Ops.Scale(x, scalar);

    /// <summary>Scales by a constant; see <see cref="Ops.Scale{T}"/>.</summary>
    /// <param name="scalar">The factor.</param>
    /// <param name="x">The value.</param>
    /// <returns>scalar · x.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> operator *(T scalar, Var<T> x) => Ops.Scale(x, scalar);

    /// <summary>Negation; see <see cref="Ops.Affine{T}"/>.</summary>
    /// <param name="x">The value.</param>
    /// <returns>-x.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> operator -(Var<T> x) => Ops.Affine(x, -T.One, T.Zero);
}
