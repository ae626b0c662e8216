using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationGeneratorTests
{
    [Theory]
    [InlineData(30, 3)]
    [InlineData(30, 5)]
    [InlineData(7, 10)]
    [InlineData(100, 7)]
    public void EqualityModuloIsAnEquivalenceWithMinKNClasses(int n, int k)
    {
        var r = RelationGenerators.EqualityModulo(n, k);
        Assert.True(r.IsEquivalence);
        Assert.Equal(Math.Min(n, k), r.EquivalenceClassIndices().Distinct().Count());
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.Equal(i % k == j % k, r[i, j]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(65)]
    public void LessThanHoldsExactlyForXLessThanY(int n)
    {
        var r = RelationGenerators.LessThan(n);
        Assert.True(r.IsStrictTotalOrder);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.Equal(i < j, r[i, j]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(65)]
    public void ObsoleteGreaterThanIsTheSameRelationAsLessThan(int n)
    {
#pragma warning disable CS0618 // the forwarder under test
        Assert.Equal(RelationGenerators.LessThan(n), RelationGenerators.GreaterThan(n));
#pragma warning restore CS0618
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(65)]
    public void ConverseOfLessThanHoldsExactlyForXGreaterThanY(int n)
    {
        var r = RelationGenerators.LessThan(n).Converse();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.Equal(i > j, r[i, j]);
    }

    [Theory]
    [InlineData(30, 15)]
    [InlineData(30, 7)]
    [InlineData(5, 0)]
    public void CompleteBipartiteHasTwoAPairsTimesComplement(int n, int a)
    {
        var r = RelationGenerators.CompleteBipartite(n, a);
        Assert.True(r.IsSymmetric && r.IsIrreflexive);
        Assert.Equal(2L * a * (n - a), r.PairCount);
        Assert.Equal(r, RelationGenerators.CompleteBipartite(n, Enumerable.Range(a, n - a)));
    }

    [Fact]
    public void GeneratorsRejectBadArguments()
    {
        Assert.Equal("modulus", Assert.Throws<ArgumentOutOfRangeException>(() => RelationGenerators.EqualityModulo(3, 0)).ParamName);
        Assert.Equal("partSize", Assert.Throws<ArgumentOutOfRangeException>(() => RelationGenerators.CompleteBipartite(3, 4)).ParamName);
        Assert.Equal("part", Assert.Throws<ArgumentException>(() => RelationGenerators.CompleteBipartite(3, new[] { 3 })).ParamName);
    }
}
