using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class TwoClassExactAccuracyBoundTests
{
    public static TheoryData<Relation> TwoClassRelations() => new()
    {
        RelationGenerators.EqualityModulo(7, 2),          // parts 4 + 3
        RelationGenerators.EqualityModulo(6, 2),          // equal parts: each split counted twice
        RelationGenerators.CompleteBipartite(7, 2),
        RelationGenerators.CompleteBipartite(6, 3),
        Relation.FromPredicate(5, (_, _) => true),        // one class
    };

    // Oracle: enumeration of every relabelling of the true relation (ExactAccuracyBound over the orbit).
    [Theory]
    [MemberData(nameof(TwoClassRelations))]
    public void MatchesEnumerationOverTheOrbit(Relation relation)
    {
        var dynamic = new TwoClassExactAccuracyBound(relation);
        var enumerated = new ExactAccuracyBound(relation, RelationEnumeration.Orbit(relation));
        var dataset = new RelationDataset(relation);
        foreach (double fraction in new[] { 0.0, 0.05, 0.1, 0.2, 0.35, 0.6, 1.0 })
            for (int seed = 0; seed < 15; seed++)
            {
                var sample = dataset.Split(fraction, (ulong)seed).Train;
                Assert.Equal(enumerated.Evaluate(sample, new Random(0)), dynamic.Evaluate(sample, new Random(0)), 12);
            }
    }

    [Fact]
    public void NoDataAtNThirtyMatchesTheHypergeometricClosedForm()
    {
        // Parts 15 + 15, nothing observed: two given elements share a part with probability 14/29.
        var bound = new TwoClassExactAccuracyBound(RelationGenerators.CompleteBipartite(30, 15));
        var none = new RelationSamples(Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>());
        Assert.Equal((30 + 870 * (15.0 / 29)) / 900, bound.Evaluate(none, new Random(0)), 12);
    }

    [Fact]
    public void RejectsRelationsWithMoreThanTwoClasses()
    {
        Assert.Equal("relation", Assert.Throws<ArgumentException>(() => new TwoClassExactAccuracyBound(RelationGenerators.EqualityModulo(6, 3))).ParamName);
        Assert.Equal("relation", Assert.Throws<ArgumentException>(() => new TwoClassExactAccuracyBound(RelationGenerators.LessThan(4))).ParamName);
    }
}
