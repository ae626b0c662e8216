using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>scale · x + shift elementwise (scalar ops: <c>Affine(x, 1, c)</c> adds c, <c>Affine(x, -1, c)</c> is c - x).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="scale">The factor.</param>
    /// <param name="shift">The offset.</param>
    /// <returns>The affine image.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Affine<T>(Var<T> x, T scale, T shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Affine, x, scale, shift);
        TensorPrimitives.Multiply(a.Value.ReadOnlySpan, scale, y.Span);
        TensorPrimitives.Add(y.Span, shift, y.Span);
        return a.Tape.Handle(node);
    }

    /// <summary>scalar · x elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="scalar">The factor.</param>
    /// <returns>The scaled value.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Scale<T>(Var<T> x, T scalar)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Affine(x, scalar, T.Zero);

    /// <summary>
    /// max(0, scale · x + shift) elementwise: a ReLU of an affine map, e.g. the GenEFT hinge output
    /// ReLU(0.1 - x) is <c>ReluAffine(x, -1, 0.1)</c>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <param name="scale">The factor inside the ReLU.</param>
    /// <param name="shift">The offset inside the ReLU.</param>
    /// <returns>The rectified affine image.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> ReluAffine<T>(Var<T> x, T scale, T shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.ReluAffine, x, scale, shift);
        TensorPrimitives.Multiply(a.Value.ReadOnlySpan, scale, y.Span);
        TensorPrimitives.Add(y.Span, shift, y.Span);
        TensorPrimitives.Max(y.Span, T.Zero, y.Span);
        return a.Tape.Handle(node);
    }

    /// <summary>tanh(x) elementwise (for <see cref="float"/> a rational approximation within 4e-7 relative error, for <see cref="double"/> the exact function).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The hyperbolic tangent.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Tanh<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Tanh, x, T.Zero, T.Zero);
        TanhInto(a.Value.ReadOnlySpan, y.Span);

        return a.Tape.Handle(node);
    }

    /// <summary>max(0, x) elementwise; the derivative at 0 is taken as 0.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The rectified input.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Relu<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Relu, x, T.Zero, T.Zero);
        DenseTensor.Relu(a.Value, y);
        return a.Tape.Handle(node);
    }

    /// <summary>1 / (1 + exp(-x)) elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The logistic sigmoid.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Sigmoid<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Sigmoid, x, T.Zero, T.Zero);
        DenseTensor.Sigmoid(a.Value, y);
        return a.Tape.Handle(node);
    }

    /// <summary>exp(x) elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The exponential.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Exp<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Exp, x, T.Zero, T.Zero);
        DenseTensor.Exp(a.Value, y);
        return a.Tape.Handle(node);
    }

    /// <summary>ln(x) elementwise (NaN for negative x, -∞ at 0).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The natural logarithm.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Log<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Log, x, T.Zero, T.Zero);
        DenseTensor.Log(a.Value, y);
        return a.Tape.Handle(node);
    }

    /// <summary>x² elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The square.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Square<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Square, x, T.Zero, T.Zero);
        DenseTensor.Square(a.Value, y);
        return a.Tape.Handle(node);
    }

    /// <summary>|x| elementwise; the derivative at 0 is taken as 0.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The input.</param>
    /// <returns>The absolute value.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> Abs<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, a, y) = Unary(OpKind.Abs, x, T.Zero, T.Zero);
        DenseTensor.Abs(a.Value, y);
        return a.Tape.Handle(node);
    }

    private static (Node<T> Node, Node<T> Input, DenseTensor<T> Output) Unary<T>(OpKind kind, Var<T> x, T s0, T s1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var node = Record(kind, a);
        node.Scalar0 = s0;
        node.Scalar1 = s1;
        return (node, a, node.UseOwnedValue(a.Value.Shape.Dims));
    }

    internal static void BackwardUnary<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        if (!a.RequiresGrad)
        {
            return;
        }

        ReadOnlySpan<T> x = a.Value.ReadOnlySpan, y = node.Value.ReadOnlySpan, dy = node.Grad!.ReadOnlySpan;
        Span<T> dx = a.TakeGrad(out bool acc).Span;
        T s0 = node.Scalar0, s1 = node.Scalar1;
        switch (node.Kind)
        {
            case OpKind.Affine: GradKernels.PutScaled(dy, s0, dx, acc); break;
            case OpKind.ReluAffine: GradKernels.PutElementwise<T, ReluAffineGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Tanh when node.Tape.FlushSubnormals: GradKernels.PutElementwise<T, FlushedGrad<T, TanhGrad<T>>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Tanh: GradKernels.PutElementwise<T, TanhGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Relu: GradKernels.PutElementwise<T, ReluGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Sigmoid: GradKernels.PutElementwise<T, SigmoidGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Exp: GradKernels.PutProduct(dy, y, dx, acc); break;
            case OpKind.Log: GradKernels.PutElementwise<T, DivideNumeratorGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Square: GradKernels.PutElementwise<T, SquareGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            case OpKind.Abs: GradKernels.PutElementwise<T, AbsGrad<T>>(x, y, dy, dx, s0, s1, acc); break;
            default: throw UnknownKind(node.Kind);
        }
    }

    /// <summary>d max(0, s0·x + s1)/dx = s0 where the output is positive.</summary>
    private readonly struct ReluAffineGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => y > T.Zero ? dy * s0 : T.Zero;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => Vector.ConditionalSelect(Vector.GreaterThan(y, Vector<T>.Zero), dy * s0, Vector<T>.Zero);
    }

    /// <summary>d tanh(x)/dx = 1 - tanh²(x), from the saved output.</summary>
    internal readonly struct TanhGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => dy * (T.One - (y * y));

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => dy * (Vector<T>.One - (y * y));
    }

    /// <summary>d max(0, x)/dx = [x &gt; 0].</summary>
    private readonly struct ReluGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => x > T.Zero ? dy : T.Zero;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), dy, Vector<T>.Zero);
    }

    /// <summary>dσ(x)/dx = σ(x)(1 - σ(x)), from the saved output.</summary>
    private readonly struct SigmoidGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => dy * y * (T.One - y);

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => dy * y * (Vector<T>.One - y);
    }

    /// <summary>d x²/dx = 2x.</summary>
    private readonly struct SquareGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => dy * (x + x);

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1) => dy * (x + x);
    }

    /// <summary>d|x|/dx = sign(x), 0 at 0.</summary>
    private readonly struct AbsGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => x > T.Zero ? dy : x < T.Zero ? -dy : T.Zero;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => Vector.ConditionalSelect(
                Vector.GreaterThan(x, Vector<T>.Zero),
                dy,
                Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -dy, Vector<T>.Zero));
    }
}
