using System.Numerics;

namespace GenEft.Tensors;

/// <summary>Shape validation shared by the public tensor entry points; messages name the parameter and the shapes.</summary>
internal static class ShapeGuard
{
    public static void NotNull<T>(DenseTensor<T>? tensor, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tensor is null)
        {
            throw new ArgumentNullException(paramName);
        }
    }

    public static void Same<T>(DenseTensor<T> expected, DenseTensor<T>? actual, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NotNull(actual, paramName);
        if (expected.Shape != actual!.Shape)
        {
            throw new ArgumentException($"Shape mismatch: {paramName} has shape {actual.Shape}, expected {expected.Shape}.", paramName);
        }
    }

    public static void Shape<T>(DenseTensor<T>? actual, TensorShape expected, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NotNull(actual, paramName);
        if (actual!.Shape != expected)
        {
            throw new ArgumentException($"Shape mismatch: {paramName} has shape {actual.Shape}, expected {expected}.", paramName);
        }
    }

    /// <summary>Like <see cref="Shape{T}(DenseTensor{T}?, TensorShape, string)"/> but without allocating the expected shape.</summary>
    public static void Shape<T>(DenseTensor<T>? actual, ReadOnlySpan<int> expected, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NotNull(actual, paramName);
        if (!actual!.Shape.Dims.SequenceEqual(expected))
        {
            throw new ArgumentException($"Shape mismatch: {paramName} has shape {actual.Shape}, expected {TensorShape.Format(expected)}.", paramName);
        }
    }

    public static void Rank<T>(DenseTensor<T>? actual, int rank, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NotNull(actual, paramName);
        if (actual!.Rank != rank)
        {
            throw new ArgumentException($"{paramName} must be rank {rank}; it has shape {actual.Shape}.", paramName);
        }
    }

    public static void NoAlias<T>(DenseTensor<T> destination, DenseTensor<T> source, string destinationName, string sourceName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ReferenceEquals(destination.Data, source.Data))
        {
            throw new ArgumentException($"{destinationName} must not share storage with {sourceName}.", destinationName);
        }
    }
}
