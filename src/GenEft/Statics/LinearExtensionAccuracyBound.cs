using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// The Monte Carlo bound for total orders (GenEFT Appendix D, "Total Orderings"): the training sample is closed
/// under antisymmetry, totality and transitivity (a known 1 at (i, j) means i before j, a known 0 at i != j means
/// j before i; the diagonal is 0); every comparable pair of the resulting partial order is determined; for each
/// incomparable pair p_u is the fraction of <see cref="OrderingsPerSampling"/> linear extensions, drawn exactly
/// uniformly by <see cref="LinearExtensionSampler"/>, that put i before j; bound = (#determined + sum max(p_u, 1 - p_u)) / n^2.
/// When the closed poset is too wide for exact counting (a comparability component above 63 elements or more than
/// <see cref="LinearExtensionSampler.DefaultMaxDownSets"/> down-sets: large n with sparse samples), the orderings
/// come from <see cref="LinearExtensionMarkovChain"/> instead (approximately uniform, correlated draws).
/// With a uniform prior over the n! total orders this converges to the exact Bayes-optimal bound as the number of
/// orderings grows (it is biased upwards by E|p_u - p̂_u| at most).
/// </summary>
public sealed class LinearExtensionAccuracyBound : IAccuracyBound
{
    /// <summary>Prepares the bound for a strict total order (e.g. the GenEFT greater-than relation).</summary>
    /// <param name="relation">A strict total order.</param>
    /// <param name="orderingsPerSampling">Linear extensions drawn per training sample, &gt;= 1 (the paper used 1000).</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="ArgumentException">The relation is not a strict total order.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orderingsPerSampling"/> &lt; 1.</exception>
    public LinearExtensionAccuracyBound(Relation relation, int orderingsPerSampling = 1000)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentOutOfRangeException.ThrowIfLessThan(orderingsPerSampling, 1);
        if (!relation.IsStrictTotalOrder)
            throw new ArgumentException("The relation must be a strict total order.", nameof(relation));
        Relation = relation;
        OrderingsPerSampling = orderingsPerSampling;
    }

    /// <inheritdoc/>
    public Relation Relation { get; }

    /// <summary>The number of linear extensions drawn per training sample.</summary>
    public int OrderingsPerSampling { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The sample contradicts every total order.</exception>
    public double Evaluate(RelationSamples observed, Random random)
    {
        int n = Relation.Size;
        ObservedSamples.Validate(observed, n, random);
        var before = new RelationBuilder(n);
        for (int t = 0; t < observed.Count; t++)
        {
            int l = observed.Left[t], r = observed.Right[t];
            if (l == r) continue;
            if (observed.Label[t] == 1) before.Add(l, r); else before.Add(r, l);
        }
        var poset = TransitiveClosure.Of(before.ToRelation());
        if (!poset.IsIrreflexive) throw new ArgumentException("The sample is not consistent with any total order.", nameof(observed));

        var undetermined = new List<(int A, int B)>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (!poset.Get(i, j) && !poset.Get(j, i)) undetermined.Add((i, j));
        if (undetermined.Count == 0) return 1;

        Action<int[]> draw;
        try
        {
            var sampler = new LinearExtensionSampler(poset);
            draw = positions => sampler.Sample(random, positions);
        }
        catch (PosetTooWideException)
        {
            var chain = new LinearExtensionMarkovChain(poset, random);
            draw = positions => chain.Sample(positions);
        }
        var positions = new int[n];
        var firstBefore = new int[undetermined.Count];
        var pairs = undetermined.ToArray();
        for (int s = 0; s < OrderingsPerSampling; s++)
        {
            draw(positions);
            for (int u = 0; u < pairs.Length; u++)
                if (positions[pairs[u].A] < positions[pairs[u].B]) firstBefore[u]++;
        }
        // Each unordered pair is two entries, (i, j) and (j, i), with probabilities p and 1 - p.
        double sum = (double)n * n - 2.0 * pairs.Length;
        foreach (int count in firstBefore)
        {
            double p = (double)count / OrderingsPerSampling;
            sum += 2 * Math.Max(p, 1 - p);
        }
        return sum / ((double)n * n);
    }
}
