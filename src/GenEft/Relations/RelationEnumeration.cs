namespace GenEft.Relations;

/// <summary>
/// Every member of a relation class on a small set, each once: the hypothesis classes of the exact
/// Bayes-optimal accuracy bound. Sizes are capped so an enumeration cannot run away (n! or S(n, k) grows fast).
/// </summary>
public static class RelationEnumeration
{
    /// <summary>The largest n accepted by the permutation-based enumerations (10! = 3628800).</summary>
    public const int MaxPermutationSize = 10;

    /// <summary>All n! strict total orders on n elements ((i, j) in R iff rank(i) &lt; rank(j)).</summary>
    /// <param name="n">Number of elements in [0, 10].</param>
    /// <returns>The orders, lazily.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is outside [0, 10].</exception>
    public static IEnumerable<Relation> TotalOrders(int n)
    {
        CheckPermutationSize(n);
        return Permutations(n).Select(RelationGenerators.FromRanks);
    }

    /// <summary>
    /// All S(n, k) equivalences with exactly k classes, from restricted growth strings (a[0] = 0, a[i] &lt;= 1 + max a[0..i)).
    /// </summary>
    /// <param name="n">Number of elements in [1, 16].</param>
    /// <param name="classCount">k in [1, n].</param>
    /// <returns>The equivalences, lazily.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> outside [1, 16] or <paramref name="classCount"/> outside [1, n].</exception>
    public static IEnumerable<Relation> Equivalences(int n, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, n);
        return Iterate();

        IEnumerable<Relation> Iterate()
        {
            var labels = new int[n];
            foreach (var _ in Grow(labels, 1, 1))
                yield return RelationGenerators.FromClassLabels(labels);
        }

        IEnumerable<bool> Grow(int[] labels, int index, int used)
        {
            if (index == n)
            {
                if (used == classCount) yield return true;
                yield break;
            }
            // Enough room left to open the missing classes?
            if (classCount - used > n - index) yield break;
            for (int c = 0; c <= Math.Min(used, classCount - 1); c++)
            {
                labels[index] = c;
                foreach (var done in Grow(labels, index + 1, Math.Max(used, c + 1))) yield return done;
            }
        }
    }

    /// <summary>All complete bipartite relations on n elements with both parts non-empty (2^(n-1) - 1 of them).</summary>
    /// <param name="n">Number of elements in [2, 20].</param>
    /// <returns>The relations, lazily.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is outside [2, 20].</exception>
    public static IEnumerable<Relation> CompleteBipartite(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 20);
        // Element n-1 is never in S, so each split {S, S^c} appears once.
        for (int mask = 1; mask < 1 << (n - 1); mask++)
        {
            int m = mask;
            yield return RelationGenerators.FromPart(Enumerable.Range(0, n).Select(x => (m >> x & 1) != 0).ToArray());
        }
    }

    /// <summary>
    /// The orbit of a relation under relabelling: every distinct relation isomorphic to it (n! / |Aut| of them).
    /// </summary>
    /// <param name="relation">The relation, n in [0, 10].</param>
    /// <returns>The distinct relabellings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n is above 10.</exception>
    public static IReadOnlyList<Relation> Orbit(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        if (relation.Size > MaxPermutationSize)
            throw new ArgumentOutOfRangeException(nameof(relation), relation.Size, $"n must be at most {MaxPermutationSize}.");
        var seen = new HashSet<Relation>();
        var result = new List<Relation>();
        foreach (int[] p in Permutations(relation.Size))
        {
            var image = relation.Relabel(p);
            if (seen.Add(image)) result.Add(image);
        }
        return result;
    }

    /// <summary>All permutations of 0..n-1 in lexicographic order (a fresh array each).</summary>
    internal static IEnumerable<int[]> Permutations(int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        while (true)
        {
            yield return (int[])p.Clone();
            int i = n - 2;
            while (i >= 0 && p[i] > p[i + 1]) i--;
            if (i < 0) yield break;
            int j = n - 1;
            while (p[j] < p[i]) j--;
            (p[i], p[j]) = (p[j], p[i]);
            Array.Reverse(p, i + 1, n - i - 1);
        }
    }

    private static void CheckPermutationSize(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxPermutationSize);
    }
}
