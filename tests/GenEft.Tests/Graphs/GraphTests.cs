using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

public class GraphTests
{
    [Fact]
    public void DuplicatesCollapseAndLoopsStay()
    {
        var g = Graph.FromEdges(3, new[] { (0, 1), (1, 0), (0, 1), (2, 2) }, directed: false);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(new[] { 1 }, g.OutNeighbors(0).ToArray());
        Assert.Equal(new[] { 2 }, g.OutNeighbors(2).ToArray());
        Assert.True(g.HasEdge(1, 0));
        Assert.True(g.HasEdge(2, 2));
        var d = Graph.FromEdges(3, new[] { (0, 1), (0, 1), (1, 0), (2, 2) }, directed: true);
        Assert.Equal(3, d.EdgeCount);
        Assert.Equal(new[] { 1 }, d.InNeighbors(0).ToArray());
        Assert.Equal(new[] { (0, 1), (1, 0), (2, 2) }, d.Edges());
    }

    [Fact]
    public void ColorsDefaultToZero()
    {
        var g = Graph.FromEdges(2, ReadOnlySpan<(int, int)>.Empty, false);
        Assert.Equal(0, g.Color(1));
        Assert.False(g.IsColored);
        var c = Graph.FromEdges(2, ReadOnlySpan<(int, int)>.Empty, false, new[] { 0, 5 });
        Assert.Equal(5, c.Color(1));
        Assert.True(c.IsColored);
    }

    [Fact]
    public void InvalidArgumentsThrowNamingTheParameter()
    {
        Assert.Equal("vertexCount", Assert.Throws<ArgumentOutOfRangeException>(() => Graph.FromEdges(-1, default, false)).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentOutOfRangeException>(() => Graph.FromEdges(2, new[] { (0, 2) }, false)).ParamName);
        Assert.Equal("vertexColors", Assert.Throws<ArgumentException>(() => Graph.FromEdges(2, default, false, new[] { 1 })).ParamName);
        var g = Graph.FromEdges(2, new[] { (0, 1) }, false);
        Assert.Equal("v", Assert.Throws<ArgumentOutOfRangeException>(() => g.OutNeighbors(2)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => g.HasEdge(0, -1)).ParamName);
        Assert.Equal("permutation", Assert.Throws<ArgumentException>(() => g.IsAutomorphism(new[] { 0 })).ParamName);
        Assert.Throws<ArgumentNullException>(() => AutomorphismSearch.Default.Compute(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ToRelationRejectsGraphsTooLargeForABitMatrixByName()
    {
        // A relation is a dense n x n bit matrix; 400,000 vertices would need 20 GB in one array.
        var e = Assert.Throws<ArgumentException>("graph", () => RelationGraphs.ToRelation(Graph.FromEdges(400_000, default, false)));
        Assert.Contains("400000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAutomorphismChecksEdgesColoursAndBijectivity()
    {
        var path = Graph.FromEdges(3, new[] { (0, 1), (1, 2) }, false);
        Assert.True(path.IsAutomorphism(new[] { 2, 1, 0 }));
        Assert.False(path.IsAutomorphism(new[] { 1, 0, 2 }));
        Assert.False(path.IsAutomorphism(new[] { 0, 0, 2 }));
        var colored = Graph.FromEdges(3, new[] { (0, 1), (1, 2) }, false, new[] { 1, 0, 0 });
        Assert.False(colored.IsAutomorphism(new[] { 2, 1, 0 }));
    }

    [Fact]
    public void CancellationStopsTheSearch()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AutomorphismSearch.Default.Compute(TestGraphs.Grid(30, 30), cts.Token));
    }

    [Fact]
    public void LargeSparseGraphBuildsInLinearMemory()
    {
        // 10^6 vertices, 3 * 10^6 edges: a ring with chords; must build quickly without quadratic memory.
        int n = 1_000_000;
        var edges = new (int, int)[3 * n];
        for (int v = 0; v < n; v++)
        {
            edges[3 * v] = (v, (v + 1) % n);
            edges[3 * v + 1] = (v, (v + 7) % n);
            edges[3 * v + 2] = (v, (v + 1000) % n);
        }
        var g = Graph.FromEdges(n, edges, false);
        Assert.Equal(3L * n, g.EdgeCount);
        Assert.Equal(6, g.OutDegree(12345));
    }
}
