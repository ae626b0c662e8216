using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>destination = (1 - y²) · gradient, elementwise: the backward of <see cref="Tanh{T}"/> given its output y.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="y">The forward output tanh(x).</param>
    /// <param name="gradient">The upstream gradient, same shape.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void TanhBackward<T>(DenseTensor<T> y, DenseTensor<T> gradient, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBackward(y, gradient, destination, nameof(y));
        FusedElementwise.Binary<TanhBackwardOperator, T>(y.ReadOnlySpan, gradient.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = y · (1 - y) · gradient, elementwise: the backward of <see cref="Sigmoid{T}"/> given its output y.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="y">The forward output sigmoid(x).</param>
    /// <param name="gradient">The upstream gradient, same shape.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void SigmoidBackward<T>(DenseTensor<T> y, DenseTensor<T> gradient, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBackward(y, gradient, destination, nameof(y));
        FusedElementwise.Binary<SigmoidBackwardOperator, T>(y.ReadOnlySpan, gradient.ReadOnlySpan, destination.Span);
    }

    /// <summary>destination = x &gt; 0 ? gradient : 0, elementwise: the backward of <see cref="Relu{T}"/> given its input x (NaN in x gives 0).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The forward input.</param>
    /// <param name="gradient">The upstream gradient, same shape.</param>
    /// <param name="destination">The result, same shape; may alias an input.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void ReluBackward<T>(DenseTensor<T> x, DenseTensor<T> gradient, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBackward(x, gradient, destination, nameof(x));
        FusedElementwise.Binary<ReluBackwardOperator, T>(x.ReadOnlySpan, gradient.ReadOnlySpan, destination.Span);
    }

    /// <summary>y = y + alpha · x, elementwise (BLAS axpy; gradient accumulation and optimizer updates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="alpha">The scale of <paramref name="x"/>.</param>
    /// <param name="x">The tensor added.</param>
    /// <param name="y">The accumulator, same shape, updated in place; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Axpy<T>(T alpha, DenseTensor<T> x, DenseTensor<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        ShapeGuard.Same(x, y, nameof(y));
        TensorPrimitives.FusedMultiplyAdd(x.ReadOnlySpan, alpha, y.ReadOnlySpan, y.Span);
    }

    private static void CheckBackward<T>(DenseTensor<T> forward, DenseTensor<T> gradient, DenseTensor<T> destination, string forwardName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(forward, forwardName);
        ShapeGuard.Same(forward, gradient, nameof(gradient));
        ShapeGuard.Same(forward, destination, nameof(destination));
    }
}
