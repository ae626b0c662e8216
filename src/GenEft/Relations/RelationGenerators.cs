namespace GenEft.Relations;

/// <summary>The deterministic relations of GenEFT Table 1.</summary>
public static class RelationGenerators
{
    /// <summary>Equality modulo k: (x, y) in R iff x = y (mod k). An equivalence with min(k, n) classes.</summary>
    /// <param name="size">Number of elements n &gt;= 0.</param>
    /// <param name="modulus">k &gt;= 1.</param>
    /// <returns>The relation "x = y mod k" on 0..n-1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or <paramref name="modulus"/> &lt; 1.</exception>
    public static Relation EqualityModulo(int size, int modulus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(modulus, 1);
        var labels = new int[size];
        for (int i = 0; i < size; i++) labels[i] = i % modulus;
        return FromClassLabels(labels);
    }

    /// <summary>
    /// The strict order "x &lt; y": (x, y) in R iff x &lt; y. This is the relation GenEFT Table 1 calls
    /// "greater-than" (the paper defines it as "(x, y) in R iff x &lt; y"); its converse, x &gt; y, is
    /// <c>LessThan(n).Converse()</c>. Both are strict total orders and isomorphic (relabel i as n - 1 - i), so every
    /// statics quantity (description length, critical fraction, accuracy bounds) is the same for the two.
    /// </summary>
    /// <param name="size">Number of elements n &gt;= 0.</param>
    /// <returns>The relation on 0..n-1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static Relation LessThan(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var ranks = new int[size];
        for (int i = 0; i < size; i++) ranks[i] = i;
        return FromRanks(ranks);
    }

    /// <summary>
    /// The GenEFT Table 1 "greater-than" relation under its old name: (x, y) in R iff x &lt; y, the same relation as
    /// <see cref="LessThan"/>. The name suggested x &gt; y, hence the rename.
    /// </summary>
    /// <param name="size">Number of elements n &gt;= 0.</param>
    /// <returns>The relation on 0..n-1 (identical to <see cref="LessThan"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    [Obsolete("GreaterThan holds for x < y (GenEFT Table 1's convention). Call LessThan(n), the same relation; for x > y call LessThan(n).Converse().")]
    public static Relation GreaterThan(int size) => LessThan(size);

    /// <summary>
    /// The complete bipartite relation with parts S and its complement: (x, y) in R iff exactly one of x, y is in S.
    /// </summary>
    /// <param name="size">Number of elements n &gt;= 0.</param>
    /// <param name="part">The elements of S (duplicates allowed), each in [0, n).</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="part"/> is null.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="part"/> is outside [0, n).</exception>
    public static Relation CompleteBipartite(int size, IEnumerable<int> part)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(part);
        var inS = new bool[size];
        foreach (int x in part)
        {
            if ((uint)x >= (uint)size) throw new ArgumentException($"Element {x} is outside [0, {size}).", nameof(part));
            inS[x] = true;
        }
        return FromPart(inS);
    }

    /// <summary>The complete bipartite relation with S = {0, ..., a-1} (the first a elements).</summary>
    /// <param name="size">Number of elements n &gt;= 0.</param>
    /// <param name="partSize">a, 0 &lt;= a &lt;= n.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or <paramref name="partSize"/> is outside [0, n].</exception>
    public static Relation CompleteBipartite(int size, int partSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(partSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partSize, size);
        return CompleteBipartite(size, Enumerable.Range(0, partSize));
    }

    internal static Relation FromClassLabels(int[] labels)
    {
        int n = labels.Length;
        var builder = new RelationBuilder(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (labels[i] == labels[j]) builder.Add(i, j);
        return builder.ToRelation();
    }

    /// <summary>(i, j) in R iff rank[i] &lt; rank[j].</summary>
    internal static Relation FromRanks(int[] ranks)
    {
        int n = ranks.Length;
        var builder = new RelationBuilder(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (ranks[i] < ranks[j]) builder.Add(i, j);
        return builder.ToRelation();
    }

    internal static Relation FromPart(bool[] inS)
    {
        int n = inS.Length;
        var builder = new RelationBuilder(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (inS[i] != inS[j]) builder.Add(i, j);
        return builder.ToRelation();
    }
}
