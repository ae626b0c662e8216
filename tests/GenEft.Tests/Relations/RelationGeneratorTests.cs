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
    public void GreaterThanIsTheStrictOrderXLessThanY(int n)
    {
        var r = RelationGenerators.GreaterThan(n);
        Assert.True(r.IsStrictTotalOrder);
        Assert.Equal((long)n * (n - 1) / 2, r.PairCount);
        if (n > 1) Assert.True(r[0, 1] && !r[1, 0]);
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
