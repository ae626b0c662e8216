using FsCheck.Xunit;
using GenEft.Graphs;
using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class OrbitDescriptionLengthTests
{
    // Oracle: the orbit counted by applying all n! relabellings and deduplicating.
    [Property(MaxTest = 25)]
    public bool OrbitFormCountsTheDistinctRelabellings(int seed)
    {
        var rng = new Random(seed);
        int n = 3 + rng.Next(4);
        var relations = new[]
        {
            RelationSamplers.Generic(n, rng), RelationSamplers.Reflexive(n, rng), RelationSamplers.Symmetric(n, rng),
            RelationSamplers.Equivalence(n, 1 + rng.Next(n), rng), RelationSamplers.Tree(n, rng),
        };
        return relations.All(r => Math.Abs(Math.Log2(RelationEnumeration.Orbit(r).Count) - OrbitDescriptionLength.Of(r, cancellationToken: TestContext.Current.CancellationToken)) < 1e-9);
    }

    [Fact]
    public void ClosedFormsOfTable1Relations()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(ExactDescriptionLength.TotalOrder(30), OrbitDescriptionLength.Of(RelationGenerators.LessThan(30), AutomorphismSearch.Default, ct), 9);
        Assert.Equal(ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 10, 10, 10 }), OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(30, 3), cancellationToken: ct), 9);
        Assert.Equal(ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 7, 7, 6, 6, 6 }), OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(32, 5), cancellationToken: ct), 9);
        Assert.Equal(ExactDescriptionLength.CompleteBipartite(30, 15), OrbitDescriptionLength.Of(RelationGenerators.CompleteBipartite(30, 15), cancellationToken: ct), 9);
        Assert.Equal(ExactDescriptionLength.CompleteBipartite(30, 7), OrbitDescriptionLength.Of(RelationGenerators.CompleteBipartite(30, 7), cancellationToken: ct), 9);
    }

    [Fact]
    public void UsesTheEngineItIsGiven()
    {
        var engine = new CountingEngine();
        double b = OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(12, 4), engine, TestContext.Current.CancellationToken);
        Assert.Equal(1, engine.Calls);
        Assert.Equal(ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 3, 3, 3, 3 }), b, 9);
    }

    private sealed class CountingEngine : IAutomorphismEngine
    {
        public int Calls { get; private set; }

        public AutomorphismGroup Compute(Graph graph, CancellationToken cancellationToken = default)
        {
            Calls++;
            return AutomorphismSearch.Default.Compute(graph, cancellationToken);
        }
    }
}
