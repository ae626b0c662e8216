using System.Numerics;
using GenEft.Graphs;
using Xunit;
using static GenEft.Tests.Graphs.TestGraphs;

namespace GenEft.Tests.Graphs;

public class ClosedFormTests
{
    public static TheoryData<AutomorphismSearchOptions> Engines => new()
    {
        new AutomorphismSearchOptions(),
        new AutomorphismSearchOptions { RemoveTwins = false, RemovePendantTrees = false, SplitComponents = false },
    };

    private static AutomorphismGroup Check(Graph g, BigInteger expected, AutomorphismSearchOptions options)
    {
        var group = new AutomorphismSearch(options).Compute(g, TestContext.Current.CancellationToken);
        Assert.Equal(expected, group.Order);
        Assert.Equal(Math.Log2((double)expected), group.Log2Order, 9);
        AssertConsistent(g, group);
        return group;
    }

    [Theory, MemberData(nameof(Engines))]
    public void CompleteGraphHasOrderNFactorial(AutomorphismSearchOptions options)
    {
        foreach (int n in new[] { 0, 1, 2, 3, 5, 9, 17 })
        {
            var group = Check(Complete(n), Factorial(n), options);
            Assert.Equal(Math.Min(n, 1), group.OrbitCount);
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public void CycleHasOrderTwoN(AutomorphismSearchOptions options)
    {
        foreach (int n in new[] { 3, 4, 5, 8, 13, 64, 101 })
            Assert.Equal(1, Check(Cycle(n), 2 * n, options).OrbitCount);
    }

    [Theory, MemberData(nameof(Engines))]
    public void CompleteBipartiteHasOrderAFactorialCFactorial(AutomorphismSearchOptions options)
    {
        foreach (var (a, c) in new[] { (1, 1), (1, 4), (2, 3), (3, 3), (5, 7), (6, 6), (12, 9) })
        {
            var expected = Factorial(a) * Factorial(c) * (a == c ? 2 : 1);
            Assert.Equal(a == c ? 1 : 2, Check(CompleteBipartite(a, c), expected, options).OrbitCount);
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public void HypercubeHasOrderTwoToTheDTimesDFactorial(AutomorphismSearchOptions options)
    {
        for (int d = 1; d <= 7; d++) Check(Hypercube(d), (BigInteger.One << d) * Factorial(d), options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void PetersenHasOrder120(AutomorphismSearchOptions options) => Check(Petersen(), 120, options);

    [Theory, MemberData(nameof(Engines))]
    public void PaleyHasOrderQTimesQMinusOneOverTwo(AutomorphismSearchOptions options)
    {
        // For prime q, Aut(Paley(q)) = {x -> a x^s + b : a square}, of order q (q - 1) / 2 (Carlitz 1960).
        foreach (int q in new[] { 5, 13, 17, 29, 37, 41, 101 })
            Check(Paley(q), (BigInteger)q * (q - 1) / 2, options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void GridHasTheSymmetriesOfItsRectangle(AutomorphismSearchOptions options)
    {
        Check(Grid(1, 1), 1, options);
        Check(Grid(1, 7), 2, options);
        Check(Grid(3, 5), 4, options);
        Check(Grid(6, 6), 8, options);
        Check(Grid(9, 4), 4, options);
        // The m x n torus (m, n >= 5, m != n) is the product of two cycles: order (2m)(2n).
        Check(Grid(5, 7, torus: true), 2 * 5 * 2 * 7, options);
        Check(Grid(6, 6, torus: true), 2 * (2 * 6) * (2 * 6), options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void EquivalenceRelationHasProductOfFactorials(AutomorphismSearchOptions options)
    {
        // Product of class-size factorials times the factorials of the multiplicities of equal sizes.
        Check(Equivalence(3), Factorial(3), options);
        Check(Equivalence(2, 2, 2), 8 * Factorial(3), options);
        Check(Equivalence(1, 1, 4, 4, 3), 2 * Factorial(4) * Factorial(4) * 2 * Factorial(3), options);
        Check(Equivalence(5, 1, 5, 1, 5), Factorial(5) * Factorial(5) * Factorial(5) * Factorial(3) * 2, options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void DirectedCycleHasOrderN(AutomorphismSearchOptions options)
    {
        foreach (int n in new[] { 2, 3, 7, 20 })
        {
            var e = new (int, int)[n];
            for (int i = 0; i < n; i++) e[i] = (i, (i + 1) % n);
            Check(Graph.FromEdges(n, e, directed: true), n, options);
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public void TransitiveTournamentIsRigid(AutomorphismSearchOptions options)
    {
        var e = new List<(int, int)>();
        for (int i = 0; i < 9; i++) for (int j = i + 1; j < 9; j++) e.Add((i, j));
        Check(Graph.FromEdges(9, e.ToArray(), directed: true), 1, options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void ColorsRestrictTheGroup(AutomorphismSearchOptions options)
    {
        var colors = new[] { 1, 0, 0, 0, 0, 0 };
        var g = Graph.FromEdges(6, Complete(6).Edges(), false, colors);
        Check(g, Factorial(5), options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void StarOfPathsHasOrderKFactorial(AutomorphismSearchOptions options)
    {
        // k paths of length 3 glued at a centre: the branches permute freely.
        int k = 6, len = 3;
        var e = new List<(int, int)>();
        for (int b = 0; b < k; b++)
            for (int i = 0; i < len; i++) e.Add((i == 0 ? 0 : 1 + b * len + i - 1, 1 + b * len + i));
        Check(Graph.FromEdges(1 + k * len, e.ToArray(), false), Factorial(k), options);
    }

    [Theory, MemberData(nameof(Engines))]
    public void DisjointCopiesMultiplyAndPermute(AutomorphismSearchOptions options)
    {
        // k relabelled copies of Petersen: 120^k k!; plus two 5-cycles and a rigid 6-vertex tree-free part.
        var parts = new List<Graph> { Petersen(), Cycle(5), Petersen(), Cycle(5), Petersen(), Cycle(7) };
        var edges = new List<(int, int)>();
        int offset = 0;
        foreach (var part in parts)
        {
            foreach (var (a, b) in part.Edges()) edges.Add((a + offset, b + offset));
            offset += part.VertexCount;
        }
        var g = Relabel(Graph.FromEdges(offset, edges.ToArray(), false), RandomPermutation(offset, new Random(7)));
        var expected = BigInteger.Pow(120, 3) * Factorial(3) * BigInteger.Pow(10, 2) * 2 * 14;
        Assert.Equal(3, Check(g, expected, options).OrbitCount);
    }

    [Theory, MemberData(nameof(Engines))]
    public void NonIsomorphicComponentsWithEqualInvariantsAreNotSwapped(AutomorphismSearchOptions options)
    {
        // C6 and two disjoint triangles are both 2-regular on 6 vertices: refinement cannot tell them apart.
        var edges = new List<(int, int)>();
        for (int i = 0; i < 6; i++) edges.Add((i, (i + 1) % 6));
        edges.AddRange(new[] { (6, 7), (7, 8), (8, 6), (9, 10), (10, 11), (11, 9), (12, 13), (13, 14), (14, 15), (15, 16), (16, 17), (17, 12) });
        var g = Graph.FromEdges(18, edges.ToArray(), false);
        // Two hexagons (12 each, swappable: x2) and two triangles (6 each, swappable: x2).
        Check(g, 12 * 12 * 2 * 6 * 6 * 2, options);
    }
}
