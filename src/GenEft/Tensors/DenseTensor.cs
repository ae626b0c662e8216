using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenEft.Tensors;

/// <summary>
/// A dense, contiguous, row-major tensor of <typeparamref name="T"/> (<see cref="float"/> for training,
/// <see cref="double"/> for gradient checks and analytic code).
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>
/// The shape is fixed at creation; <see cref="Reshape(ReadOnlySpan{int})"/> returns a view that shares the
/// storage. Operations live on the static <see cref="DenseTensor"/> class and write into a destination the
/// caller owns, so steady-state code allocates nothing.
/// </remarks>
public sealed partial class DenseTensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;

    private DenseTensor(T[] data, TensorShape shape)
    {
        _data = data;
        Shape = shape;
    }

    /// <summary>The tensor's shape.</summary>
    public TensorShape Shape { get; }

    /// <summary>The number of axes.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The number of elements.</summary>
    public int Length => Shape.Length;

    /// <summary>The elements in row-major order, writable.</summary>
    public Span<T> Span => _data.AsSpan(0, Shape.Length);

    /// <summary>The elements in row-major order, read-only.</summary>
    public ReadOnlySpan<T> ReadOnlySpan => new(_data, 0, Shape.Length);

    /// <summary>The number of rows of a rank-2 tensor (its first axis).</summary>
    public int Rows => Shape.Dim(0);

    /// <summary>The size of the last axis.</summary>
    public int Columns => Shape.Dim(Shape.Rank - 1);

    /// <summary>Element <paramref name="index"/> in row-major order.</summary>
    /// <param name="index">A flat index in [0, <see cref="Length"/>).</param>
    public ref T this[int index] => ref _data[CheckFlat(index)];

    /// <summary>Element (<paramref name="i"/>, <paramref name="j"/>) of a rank-2 tensor.</summary>
    /// <param name="i">Row index.</param>
    /// <param name="j">Column index.</param>
    /// <exception cref="InvalidOperationException">The tensor is not rank 2.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is out of range.</exception>
    public ref T this[int i, int j]
    {
        get
        {
            RequireRank(2);
            CheckIndex(i, 0);
            CheckIndex(j, 1);
            return ref _data[(i * Shape.Dim(1)) + j];
        }
    }

    /// <summary>Element (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>) of a rank-3 tensor.</summary>
    /// <param name="i">Index on axis 0.</param>
    /// <param name="j">Index on axis 1.</param>
    /// <param name="k">Index on axis 2.</param>
    /// <exception cref="InvalidOperationException">The tensor is not rank 3.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is out of range.</exception>
    public ref T this[int i, int j, int k]
    {
        get
        {
            RequireRank(3);
            CheckIndex(i, 0);
            CheckIndex(j, 1);
            CheckIndex(k, 2);
            return ref _data[(((i * Shape.Dim(1)) + j) * Shape.Dim(2)) + k];
        }
    }

    /// <summary>A new tensor of zeros.</summary>
    /// <param name="dims">The axis sizes (each at least 1).</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static DenseTensor<T> Zeros(params ReadOnlySpan<int> dims) => Zeros(new TensorShape(dims));

    /// <summary>A new tensor of zeros.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is the default (rank 0) shape.</exception>
    public static DenseTensor<T> Zeros(TensorShape shape)
    {
        if (shape.Rank == 0)
        {
            throw new ArgumentException("The shape has no axes; use a shape of at least rank 1.", nameof(shape));
        }

        return new DenseTensor<T>(new T[shape.Length], shape);
    }

    /// <summary>A new tensor filled with <paramref name="value"/>.</summary>
    /// <param name="value">The fill value.</param>
    /// <param name="dims">The axis sizes (each at least 1).</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static DenseTensor<T> Full(T value, params ReadOnlySpan<int> dims)
    {
        var t = Zeros(dims);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A new tensor holding a copy of <paramref name="values"/> in row-major order.</summary>
    /// <param name="values">The elements; their count must equal the product of <paramref name="dims"/>.</param>
    /// <param name="dims">The axis sizes (each at least 1).</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentException">The element count does not match the shape, or <paramref name="dims"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static DenseTensor<T> FromSpan(ReadOnlySpan<T> values, params ReadOnlySpan<int> dims)
    {
        var shape = new TensorShape(dims);
        if (values.Length != shape.Length)
        {
            throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Length} elements).", nameof(values));
        }

        var t = new DenseTensor<T>(new T[shape.Length], shape);
        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>A new rank-2 tensor from a rectangular array.</summary>
    /// <param name="values">The matrix; at least 1 x 1.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension of <paramref name="values"/> is 0.</exception>
    public static DenseTensor<T> FromArray(T[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), cols = values.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"The matrix is {rows} x {cols}; both dimensions must be at least 1.");
        }

        var t = Zeros(rows, cols);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                t._data[(i * cols) + j] = values[i, j];
            }
        }

        return t;
    }

    /// <summary>A view of the same elements with another shape of equal length; writes show through.</summary>
    /// <param name="dims">The new axis sizes; their product must equal <see cref="Length"/>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentException">The new shape has a different element count.</exception>
    public DenseTensor<T> Reshape(params ReadOnlySpan<int> dims)
    {
        var shape = new TensorShape(dims);
        if (shape.Length != Length)
        {
            throw new ArgumentException($"Cannot reshape {Shape} ({Length} elements) to {shape} ({shape.Length} elements).", nameof(dims));
        }

        return new DenseTensor<T>(_data, shape);
    }

    /// <summary>A deep copy.</summary>
    /// <returns>A new tensor with the same shape and elements.</returns>
    public DenseTensor<T> Clone() => new((T[])_data.Clone(), Shape);

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same shape.</summary>
    /// <param name="destination">The target tensor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void CopyTo(DenseTensor<T> destination)
    {
        ShapeGuard.Same(this, destination, nameof(destination));
        ReadOnlySpan.CopyTo(destination.Span);
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    /// <param name="value">The fill value.</param>
    public void Fill(T value) => Span.Fill(value);

    /// <summary>Row <paramref name="row"/> of a rank-2 tensor (or of the leading axes flattened, for higher rank).</summary>
    /// <param name="row">A row in [0, Length / Columns).</param>
    /// <returns>The row's elements, writable.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is out of range.</exception>
    public Span<T> Row(int row)
    {
        int cols = Columns;
        int rows = Length / cols;
        if ((uint)row >= (uint)rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {rows}) for shape {Shape}.");
        }

        return _data.AsSpan(row * cols, cols);
    }

    /// <summary>Formats the shape and, for small tensors, the elements.</summary>
    /// <returns>A short description.</returns>
    public override string ToString()
    {
        const int MaxShown = 16;
        var shown = string.Join(", ", _data.Take(Math.Min(MaxShown, Length)));
        return $"DenseTensor<{typeof(T).Name}>{Shape} {{{shown}{(Length > MaxShown ? ", ..." : string.Empty)}}}";
    }

    /// <summary>The backing array (length exactly <see cref="Length"/>), for kernels.</summary>
    internal T[] Data => _data;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CheckFlat(int index)
    {
        if ((uint)index >= (uint)Shape.Length)
        {
            ThrowIndex(index, Shape.Length);
        }

        return index;
    }

    private void RequireRank(int rank)
    {
        if (Shape.Rank != rank)
        {
            throw new InvalidOperationException($"This indexer needs a rank-{rank} tensor; the tensor has shape {Shape}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckIndex(int index, int axis)
    {
        if ((uint)index >= (uint)Shape.Dim(axis))
        {
            ThrowIndex(index, Shape.Dim(axis));
        }
    }

    private static void ThrowIndex(int index, int size) =>
        throw new IndexOutOfRangeException($"Index {index} is outside [0, {size}).");
}
