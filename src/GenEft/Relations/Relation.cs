using System.Numerics;

namespace GenEft.Relations;

/// <summary>
/// An immutable binary relation R on the elements 0..n-1, stored as a bit-packed n x n boolean matrix
/// (one row of <c>ceil(n / 64)</c> <see cref="ulong"/> words per element). <c>R[i, j]</c> is true when
/// (i, j) is in R. Build one with <see cref="RelationBuilder"/>, <see cref="FromPredicate"/>, the Table 1
/// generators in <see cref="RelationGenerators"/> or the Table 2 samplers in <see cref="RelationSamplers"/>
/// (GenEFT Section II).
/// </summary>
public sealed class Relation : IEquatable<Relation>
{
    private readonly ulong[] _bits;

    internal Relation(int size, ulong[] bits)
    {
        Size = size;
        WordsPerRow = WordsFor(size);
        _bits = bits;
    }

    /// <summary>The number of elements n (the matrix is n x n).</summary>
    public int Size { get; }

    internal int WordsPerRow { get; }

    internal ReadOnlySpan<ulong> Row(int i) => _bits.AsSpan(i * WordsPerRow, WordsPerRow);

    internal static int WordsFor(int size) => (size + 63) >> 6;

    /// <summary>Whether (i, j) is in the relation.</summary>
    /// <param name="i">Left element, 0 &lt;= i &lt; <see cref="Size"/>.</param>
    /// <param name="j">Right element, 0 &lt;= j &lt; <see cref="Size"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">i or j is outside [0, Size).</exception>
    public bool this[int i, int j]
    {
        get
        {
            CheckIndex(i, nameof(i));
            CheckIndex(j, nameof(j));
            return Get(i, j);
        }
    }

    internal bool Get(int i, int j) => (_bits[i * WordsPerRow + (j >> 6)] >> (j & 63) & 1UL) != 0;

    /// <summary>The number of pairs in the relation (ones in the matrix).</summary>
    public long PairCount
    {
        get
        {
            long count = 0;
            foreach (ulong w in _bits) count += BitOperations.PopCount(w);
            return count;
        }
    }

    /// <summary>Builds the relation {(i, j) : <paramref name="contains"/>(i, j)} on n elements.</summary>
    /// <param name="size">Number of elements n, n &gt;= 0.</param>
    /// <param name="contains">Membership predicate, called once per pair.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="contains"/> is null.</exception>
    public static Relation FromPredicate(int size, Func<int, int, bool> contains)
    {
        ArgumentNullException.ThrowIfNull(contains);
        var builder = new RelationBuilder(size);
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                if (contains(i, j)) builder.Add(i, j);
        return builder.ToRelation();
    }

    /// <summary>Every pair (i, i): reflexive.</summary>
    public bool IsReflexive
    {
        get
        {
            for (int i = 0; i < Size; i++) if (!Get(i, i)) return false;
            return true;
        }
    }

    /// <summary>No pair (i, i): irreflexive.</summary>
    public bool IsIrreflexive
    {
        get
        {
            for (int i = 0; i < Size; i++) if (Get(i, i)) return false;
            return true;
        }
    }

    /// <summary>(i, j) in R implies (j, i) in R.</summary>
    public bool IsSymmetric => AllOffDiagonalPairs((a, b) => a == b);

    /// <summary>(i, j) and (j, i) in R imply i = j.</summary>
    public bool IsAntisymmetric => AllOffDiagonalPairs((a, b) => !(a && b));

    /// <summary>Every two distinct elements are comparable: (i, j) or (j, i) in R for all i != j.</summary>
    public bool IsTotal => AllOffDiagonalPairs((a, b) => a || b);

    /// <summary>(i, j) and (j, k) in R imply (i, k) in R. Costs O(n^3 / 64).</summary>
    public bool IsTransitive
    {
        get
        {
            // R is transitive iff row(i) contains row(j) for every j in row(i).
            for (int i = 0; i < Size; i++)
            {
                var rowI = Row(i);
                for (int j = 0; j < Size; j++)
                {
                    if (!Get(i, j)) continue;
                    var rowJ = Row(j);
                    for (int w = 0; w < WordsPerRow; w++)
                        if ((rowJ[w] & ~rowI[w]) != 0) return false;
                }
            }
            return true;
        }
    }

