using System.Numerics;
using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>Graph families with known automorphism groups, built independently of the engine.</summary>
internal static class TestGraphs
{
    public static Graph Complete(int n)
    {
        var e = new List<(int, int)>();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) e.Add((i, j));
        return Graph.FromEdges(n, e.ToArray(), false);
    }

    public static Graph Cycle(int n)
    {
        var e = new List<(int, int)>();
        for (int i = 0; i < n; i++) e.Add((i, (i + 1) % n));
        return Graph.FromEdges(n, e.ToArray(), false);
    }

    public static Graph CompleteBipartite(int a, int c)
    {
        var e = new List<(int, int)>();
        for (int i = 0; i < a; i++) for (int j = 0; j < c; j++) e.Add((i, a + j));
        return Graph.FromEdges(a + c, e.ToArray(), false);
    }

    public static Graph Hypercube(int d)
    {
        int n = 1 << d;
        var e = new List<(int, int)>();
        for (int v = 0; v < n; v++) for (int b = 0; b < d; b++) if ((v >> b & 1) == 0) e.Add((v, v | 1 << b));
        return Graph.FromEdges(n, e.ToArray(), false);
    }

    public static Graph Petersen()
    {
        var e = new List<(int, int)>();
        for (int i = 0; i < 5; i++)
        {
            e.Add((i, (i + 1) % 5));
            e.Add((i, i + 5));
            e.Add((5 + i, 5 + (i + 2) % 5));
        }
        return Graph.FromEdges(10, e.ToArray(), false);
    }

    /// <summary>Paley graph on a prime q = 1 mod 4: x ~ y when x - y is a non-zero square.</summary>
    public static Graph Paley(int q)
    {
        var square = new bool[q];
        for (long x = 1; x < q; x++) square[x * x % q] = true;
        var e = new List<(int, int)>();
        for (int x = 0; x < q; x++) for (int y = x + 1; y < q; y++) if (square[(y - x) % q]) e.Add((x, y));
        return Graph.FromEdges(q, e.ToArray(), false);
    }

    public static Graph Grid(int rows, int cols, bool torus = false)
    {
        var e = new List<(int, int)>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                int v = r * cols + c;
                if (c + 1 < cols) e.Add((v, v + 1)); else if (torus) e.Add((v, r * cols));
                if (r + 1 < rows) e.Add((v, v + cols)); else if (torus) e.Add((v, c));
            }
        return Graph.FromEdges(rows * cols, e.ToArray(), false);
    }

    /// <summary>An equivalence relation as a graph: one clique with loops per class.</summary>
    public static Graph Equivalence(params int[] classSizes)
    {
        var e = new List<(int, int)>();
        int start = 0;
        foreach (int s in classSizes)
        {
            for (int i = 0; i < s; i++) for (int j = i; j < s; j++) e.Add((start + i, start + j));
            start += s;
        }
        return Graph.FromEdges(start, e.ToArray(), false);
    }

    public static Graph Relabel(Graph g, int[] perm)
    {
        var edges = g.Edges();
        var mapped = new (int, int)[edges.Length];
        for (int i = 0; i < edges.Length; i++) mapped[i] = (perm[edges[i].From], perm[edges[i].To]);
        var colors = new int[g.VertexCount];
        for (int v = 0; v < g.VertexCount; v++) colors[perm[v]] = g.Color(v);
        return Graph.FromEdges(g.VertexCount, mapped, g.IsDirected, colors);
    }

    public static int[] RandomPermutation(int n, Random rng)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        rng.Shuffle(p);
        return p;
    }

    public static BigInteger Factorial(int n)
    {
        BigInteger f = BigInteger.One;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /// <summary>Every generator is an automorphism, and the orbits are exactly those the generators induce.</summary>
    public static void AssertConsistent(Graph g, AutomorphismGroup group)
    {
        var reps = new int[g.VertexCount];
        for (int v = 0; v < reps.Length; v++) reps[v] = v;
        int Find(int v) { while (reps[v] != v) v = reps[v] = reps[reps[v]]; return v; }
        foreach (var p in group.Generators)
        {
            Assert.True(g.IsAutomorphism(p), "a generator is not an automorphism");
            for (int v = 0; v < p.Length; v++) { int a = Find(v), b = Find(p[v]); if (a != b) reps[Math.Max(a, b)] = Math.Min(a, b); }
        }
        for (int v = 0; v < g.VertexCount; v++)
        {
            int min = v;
            for (int u = 0; u < g.VertexCount; u++) if (Find(u) == Find(v)) { min = u; break; }
            Assert.Equal(min, group.OrbitRepresentatives[v]);
        }
        if (group.Generators.Count == 0) Assert.Equal(BigInteger.One, group.Order);
    }
}
