using FsCheck.Xunit;
using GenEft.Graphs;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationGraphsTests
{
    [Property(MaxTest = 60)]
    public bool RelationToGraphAndBackIsTheIdentity(int seed, byte sizeByte)
    {
        int n = sizeByte % 70;
        var rng = new Random(seed);
        return new[] { RelationSamplers.Generic(n, rng), RelationSamplers.Reflexive(n, rng), RelationSamplers.Tree(n, rng) }
            .All(r => RelationGraphs.ToRelation(RelationGraphs.ToGraph(r)).Equals(r));
    }

    [Fact]
    public void SelfLoopsBecomeVertexColoursAndOtherPairsArcs()
    {
        var r = new RelationBuilder(3).Add(0, 0).Add(0, 1).Add(2, 1).ToRelation();
        var g = RelationGraphs.ToGraph(r);
        Assert.True(g.IsDirected);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(new[] { 1, 0, 0 }, new[] { g.Color(0), g.Color(1), g.Color(2) });
        Assert.True(g.HasEdge(0, 1) && g.HasEdge(2, 1) && !g.HasEdge(1, 0));
    }

    [Fact]
    public void UndirectedEdgesGiveSymmetricPairs()
    {
        var g = Graph.FromEdges(3, new[] { (0, 1), (1, 2) }, directed: false);
        var r = RelationGraphs.ToRelation(g);
        Assert.True(r.IsSymmetric && r.IsIrreflexive);
        Assert.Equal(4, r.PairCount);
    }
}