    /// <summary>Reflexive, symmetric and transitive.</summary>
    public bool IsEquivalence => IsReflexive && IsSymmetric && IsTransitive;

    /// <summary>Reflexive, antisymmetric and transitive (a non-strict partial order).</summary>
    public bool IsPartialOrder => IsReflexive && IsAntisymmetric && IsTransitive;

    /// <summary>Irreflexive and transitive (a strict partial order, e.g. &lt;).</summary>
    public bool IsStrictPartialOrder => IsIrreflexive && IsTransitive;

    /// <summary>A partial order that is total (e.g. &lt;=).</summary>
    public bool IsTotalOrder => IsPartialOrder && IsTotal;

    /// <summary>A strict partial order that is total (e.g. &lt;, <see cref="RelationGenerators.LessThan"/>: the GenEFT Table 1 "greater-than" relation).</summary>
    public bool IsStrictTotalOrder => IsStrictPartialOrder && IsTotal;

    /// <summary>
    /// The classes of an equivalence relation: <c>result[i]</c> is the class index of element i, classes
    /// numbered 0, 1, ... in order of their smallest element.
    /// </summary>
    /// <returns>The class index of every element.</returns>
    /// <exception cref="InvalidOperationException">The relation is not an equivalence.</exception>
    public int[] EquivalenceClassIndices()
    {
        if (!IsEquivalence) throw new InvalidOperationException("The relation is not an equivalence relation.");
        var label = new int[Size];
        Array.Fill(label, -1);
        int next = 0;
        for (int i = 0; i < Size; i++)
        {
            if (label[i] >= 0) continue;
            for (int j = i; j < Size; j++) if (Get(i, j)) label[j] = next;
            next++;
        }
        return label;
    }

    /// <summary>The relation with the elements renamed: (perm[i], perm[j]) is in the result iff (i, j) is in this one.</summary>
    /// <param name="permutation">A permutation of 0..n-1.</param>
    /// <returns>The relabelled relation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="permutation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="permutation"/> is not a permutation of 0..n-1.</exception>
    public Relation Relabel(IReadOnlyList<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        if (permutation.Count != Size)
            throw new ArgumentException($"Expected a permutation of length {Size}, got {permutation.Count}.", nameof(permutation));
        var seen = new bool[Size];
        foreach (int p in permutation)
        {
            if ((uint)p >= (uint)Size || seen[p])
                throw new ArgumentException($"Not a permutation of 0..{Size - 1}.", nameof(permutation));
            seen[p] = true;
        }
        var builder = new RelationBuilder(Size);
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
                if (Get(i, j)) builder.Add(permutation[i], permutation[j]);
        return builder.ToRelation();
    }

    /// <summary>The converse relation R^T: (j, i) is in the result iff (i, j) is in this one (the transposed matrix).</summary>
    /// <returns>The converse; <c>r.Converse().Converse()</c> equals <c>r</c>.</returns>
    public Relation Converse()
    {
        var builder = new RelationBuilder(Size);
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
                if (Get(i, j)) builder.Add(j, i);
        return builder.ToRelation();
    }

    /// <inheritdoc/>
    public bool Equals(Relation? other) =>
        other is not null && other.Size == Size && _bits.AsSpan().SequenceEqual(other._bits);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Relation);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Size);
        foreach (ulong w in _bits) hash.Add(w);
        return hash.ToHashCode();
    }

    /// <summary>The matrix as rows of 0/1 characters separated by newlines.</summary>
    /// <returns>A human-readable matrix.</returns>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder(Size * (Size + 1));
        for (int i = 0; i < Size; i++)
        {
            for (int j = 0; j < Size; j++) sb.Append(Get(i, j) ? '1' : '0');
            if (i < Size - 1) sb.Append('\n');
        }
        return sb.ToString();
    }

    private bool AllOffDiagonalPairs(Func<bool, bool, bool> holds)
    {
        for (int i = 0; i < Size; i++)
            for (int j = i + 1; j < Size; j++)
                if (!holds(Get(i, j), Get(j, i))) return false;
        return true;
    }

    private void CheckIndex(int index, string name)
    {
        if ((uint)index >= (uint)Size)
            throw new ArgumentOutOfRangeException(name, index, $"Must be in [0, {Size}).");
    }
}
