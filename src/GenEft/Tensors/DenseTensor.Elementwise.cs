using System.Numerics;

namespace GenEft.Tensors;

/// <summary>
/// Operations on <see cref="DenseTensor{T}"/>. Every operation writes into a caller-owned destination
/// (which may be one of the inputs for elementwise operations) and checks shapes first.
/// </summary>
public static partial class DenseTensor
{
    /// <summary>destination = x + y, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand, same shape as <paramref name="x"/>.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/> or <paramref name="y"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Add<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Add(x.ReadOnlySpan, y.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x - y, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand, same shape as <paramref name="x"/>.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Subtract<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Subtract(x.ReadOnlySpan, y.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x * y, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand, same shape as <paramref name="x"/>.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Multiply<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Multiply(x.ReadOnlySpan, y.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x / y, elementwise (IEEE semantics: division by zero gives infinity or NaN).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The numerator.</param>
    /// <param name="y">The denominator, same shape as <paramref name="x"/>.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Divide<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Divide(x.ReadOnlySpan, y.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x + scalar, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor operand.</param>
    /// <param name="scalar">The scalar added to every element.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Add<T>(DenseTensor<T> x, T scalar, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Add(x.ReadOnlySpan, scalar, destination.Span);
    }

    /// <summary>destination = x * scalar, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The tensor operand.</param>
    /// <param name="scalar">The factor.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Multiply<T>(DenseTensor<T> x, T scalar, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Multiply(x.ReadOnlySpan, scalar, destination.Span);
    }

    /// <summary>destination = x * y + z, elementwise (fused where the hardware has it).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The first factor.</param>
    /// <param name="y">The second factor, same shape.</param>
    /// <param name="z">The addend, same shape.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void MultiplyAdd<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> z, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        ShapeGuard.Same(x, z, nameof(z));
        TensorPrimitives.FusedMultiplyAdd(x.ReadOnlySpan, y.ReadOnlySpan, z.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = -x, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Negate<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Negate(x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = tanh(x), elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Tanh<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Tanh(x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = 1 / (1 + exp(-x)), elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Sigmoid<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Sigmoid(x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = max(x, 0), elementwise (NaN stays NaN).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Relu<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Max(x.ReadOnlySpan, T.Zero, destination.Span);
    }

    /// <summary>destination = exp(x), elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Exp<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Exp(x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = ln(x), elementwise (IEEE semantics for x &lt;= 0).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Log<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Log(x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x², elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Square<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Multiply(x.ReadOnlySpan, x.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = |x|, elementwise.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <param name="destination">The result, same shape; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Abs<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Abs(x.ReadOnlySpan, destination.Span);
    }

    private static void CheckUnary<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        ShapeGuard.Same(x, destination, nameof(destination));
    }

    private static void CheckBinary<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        ShapeGuard.Same(x, y, nameof(y));
        ShapeGuard.Same(x, destination, nameof(destination));
    }
}
