using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>Laws of Aut(G) on random graphs: relabelling invariance, orbit transport, preprocessing neutrality.</summary>
public class AutomorphismPropertyTests
{
    private static Graph RandomGraph(int seed, bool directed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 40);
        double p = rng.NextDouble() * 0.3;
        var edges = new List<(int, int)>();
        for (int u = 0; u < n; u++)
            for (int v = directed ? 0 : u; v < n; v++)
                if (rng.NextDouble() < p) edges.Add((u, v));
        // Add symmetric structure often: copies of a small block make large groups.
        int copies = rng.Next(1, 4);
        var all = new List<(int, int)>();
        for (int c = 0; c < copies; c++) foreach (var (a, b) in edges) all.Add((a + c * n, b + c * n));
        var colors = new int[n * copies];
        for (int v = 0; v < colors.Length; v++) colors[v] = rng.Next(4) == 0 ? 1 : 0;
        for (int c = 1; c < copies; c++) for (int v = 0; v < n; v++) colors[c * n + v] = colors[v];
        return Graph.FromEdges(n * copies, all.ToArray(), directed, colors);
    }

    [Property(MaxTest = 150)]
    public bool RelabellingPreservesOrderAndTransportsOrbits(int seed, bool directed)
    {
        var g = RandomGraph(seed, directed);
        var perm = TestGraphs.RandomPermutation(g.VertexCount, new Random(seed ^ 0x5eed));
        var h = TestGraphs.Relabel(g, perm);
        var a = AutomorphismSearch.Default.Compute(g);
        var b = AutomorphismSearch.Default.Compute(h);
        if (a.Order != b.Order || a.OrbitCount != b.OrbitCount) return false;
        // u ~ v in G iff perm(u) ~ perm(v) in H.
        for (int u = 0; u < g.VertexCount; u++)
        {
            int v = a.OrbitRepresentatives[u];
            if (b.OrbitRepresentatives[perm[u]] != b.OrbitRepresentatives[perm[v]]) return false;
        }
        return true;
    }

    [Property(MaxTest = 150)]
    public bool PreprocessingDoesNotChangeTheGroup(int seed, bool directed)
    {
        var g = RandomGraph(seed, directed);
        var plain = new AutomorphismSearch(new AutomorphismSearchOptions { RemoveTwins = false, RemovePendantTrees = false, SplitComponents = false }).Compute(g);
        var full = AutomorphismSearch.Default.Compute(g);
        foreach (var p in full.Generators) if (!g.IsAutomorphism(p)) return false;
        return plain.Order == full.Order && plain.OrbitRepresentatives.SequenceEqual(full.OrbitRepresentatives);
    }

    [Property(MaxTest = 60)]
    public bool GroupOrderMatchesBruteForceOnTinyGraphs(int seed, bool directed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 7);
        var edges = new List<(int, int)>();
        for (int u = 0; u < n; u++) for (int v = 0; v < n; v++) if (rng.Next(3) == 0) edges.Add((u, v));
        var colors = new int[n];
        for (int v = 0; v < n; v++) colors[v] = rng.Next(2);
        var g = Graph.FromEdges(n, edges.ToArray(), directed, colors);
        long count = 0;
        foreach (var p in Permutations(n)) if (g.IsAutomorphism(p)) count++;
        return AutomorphismSearch.Default.Compute(g).Order == count;
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        while (true)
        {
            yield return (int[])p.Clone();
            int k = n - 2;
            while (k >= 0 && p[k] > p[k + 1]) k--;
            if (k < 0) yield break;
            int l = n - 1;
            while (p[l] < p[k]) l--;
            (p[k], p[l]) = (p[l], p[k]);
            Array.Reverse(p, k + 1, n - k - 1);
        }
    }
}
