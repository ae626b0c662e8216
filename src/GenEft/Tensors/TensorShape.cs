using System.Runtime.CompilerServices;

namespace GenEft.Tensors;

/// <summary>
/// The shape of a dense, contiguous, row-major tensor: one positive size per axis, last axis fastest.
/// </summary>
/// <remarks>Immutable. Rank 0 is not supported: a scalar is a tensor of shape <c>[1]</c>.</remarks>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    private readonly int[]? _dims;

    /// <summary>Creates a shape from its axis sizes.</summary>
    /// <param name="dims">The size of each axis, outermost first; at least one axis, each size at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or the element count exceeds <see cref="Array.MaxLength"/>.</exception>
    public TensorShape(params ReadOnlySpan<int> dims)
    {
        if (dims.IsEmpty)
        {
            throw new ArgumentException("A tensor shape needs at least one axis.", nameof(dims));
        }

        long length = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(dims), dims[i], $"Axis {i} has size {dims[i]}; every axis size must be at least 1.");
            }

            length *= dims[i];
            if (length > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(dims), length, $"The shape {Format(dims)} has more than {Array.MaxLength} elements.");
            }
        }

        _dims = dims.ToArray();
        Length = (int)length;
    }

    /// <summary>The number of axes.</summary>
    public int Rank => _dims?.Length ?? 0;

    /// <summary>The number of elements: the product of the axis sizes.</summary>
    public int Length { get; }

    /// <summary>The axis sizes, outermost first.</summary>
    public ReadOnlySpan<int> Dims => _dims;

    /// <summary>The size of one axis; negative indices count from the last axis (-1 is the last).</summary>
    /// <param name="axis">An axis in [-Rank, Rank).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public int this[int axis] => Dims[NormalizeAxis(axis)];

    /// <summary>Maps an axis index in [-Rank, Rank) to [0, Rank).</summary>
    /// <param name="axis">The axis; negative values count from the end.</param>
    /// <returns>The non-negative axis index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [-Rank, Rank).</exception>
    public int NormalizeAxis(int axis)
    {
        int rank = Rank;
        int normalized = axis < 0 ? axis + rank : axis;
        if ((uint)normalized >= (uint)rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis must be in [{-rank}, {rank}) for shape {this}.");
        }

        return normalized;
    }

    /// <inheritdoc />
    public bool Equals(TensorShape other) => Dims.SequenceEqual(other.Dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in Dims)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats the shape as <c>[d0, d1, ...]</c>.</summary>
    /// <returns>The formatted shape.</returns>
    public override string ToString() => Format(Dims);

    /// <summary>Whether two shapes have the same axis sizes.</summary>
    /// <param name="left">The first shape.</param>
    /// <param name="right">The second shape.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    /// <summary>Whether two shapes differ.</summary>
    /// <param name="left">The first shape.</param>
    /// <param name="right">The second shape.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    internal static string Format(ReadOnlySpan<int> dims) => "[" + string.Join(", ", dims.ToArray()) + "]";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Dim(int axis) => _dims![axis];
}
