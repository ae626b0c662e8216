namespace GenEft.Statics;

/// <summary>
/// Exact description lengths b = log2 C, C the number of relations in a class (GenEFT Section III: "for graphs
/// sampled uniformly from a class, b = log2 C"), computed in log space so n up to 10^6 never overflows.
/// The orbit form b = log2(n! / |Aut(G)|) for one concrete relation is <see cref="OrbitDescriptionLength"/>.
/// </summary>
public static class ExactDescriptionLength
{
    private static readonly double Ln2 = Math.Log(2);

    /// <summary>Symmetric relations: C = 2^(n(n+1)/2).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>log2 C.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Symmetric(int n) => DescriptionLength.Symmetric(n);

    /// <summary>Reflexive relations: C = 2^(n(n-1)).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>log2 C.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Reflexive(int n) => DescriptionLength.Reflexive(n);

    /// <summary>Antisymmetric relations: C = 2^n 3^(n(n-1)/2) (free diagonal; each unordered pair has 3 states).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>log2 C = n + n(n-1)/2 log2 3.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Antisymmetric(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n + n * (n - 1.0) / 2 * Math.Log2(3);
    }

    /// <summary>Total orders: C = n!.</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>log2 n!.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double TotalOrder(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return LogCombinatorics.LogFactorial(n) / Ln2;
    }

    /// <summary>
    /// Equivalence relations with exactly k classes: C = S(n, k), the Stirling number of the second kind.
    /// Exact (log-space recurrence, about 50 ns per cell) when (n - k + 1) k &lt;= 2 * 10^7; beyond that the
    /// saddle-point approximation, whose error there is about 0.12 / min(k, n - k) bits (at most about 0.006 bits
    /// for n &lt;= 10^6).
    /// </summary>
    /// <param name="n">Number of elements, n &gt;= 1.</param>
    /// <param name="classCount">k in [1, n].</param>
    /// <returns>log2 S(n, k).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 1 or <paramref name="classCount"/> outside [1, n].</exception>
    public static double Equivalence(int n, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, n);
        return LogCombinatorics.LogStirling2(n, classCount) / Ln2;
    }

    /// <summary>
    /// Equivalences whose class sizes are a given multiset s_1..s_k (the orbit of one equivalence under relabelling):
    /// C = n! / (prod s_i! * prod over distinct sizes of (multiplicity)!). The automorphisms of such an equivalence
    /// permute the elements within each class (prod s_i!) and swap whole classes of equal size (the multiplicities'
    /// factorials), so |Aut| = n! / C and this equals the orbit form log2(n! / |Aut|) of GenEFT Section III.
    /// </summary>
    /// <param name="classSizes">Positive class sizes.</param>
    /// <returns>log2 C.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classSizes"/> is null.</exception>
    /// <exception cref="ArgumentException">A class size is below 1.</exception>
    public static double EquivalenceWithClassSizes(IReadOnlyList<int> classSizes)
    {
        ArgumentNullException.ThrowIfNull(classSizes);
        if (classSizes.Any(s => s < 1)) throw new ArgumentException("Every class size must be >= 1.", nameof(classSizes));
        double log = LogCombinatorics.LogFactorial(classSizes.Sum(s => (long)s));
        foreach (int s in classSizes) log -= LogCombinatorics.LogFactorial(s);
        foreach (var group in classSizes.GroupBy(s => s)) log -= LogCombinatorics.LogFactorial(group.Count());
        return log / Ln2;
    }

    /// <summary>
    /// Complete bipartite relations on n elements with both parts non-empty: a relation fixes its split {S, S^c}
    /// only up to swapping the parts, so C = 2^(n-1) - 1.
    /// </summary>
    /// <param name="n">Number of elements, n &gt;= 2.</param>
    /// <returns>log2(2^(n-1) - 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 2.</exception>
    public static double CompleteBipartite(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        return n - 1 + Math.Log2(-AccurateMath.ExpM1(-(n - 1) * Ln2));
    }

    /// <summary>
    /// Complete bipartite relations K_{a, n-a} with parts of sizes a and n - a: C = binomial(n, a), halved when
    /// a = n - a; equal to log2(n! / |Aut|) with |Aut| = a! c! (times 2 when a = c), GenEFT Section III.
    /// </summary>
    /// <param name="n">Number of elements, n &gt;= 2.</param>
    /// <param name="partSize">a in [1, n - 1].</param>
    /// <returns>log2 C.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 2 or <paramref name="partSize"/> outside [1, n - 1].</exception>
    public static double CompleteBipartite(int n, int partSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partSize, n - 1);
        double log2 = LogCombinatorics.LogBinomial(n, partSize) / Ln2;
        return 2 * partSize == n ? log2 - 1 : log2;
    }
}
