using System.Numerics;

namespace GenEft.Tensors;

public static partial class DenseTensor
{
    /// <summary>destination[i, :] = table[indices[i], :] (an embedding lookup).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="table">A rank-2 table [rows, width].</param>
    /// <param name="indices">Row indices, each in [0, rows).</param>
    /// <param name="destination">Rank-2 [indices.Length, width]; must not share storage with <paramref name="table"/>.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A shape is wrong, or <paramref name="destination"/> aliases <paramref name="table"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, rows).</exception>
    public static void GatherRows<T>(DenseTensor<T> table, ReadOnlySpan<int> indices, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.Rank(table, 2, nameof(table));
        ShapeGuard.Shape(destination, [indices.Length, table.Columns], nameof(destination));
        ShapeGuard.NoAlias(destination, table, nameof(destination), nameof(table));
        CheckIndices(indices, table.Rows, nameof(indices));
        int width = table.Columns;
        ReadOnlySpan<T> src = table.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            RowKernels.Put(src.Slice(indices[i] * width, width), dst.Slice(i * width, width), accumulate: false);
        }
    }

    /// <summary>destination[indices[i], :] += source[i, :] for every i (the gradient of <see cref="GatherRows{T}"/>); repeated indices accumulate.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">Rank-2 [indices.Length, width].</param>
    /// <param name="indices">Row indices into <paramref name="destination"/>, each in [0, rows).</param>
    /// <param name="destination">Rank-2 [rows, width], accumulated into; must not share storage with <paramref name="source"/>.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A shape is wrong, or the tensors alias.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, rows).</exception>
    public static void ScatterAddRows<T>(DenseTensor<T> source, ReadOnlySpan<int> indices, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.Rank(destination, 2, nameof(destination));
        ShapeGuard.Shape(source, [indices.Length, destination.Columns], nameof(source));
        ShapeGuard.NoAlias(destination, source, nameof(destination), nameof(source));
        CheckIndices(indices, destination.Rows, nameof(indices));
        int width = destination.Columns;
        ReadOnlySpan<T> src = source.ReadOnlySpan;
        Span<T> dst = destination.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            RowKernels.Put(src.Slice(i * width, width), dst.Slice(indices[i] * width, width), accumulate: true);
        }
    }

    /// <summary>Concatenates tensors along the last axis; all leading axes must agree.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="parts">The parts, at least one.</param>
    /// <param name="destination">The result, with last axis the sum of the parts' last axes; must not alias a part.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty, or a shape is wrong, or storage aliases.</exception>
    public static void ConcatLastAxis<T>(ReadOnlySpan<DenseTensor<T>> parts, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = CheckLastAxisParts(parts, destination, nameof(parts), nameof(destination));
        int width = destination.Columns;
        Span<T> dst = destination.Span;
        int column = 0;
        foreach (var part in parts)
        {
            int w = part.Columns;
            ReadOnlySpan<T> src = part.ReadOnlySpan;
            for (int r = 0; r < rows; r++)
            {
                src.Slice(r * w, w).CopyTo(dst.Slice((r * width) + column, w));
            }

            column += w;
        }
    }

    /// <summary>Splits <paramref name="source"/> along the last axis into <paramref name="parts"/> (the inverse of <see cref="ConcatLastAxis{T}"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The tensor to split.</param>
    /// <param name="parts">The destinations; their last axes must add up to the source's.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty, or a shape is wrong, or storage aliases.</exception>
    public static void SplitLastAxis<T>(DenseTensor<T> source, ReadOnlySpan<DenseTensor<T>> parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = CheckLastAxisParts(parts, source, nameof(parts), nameof(source));
        int width = source.Columns;
        ReadOnlySpan<T> src = source.ReadOnlySpan;
        int column = 0;
        foreach (var part in parts)
        {
            int w = part.Columns;
            Span<T> dst = part.Span;
            for (int r = 0; r < rows; r++)
            {
                src.Slice((r * width) + column, w).CopyTo(dst.Slice(r * w, w));
            }

            column += w;
        }
    }

    /// <summary>Swaps the last two axes: a matrix transpose for rank 2, a batch of transposes for rank 3.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">A rank-2 [m, n] or rank-3 [b, m, n] tensor.</param>
    /// <param name="destination">[n, m] or [b, n, m]; must not share storage with <paramref name="x"/>.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A rank or shape is wrong, or storage aliases.</exception>
    public static void Transpose<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeGuard.NotNull(x, nameof(x));
        if (x.Rank is not (2 or 3))
        {
            throw new ArgumentException($"x must be rank 2 or 3; it has shape {x.Shape}.", nameof(x));
        }

        int m = x.Shape.Dims[x.Rank - 2], n = x.Columns;
        int batch = x.Length / (m * n);
        ReadOnlySpan<int> expected = x.Rank == 2 ? [n, m] : [batch, n, m];
        ShapeGuard.Shape(destination, expected, nameof(destination));
        ShapeGuard.NoAlias(destination, x, nameof(destination), nameof(x));
        for (int b = 0; b < batch; b++)
        {
            TransposeKernel.Transpose(x.ReadOnlySpan.Slice(b * m * n, m * n), m, n, destination.Span.Slice(b * m * n, m * n));
        }
    }

    private static int CheckLastAxisParts<T>(ReadOnlySpan<DenseTensor<T>> parts, DenseTensor<T> whole, string partsName, string wholeName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parts.IsEmpty)
        {
            throw new ArgumentException("At least one part is needed.", partsName);
        }

        ShapeGuard.NotNull(whole, wholeName);
        int rows = whole.Length / whole.Columns;
        int total = 0;
        for (int p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            ShapeGuard.NotNull(part, partsName);
            bool leadingMatch = part.Rank == whole.Rank;
            for (int a = 0; leadingMatch && a < whole.Rank - 1; a++)
            {
                leadingMatch = part.Shape.Dims[a] == whole.Shape.Dims[a];
            }

            if (!leadingMatch)
            {
                throw new ArgumentException($"Shape mismatch: part {p} has shape {part.Shape}; its leading axes must match {wholeName}'s shape {whole.Shape}.", partsName);
            }

            ShapeGuard.NoAlias(whole, part, wholeName, partsName);
            total += part.Columns;
        }

        if (total != whole.Columns)
        {
            throw new ArgumentException($"Shape mismatch: the parts' last axes add up to {total}, but {wholeName} has shape {whole.Shape}.", wholeName);
        }

        return rows;
    }

    private static void CheckIndices(ReadOnlySpan<int> indices, int rows, string paramName)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(paramName, indices[i], $"Index {i} is {indices[i]}; indices must be in [0, {rows}).");
            }
        }
    }
}
