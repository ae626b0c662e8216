using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// A Monte Carlo estimate of the exact Bayes-optimal accuracy bound for an equivalence with any number of classes,
/// under a uniform prior over the orbit of the true relation (all partitions with the true class sizes), by
/// sequential importance sampling.
/// <para>
/// The training sample is closed under reflexivity, symmetry and transitivity (components of the known "same class"
/// pairs; known "different" pairs between components). Each of <see cref="AssignmentsPerSampling"/> trials assigns
/// the components, largest first, to k labelled classes with the true capacities, each time uniformly among the
/// classes that still have room and hold no component known to differ; the trial's weight is the product of the
/// numbers of choices (0 at a dead end), which makes the weighted trials an unbiased sample of the consistent
/// assignments. Classes after which the remaining component sizes cannot fill the capacities exactly (a memoized
/// packing check that ignores the "different" pairs) are never proposed. For two components the probability of sharing a class is the weighted fraction of trials in which
/// they do; the bound is then (sum of determined entries + sum max(p, 1 - p)) / n^2 as in GenEFT Appendix D.
/// </para>
/// <para>
/// Self-normalized importance sampling is consistent but biased for a finite number of trials, and its variance
/// grows when few trials carry most of the weight (many components, tight capacities); compare with
/// <see cref="ExactAccuracyBound"/> on small n (the tests do, n = 6 and 7) and with
/// <see cref="TwoClassExactAccuracyBound"/> for two classes. Unlike <see cref="CandidateClassAccuracyBound"/> it uses
/// no class labels and respects the class sizes.
/// </para>
/// </summary>
public sealed class EquivalenceImportanceSamplingBound : IAccuracyBound
{
    private readonly int[] _capacities;

    /// <summary>Prepares the estimator for an equivalence relation.</summary>
    /// <param name="relation">The true equivalence relation.</param>
    /// <param name="assignmentsPerSampling">Importance-sampling trials per training sample, &gt;= 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="ArgumentException">The relation is not an equivalence.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assignmentsPerSampling"/> &lt; 1.</exception>
    public EquivalenceImportanceSamplingBound(Relation relation, int assignmentsPerSampling = 10_000)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentOutOfRangeException.ThrowIfLessThan(assignmentsPerSampling, 1);
        if (!relation.IsEquivalence) throw new ArgumentException("The relation must be an equivalence.", nameof(relation));
        Relation = relation;
        AssignmentsPerSampling = assignmentsPerSampling;
        _capacities = relation.EquivalenceClassIndices().GroupBy(c => c).Select(g => g.Count()).ToArray();
    }

    /// <inheritdoc/>
    public Relation Relation { get; }

    /// <summary>Importance-sampling trials per training sample.</summary>
    public int AssignmentsPerSampling { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Fewer than <see cref="AssignmentsPerSampling"/> of 1000 times as many trials found a consistent assignment.</exception>
    public double Evaluate(RelationSamples observed, Random random)
    {
        int n = Relation.Size, k = _capacities.Length;
        ObservedSamples.Validate(observed, n, random);
        if (n == 0) return 1;

        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int t = 0; t < observed.Count; t++)
            if (observed.Label[t] == 1) parent[Find(observed.Left[t])] = Find(observed.Right[t]);

        // Components, largest and then most constrained first (fewer dead ends), and the known "different" pairs.
        var byRoot = new Dictionary<int, int>();
        var sizes = new List<int>();
        var componentOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!byRoot.TryGetValue(root, out int c)) { byRoot[root] = c = sizes.Count; sizes.Add(0); }
            sizes[c]++;
            componentOf[i] = c;
        }
        int r = sizes.Count;
        var differing = new HashSet<(int, int)>();
        for (int t = 0; t < observed.Count; t++)
            if (observed.Label[t] == 0) differing.Add((componentOf[observed.Left[t]], componentOf[observed.Right[t]]));
        var degree = new int[r];
        foreach (var (a, b) in differing) { degree[a]++; degree[b]++; }
        int[] order = Enumerable.Range(0, r).OrderByDescending(c => sizes[c]).ThenByDescending(c => degree[c]).ThenBy(c => c).ToArray();
        var rank = new int[r];
        for (int p = 0; p < r; p++) rank[order[p]] = p;
        var conflict = new bool[r * r];
        for (int t = 0; t < observed.Count; t++)
        {
            if (observed.Label[t] == 1) continue;
            int a = rank[componentOf[observed.Left[t]]], b = rank[componentOf[observed.Right[t]]];
            if (a == b) throw new ArgumentException("The sample is not consistent with an equivalence.", nameof(observed));
            conflict[a * r + b] = conflict[b * r + a] = true;
        }
        // Earlier components (in assignment order) that each component must avoid.
        var earlierConflicts = new int[r][];
        for (int p = 0; p < r; p++)
            earlierConflicts[p] = Enumerable.Range(0, p).Where(q => conflict[p * r + q]).ToArray();
        var open = new List<(int A, int B)>();
        for (int p = 0; p < r; p++)
            for (int q = p + 1; q < r; q++)
                if (!conflict[p * r + q]) open.Add((p, q));

        var packing = new CapacityPacking(order.Select(c => sizes[c]).ToArray(), _capacities);
        var together = new double[open.Count];
        double totalWeight = 0;
        var classOf = new int[r];
        var remaining = new int[k];
        var choices = new int[k];
        int successes = 0;
        for (long trial = 0; successes < AssignmentsPerSampling; trial++)
        {
            if (trial >= 1000L * AssignmentsPerSampling)
                throw new InvalidOperationException("Importance sampling found too few consistent class assignments.");
            _capacities.CopyTo(remaining, 0);
            double weight = 1;
            for (int p = 0; p < r && weight > 0; p++)
            {
                int size = sizes[order[p]], count = 0;
                for (int j = 0; j < k; j++)
                {
                    if (remaining[j] < size) continue;
                    bool clash = false;
                    foreach (int q in earlierConflicts[p]) if (classOf[q] == j) { clash = true; break; }
                    if (clash) continue;
                    // Skip classes after which the remaining components cannot fill the capacities exactly: they
                    // can only lead to dead ends, and leaving them out keeps the weights unbiased.
                    remaining[j] -= size;
                    bool packable = packing.CanComplete(p + 1, remaining);
                    remaining[j] += size;
                    if (packable) choices[count++] = j;
                }
                if (count == 0) { weight = 0; break; }
                int chosen = choices[random.Next(count)];
                classOf[p] = chosen;
                remaining[chosen] -= size;
                weight *= count;
            }
            if (weight == 0) continue;
            successes++;
            totalWeight += weight;
            for (int u = 0; u < open.Count; u++)
                if (classOf[open[u].A] == classOf[open[u].B]) together[u] += weight;
        }

        // Entries inside a component are 1, between known-different components 0; both determined.
        double sum = 0;
        foreach (int s in sizes) sum += (double)s * s;
        for (int p = 0; p < r; p++)
            for (int q = p + 1; q < r; q++)
                if (conflict[p * r + q]) sum += 2.0 * sizes[order[p]] * sizes[order[q]];
        for (int u = 0; u < open.Count; u++)
        {
            double pTogether = together[u] / totalWeight;
            sum += 2.0 * sizes[order[open[u].A]] * sizes[order[open[u].B]] * Math.Max(pTogether, 1 - pTogether);
        }
        return sum / ((double)n * n);
    }
}
