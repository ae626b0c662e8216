namespace GenEft.Relations;

/// <summary>
/// A mutable n x n boolean matrix that becomes an immutable <see cref="Relation"/> through
/// <see cref="ToRelation"/>. The builder can be reused after <see cref="ToRelation"/>: the relation gets a copy.
/// </summary>
public sealed class RelationBuilder
{
    private readonly ulong[] _bits;
    private readonly int _words;

    /// <summary>Starts the empty relation on n elements.</summary>
    /// <param name="size">Number of elements n, n &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or n * ceil(n / 64) overflows an array.</exception>
    public RelationBuilder(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _words = Relation.WordsFor(size);
        long length = (long)size * _words;
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The bit matrix must fit in one array (n <= about 370000).");
        Size = size;
        _bits = new ulong[length];
    }

    /// <summary>Starts from a copy of an existing relation.</summary>
    /// <param name="relation">The relation to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public RelationBuilder(Relation relation) : this((relation ?? throw new ArgumentNullException(nameof(relation))).Size)
    {
        for (int i = 0; i < Size; i++) relation.Row(i).CopyTo(_bits.AsSpan(i * _words, _words));
    }

    /// <summary>The number of elements n.</summary>
    public int Size { get; }

    /// <summary>Reads or writes whether (i, j) is in the relation.</summary>
    /// <param name="i">Left element in [0, n).</param>
    /// <param name="j">Right element in [0, n).</param>
    /// <exception cref="ArgumentOutOfRangeException">i or j is outside [0, n).</exception>
    public bool this[int i, int j]
    {
        get
        {
            Check(i, j);
            return (_bits[i * _words + (j >> 6)] >> (j & 63) & 1UL) != 0;
        }
        set
        {
            Check(i, j);
            ref ulong word = ref _bits[i * _words + (j >> 6)];
            ulong mask = 1UL << (j & 63);
            word = value ? word | mask : word & ~mask;
        }
    }

    /// <summary>Adds the pair (i, j).</summary>
    /// <param name="i">Left element in [0, n).</param>
    /// <param name="j">Right element in [0, n).</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">i or j is outside [0, n).</exception>
    public RelationBuilder Add(int i, int j)
    {
        this[i, j] = true;
        return this;
    }

    /// <summary>Freezes a copy of the current matrix.</summary>
    /// <returns>The immutable relation.</returns>
    public Relation ToRelation() => new(Size, (ulong[])_bits.Clone());

    private void Check(int i, int j)
    {
        if ((uint)i >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(i), i, $"Must be in [0, {Size}).");
        if ((uint)j >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(j), j, $"Must be in [0, {Size}).");
    }
}
