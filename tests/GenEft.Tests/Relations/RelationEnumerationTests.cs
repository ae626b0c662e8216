using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationEnumerationTests
{
    // Oracle: all 2^(n^2) relations filtered by the property checks (themselves tested against known counts).
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void EnumerationsEqualTheFilteredBruteForceSets(int n)
    {
        var all = AllRelations.On(n).ToList();
        for (int k = 1; k <= n; k++)
        {
            var expected = all.Where(r => r.IsEquivalence && r.EquivalenceClassIndices().Max() + 1 == k).ToHashSet();
            var enumerated = RelationEnumeration.Equivalences(n, k).ToList();
            Assert.Equal(expected.Count, enumerated.Count);
            Assert.True(expected.SetEquals(enumerated));
        }
        var orders = RelationEnumeration.TotalOrders(n).ToList();
        Assert.Equal(orders.Count, orders.Distinct().Count());
        Assert.True(all.Where(r => r.IsStrictTotalOrder).ToHashSet().SetEquals(orders));
        var bipartite = RelationEnumeration.CompleteBipartite(n).ToList();
        Assert.Equal((1 << (n - 1)) - 1, bipartite.Distinct().Count());
        Assert.All(bipartite, r => Assert.True(r.IsSymmetric && r.IsIrreflexive && r.PairCount > 0));
    }

    [Fact]
    public void OrbitSizeIsNFactorialOverAut()
    {
        // mod 2 on 6 elements: |Aut| = 3! 3! 2! = 72, so 720 / 72 = 10 relabellings.
        Assert.Equal(10, RelationEnumeration.Orbit(RelationGenerators.EqualityModulo(6, 2)).Count);
        Assert.Equal(720, RelationEnumeration.Orbit(RelationGenerators.LessThan(6)).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => RelationEnumeration.TotalOrders(11));
    }
}
