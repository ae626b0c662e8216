using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>destination[r, :] = x[r, :] + row for every row r (a bias add).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>; leading axes are rows.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void AddRow<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BroadcastRow(x, row, destination, RowOperation.Add);

    /// <summary>destination[r, :] = x[r, :] - row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void SubtractRow<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BroadcastRow(x, row, destination, RowOperation.Subtract);

    /// <summary>destination[r, :] = x[r, :] * row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void MultiplyRow<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BroadcastRow(x, row, destination, RowOperation.Multiply);

    /// <summary>destination[r, :] = x[r, :] / row for every row r.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A tensor whose last axis has the length of <paramref name="row"/>.</param>
    /// <param name="row">A rank-1 tensor.</param>
    /// <param name="destination">The result, shape of <paramref name="x"/>; may be <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static void DivideRow<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BroadcastRow(x, row, destination, RowOperation.Divide);

    private enum RowOperation
    {
        Add,
        Subtract,
        Multiply,
        Divide,
    }

    private static void BroadcastRow<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination, RowOperation operation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowBroadcast(x, row, destination);
        ReadOnlySpan<T> r = row.ReadOnlySpan;
        ReadOnlySpan<T> src = x.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int offset = 0; offset < src.Length; offset += r.Length)
        {
            ReadOnlySpan<T> s = src.Slice(offset, r.Length);
            Span<T> d = dst.Slice(offset, r.Length);
            switch (operation)
            {
                case RowOperation.Add:
                    TensorPrimitives.Add(s, r, d);
                    break;
                case RowOperation.Subtract:
                    TensorPrimitives.Subtract(s, r, d);
                    break;
                case RowOperation.Multiply:
                    TensorPrimitives.Multiply(s, r, d);
                    break;
                default:
                    TensorPrimitives.Divide(s, r, d);
                    break;
            }
        }
    }

    private static void CheckRowBroadcast<T>(DenseTensor<T> x, DenseTensor<T> row, DenseTensor<T> destination)
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
