using GenEft.Relations;

namespace GenEft.Tests.Statics;

internal static class Posets
{
    /// <summary>A random strict partial order: the transitive closure of random arcs i -> j with i &lt; j (relabelled).</summary>
    public static Relation Random(int n, double density, Random random)
    {
        var b = new RelationBuilder(n);
        var label = Enumerable.Range(0, n).ToArray();
        random.Shuffle(label);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (random.NextDouble() < density) b.Add(label[i], label[j]);
        // Closure by repeated squaring of the small matrix (oracle-independent of the library's closure).
        var m = new bool[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] = b[i, j];
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] |= m[i, k] && m[k, j];
        return Relation.FromPredicate(n, (i, j) => m[i, j]);
    }

    /// <summary>Brute force: every permutation (as positions) that respects the order.</summary>
    public static List<int[]> LinearExtensions(Relation order)
    {
        int n = order.Size;
        var result = new List<int[]>();
        foreach (var p in RelationEnumeration.Permutations(n))
        {
            bool ok = true;
            for (int i = 0; i < n && ok; i++)
                for (int j = 0; j < n && ok; j++)
                    if (order[i, j] && p[i] > p[j]) ok = false;
            if (ok) result.Add(p);
        }
        return result;
    }

    /// <summary>The strict order a training sample of a strict total order implies (closed by Warshall on a bool matrix).</summary>
    public static Relation ClosedTrainingSample(Relation totalOrder, double fraction, int seed)
    {
        int n = totalOrder.Size;
        var sample = new RelationDataset(totalOrder).Split(fraction, (ulong)seed).Train;
        var m = new bool[n, n];
        for (int t = 0; t < sample.Count; t++)
        {
            int l = sample.Left[t], r = sample.Right[t];
            if (l == r) continue;
            if (sample.Label[t] == 1) m[l, r] = true; else m[r, l] = true;
        }
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] |= m[i, k] && m[k, j];
        return Relation.FromPredicate(n, (i, j) => m[i, j]);
    }
}
