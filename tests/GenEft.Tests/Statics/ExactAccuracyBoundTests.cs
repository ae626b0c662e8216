using GenEft.Relations;
using GenEft.Statics;
using GenEft.Tests.Relations;
using Xunit;

namespace GenEft.Tests.Statics;

public class ExactAccuracyBoundTests
{
    /// <summary>Brute force: filter all 2^(n^2) relations by class membership and consistency; majority vote per entry.</summary>
    private static double BruteForceBayesAccuracy(int n, Func<Relation, bool> inClass, RelationSamples observed)
    {
        var consistent = AllRelations.On(n).Where(inClass)
            .Where(h => Enumerable.Range(0, observed.Count).All(t => h[observed.Left[t], observed.Right[t]] == (observed.Label[t] == 1)))
            .ToList();
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int ones = consistent.Count(h => h[i, j]);
                sum += (double)Math.Max(ones, consistent.Count - ones) / consistent.Count;
            }
        return sum / (n * n);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(0.4)]
    [InlineData(0.7)]
    public void EnumeratedClassesMatchBruteForceOverAllRelations(double fraction)
    {
        var order = RelationGenerators.LessThan(3);
        var equivalence = RelationGenerators.EqualityModulo(4, 2);
        var orderBound = new ExactAccuracyBound(order, RelationEnumeration.TotalOrders(3));
        var equivalenceBound = new ExactAccuracyBound(equivalence, RelationEnumeration.Equivalences(4, 2));
        for (int seed = 0; seed < 4; seed++)
        {
            var orderSample = new RelationDataset(order).Split(fraction, (ulong)seed).Train;
            Assert.Equal(BruteForceBayesAccuracy(3, r => r.IsStrictTotalOrder, orderSample), orderBound.Evaluate(orderSample, new Random(0)), 12);
            var equivalenceSample = new RelationDataset(equivalence).Split(fraction, (ulong)seed).Train;
            Assert.Equal(
                BruteForceBayesAccuracy(4, r => r.IsEquivalence && r.EquivalenceClassIndices().Max() == 1, equivalenceSample),
                equivalenceBound.Evaluate(equivalenceSample, new Random(0)), 12);
        }
    }

    [Fact]
    public void ThePapersThreeSymbolExampleGivesPStarOneThird()
    {
        // Given only x < y (x = 0, y = 1, z = 2): (x, z) and (y, z) are right with probability 2/3 each.
        var order = RelationGenerators.LessThan(3);
        var sample = new RelationSamples(new[] { 0 }, new[] { 1 }, new[] { 1 });
        double expected = (3 + 2 + 4 * (2.0 / 3)) / 9;
        Assert.Equal(expected, new ExactAccuracyBound(order, RelationEnumeration.TotalOrders(3)).Evaluate(sample, new Random(0)), 12);
        Assert.Equal(expected, new LinearExtensionAccuracyBound(order, 30_000).Evaluate(sample, new Random(1)), 2);
    }

    [Fact]
    public void NoDataGivesTheClassPriorAndAllDataGivesOne()
    {
        // mod 3 on 6 elements, orbit prior (classes of 2): P(i ~ j) = 1/5 for i != j, so 30 entries at 4/5.
        var relation = RelationGenerators.EqualityModulo(6, 3);
        var bound = new ExactAccuracyBound(relation, RelationEnumeration.Orbit(relation));
        Assert.Equal(15, bound.HypothesisCount);
        var none = new RelationSamples(Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>());
        Assert.Equal((6 + 30 * 0.8) / 36, bound.Evaluate(none, new Random(0)), 12);
        var all = new RelationDataset(relation).Split(1, 0).Train;
        Assert.Equal(1, bound.Evaluate(all, new Random(0)), 12);
    }

    [Fact]
    public void RejectsAClassWithoutTheTruth()
    {
        Assert.Equal("hypotheses", Assert.Throws<ArgumentException>(
            () => new ExactAccuracyBound(RelationGenerators.LessThan(3), RelationEnumeration.Equivalences(3, 2))).ParamName);
    }
}
