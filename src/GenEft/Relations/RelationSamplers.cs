namespace GenEft.Relations;

/// <summary>
/// Seeded random relations from the classes of GenEFT Table 2. Every sampler takes a <see cref="Random"/>
/// (so the same seed gives the same relation) and documents the distribution it draws from.
/// </summary>
public static class RelationSamplers
{
    /// <summary>Generic: every one of the n^2 entries independently 1 with probability 1/2 (uniform over all 2^(n^2) relations).</summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Generic(int size, Random random)
    {
        Validate(size, random);
        return Relation.FromPredicate(size, (_, _) => random.Next(2) == 1);
    }

    /// <summary>Symmetric: uniform over the 2^(n(n+1)/2) symmetric relations (each entry with i &lt;= j a fair coin, mirrored).</summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Symmetric(int size, Random random)
    {
        Validate(size, random);
        var b = new RelationBuilder(size);
        for (int i = 0; i < size; i++)
            for (int j = i; j < size; j++)
                if (random.Next(2) == 1) { b.Add(i, j); b.Add(j, i); }
        return b.ToRelation();
    }

    /// <summary>
    /// Antisymmetric: uniform over the 2^n 3^(n(n-1)/2) antisymmetric relations: each diagonal entry a fair coin,
    /// each pair i &lt; j independently one of {neither, (i, j), (j, i)} with probability 1/3 each.
    /// </summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Antisymmetric(int size, Random random)
    {
        Validate(size, random);
        var b = new RelationBuilder(size);
        for (int i = 0; i < size; i++)
        {
            if (random.Next(2) == 1) b.Add(i, i);
            for (int j = i + 1; j < size; j++)
            {
                switch (random.Next(3))
                {
                    case 1: b.Add(i, j); break;
                    case 2: b.Add(j, i); break;
                }
            }
        }
        return b.ToRelation();
    }

    /// <summary>Reflexive: uniform over the 2^(n(n-1)) reflexive relations (diagonal 1, off-diagonal fair coins).</summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Reflexive(int size, Random random)
    {
        Validate(size, random);
        return Relation.FromPredicate(size, (i, j) => i == j || random.Next(2) == 1);
    }

    /// <summary>
    /// Transitive: the transitive closure of a random directed graph whose n(n-1) off-diagonal arcs are present
    /// independently with probability <paramref name="arcProbability"/> (no self-loops are added, but closure creates
    /// (i, i) when i lies on a cycle). Not uniform over transitive relations (no practical uniform sampler is known);
    /// small arc probabilities (about 1/n) give long chains, large ones give near-complete relations.
    /// </summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="arcProbability">Arc probability in [0, 1].</param>
    /// <param name="random">The random source.</param>
    /// <returns>A transitive relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or <paramref name="arcProbability"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Transitive(int size, double arcProbability, Random random)
    {
        Validate(size, random);
        if (!(arcProbability >= 0 && arcProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(arcProbability), arcProbability, "Must be in [0, 1].");
        var b = new RelationBuilder(size);
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                if (i != j && random.NextDouble() < arcProbability) b.Add(i, j);
        return TransitiveClosure.Of(b.ToRelation());
    }

    /// <summary>
    /// Equivalence with exactly k classes, uniform over the S(n, k) such relations (S = Stirling number of the second
    /// kind). Drawn exactly by the recurrence S(m, j) = j S(m-1, j) + S(m-1, j-1): element m opens a new class with
    /// probability S(m-1, j-1) / S(m, j), otherwise joins one of the j classes uniformly. Costs O(n k) time and memory.
    /// </summary>
    /// <param name="size">n &gt;= 1.</param>
    /// <param name="classCount">k in [1, n].</param>
    /// <param name="random">The random source.</param>
    /// <returns>An equivalence relation with exactly k classes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> &lt; 1 or <paramref name="classCount"/> outside [1, n], or n k &gt; 10^8.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Equivalence(int size, int classCount, Random random)
    {
        Validate(size, random);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, size);
        if ((long)size * classCount > 100_000_000)
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "n * k must be at most 10^8.");
        return RelationGenerators.FromClassLabels(UniformSetPartition.Sample(size, classCount, random));
    }

    /// <summary>Total order: (i, j) in R iff pi(i) &lt; pi(j) for a uniformly random permutation pi (uniform over the n! strict total orders).</summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>A strict total order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation TotalOrder(int size, Random random)
    {
        Validate(size, random);
        return RelationGenerators.FromRanks(RandomPermutation(size, random));
    }

    /// <summary>
    /// Complete bipartite: S is a uniformly random subset of size <paramref name="partSize"/> and (x, y) in R iff
    /// exactly one of x, y is in S (uniform over such relations).
    /// </summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="partSize">|S| in [0, n].</param>
    /// <param name="random">The random source.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or <paramref name="partSize"/> is outside [0, n].</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation CompleteBipartite(int size, int partSize, Random random)
    {
        Validate(size, random);
        ArgumentOutOfRangeException.ThrowIfNegative(partSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partSize, size);
        return RelationGenerators.FromPart(RandomSubset(size, partSize, random));
    }

    /// <summary>
    /// Incomplete bipartite with parts (S1, S2), |S1| = <paramref name="partSize"/>: S1 a uniformly random subset,
    /// S2 its complement, and each of the |S1||S2| cross pairs independently an (undirected, so symmetric) edge with
    /// probability 1/2: uniform over the 2^(|S1||S2|) bipartite graphs on a uniformly chosen split.
    /// </summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="partSize">|S1| in [0, n].</param>
    /// <param name="random">The random source.</param>
    /// <returns>A symmetric, irreflexive relation whose edges all cross the split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or <paramref name="partSize"/> is outside [0, n].</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation IncompleteBipartite(int size, int partSize, Random random)
    {
        Validate(size, random);
        ArgumentOutOfRangeException.ThrowIfNegative(partSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partSize, size);
        bool[] inS = RandomSubset(size, partSize, random);
        var b = new RelationBuilder(size);
        for (int i = 0; i < size; i++)
            for (int j = i + 1; j < size; j++)
                if (inS[i] != inS[j] && random.Next(2) == 1) { b.Add(i, j); b.Add(j, i); }
        return b.ToRelation();
    }

    /// <summary>
    /// Tree: the strict ancestor relation ((x, y) in R iff x is a proper ancestor of y) of a random recursive tree
    /// (node t attaches to a uniformly random earlier node) whose labels are then shuffled by a uniform permutation.
    /// The mean node depth grows like ln n.
    /// </summary>
    /// <param name="size">n &gt;= 0.</param>
    /// <param name="random">The random source.</param>
    /// <returns>A strict partial order whose Hasse diagram is a rooted tree.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static Relation Tree(int size, Random random)
    {
        Validate(size, random);
        var parent = new int[size];
        for (int t = 0; t < size; t++) parent[t] = t == 0 ? -1 : random.Next(t);
        int[] label = RandomPermutation(size, random);
        var b = new RelationBuilder(size);
        for (int t = 0; t < size; t++)
            for (int a = parent[t]; a >= 0; a = parent[a])
                b.Add(label[a], label[t]);
        return b.ToRelation();
    }

    internal static int[] RandomPermutation(int size, Random random)
    {
        var p = new int[size];
        for (int i = 0; i < size; i++) p[i] = i;
        random.Shuffle(p);
        return p;
    }

    private static bool[] RandomSubset(int size, int count, Random random)
    {
        int[] p = RandomPermutation(size, random);
        var inS = new bool[size];
        for (int i = 0; i < count; i++) inS[p[i]] = true;
        return inS;
    }

    private static void Validate(int size, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(random);
    }
}
