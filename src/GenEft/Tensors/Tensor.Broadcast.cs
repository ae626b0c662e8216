using System.Numerics;

namespace GenEft.Tensors;

public static partial class Tensor
{
    /// <summary>destination[r, :] = x[r, :] + row for every row r (a bias add).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>; leading axes are rows.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void AddRow<T>(Tensor<T> x, Tensor<T> row, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowBroadcast(x, row, destination);
        ReadOnlySpan<T> r = row.ReadOnlySpan;
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int offset = 0; offset < src.Length; offset += r.Length)
        {
            TensorPrimitives.Add(src.Slice(offset, r.Length), r, dst.Slice(offset, r.Length));
        }
    }

    /// <summary>destination[r, :] = x[r, :] - row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void SubtractRow<T>(Tensor<T> x, Tensor<T> row, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowBroadcast(x, row, destination);
        ReadOnlySpan<T> r = row.ReadOnlySpan;
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int offset = 0; offset < src.Length; offset += r.Length)
        {
            TensorPrimitives.Subtract(src.Slice(offset, r.Length), r, dst.Slice(offset, r.Length));
        }
    }

    /// <summary>destination[r, :] = x[r, :] * row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void MultiplyRow<T>(Tensor<T> x, Tensor<T> row, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowBroadcast(x, row, destination);
        ReadOnlySpan<T> r = row.ReadOnlySpan;
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int offset = 0; offset < src.Length; offset += r.Length)
        {
            TensorPrimitives.Multiply(src.Slice(offset, r.Length), r, dst.Slice(offset, r.Length));
        }
    }

    /// <summary>destination[r, :] = x[r, :] / row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void DivideRow<T>(Tensor<T> x, Tensor<T> row, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowBroadcast(x, row, destination);
        ReadOnlySpan<T> r = row.ReadOnlySpan;
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int offset = 0; offset < src.Length; offset += r.Length)
        {
            TensorPrimitives.Divide(src.Slice(offset, r.Length), r, dst.Slice(offset, r.Length));
        }
    }

    private static void CheckRowBroadcast<T>(Tensor<T> x, Tensor<T> row, Tensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        ShapeGuard.Rank(row, 1, nameof(row));
        if (row.Length != x.Columns)
        {
            throw new ArgumentException($"Shape mismatch: row has shape {row.Shape} but x has shape {x.Shape}; the row length must equal x's last axis.", nameof(row));
        }

        ShapeGuard.Same(x, destination, nameof(destination));
    }
}
