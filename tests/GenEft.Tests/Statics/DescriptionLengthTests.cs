using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class DescriptionLengthTests
{
    [Fact]
    public void Table2ApproximationsAtNThirty()
    {
        Assert.Equal(900, DescriptionLength.Generic(30));
        Assert.Equal(465, DescriptionLength.Symmetric(30));
        Assert.Equal(435, DescriptionLength.Antisymmetric(30));
        Assert.Equal(870, DescriptionLength.Reflexive(30));
        Assert.Equal(30 * Math.Log(3) / Math.Log(2), DescriptionLength.Equivalence(30, 3), 12);
        Assert.Equal(30 * Math.Log(30 / Math.E, 2), DescriptionLength.TotalOrder(30), 12);
        Assert.Equal(30, DescriptionLength.CompleteBipartite(30));
        Assert.Equal(12, DescriptionLength.IncompleteBipartite(3, 4));
        Assert.Equal(30 * 2, DescriptionLength.Tree(30, 4), 12);
        // n^2 / (<k> - 1)!: <k> = 4 gives 900 / 6; <k> = 1 gives n^2.
        Assert.Equal(150, DescriptionLength.Transitive(30, 4), 9);
        Assert.Equal(900, DescriptionLength.Transitive(30, 1), 9);
    }

    [Fact]
    public void ApproximationsRejectOutOfRangeArguments()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => DescriptionLength.Generic(-1)).ParamName);
        Assert.Equal("meanChainLength", Assert.Throws<ArgumentOutOfRangeException>(() => DescriptionLength.Transitive(5, 0.5)).ParamName);
        Assert.Equal("meanDepth", Assert.Throws<ArgumentOutOfRangeException>(() => DescriptionLength.Tree(5, double.NaN)).ParamName);
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => DescriptionLength.Equivalence(5, 0)).ParamName);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(30, 3)]
    [InlineData(30, 5)]
    [InlineData(60, 30)]
    [InlineData(200, 7)]
    [InlineData(200, 150)]
    public void EquivalenceIsLog2OfStirlingNumber(int n, int k)
    {
        Assert.Equal(BigCounts.Log2(BigCounts.Stirling2(n, k)), ExactDescriptionLength.Equivalence(n, k), 9);
    }

    [Theory]
    [InlineData(400, 200)]
    [InlineData(1000, 30)]
    [InlineData(600, 590)]
    [InlineData(1200, 1100)]
    public void SaddlePointStirlingErrorShrinksLikeOneOverMinKAndNMinusK(int n, int k)
    {
        double exact = BigCounts.Log2(BigCounts.Stirling2(n, k));
        double saddle = LogCombinatorics.LogStirling2SaddlePoint(n, k) / Math.Log(2);
        double tolerance = 0.2 / Math.Min(k, n - k);
        Assert.InRange(saddle - exact, -tolerance, tolerance);
    }

    [Fact]
    public void HugeSizesStayFinite()
    {
        const int million = 1_000_000;
        // S(n, 3) = (3^n - 3 2^n + 3) / 6 -> n log2 3 - log2 6.
        // Log-space recurrence over 10^6 steps: relative error ~1e-11.
        Assert.Equal(million * Math.Log2(3) - Math.Log2(6), ExactDescriptionLength.Equivalence(million, 3), 3);
        // S(n, n - 1) = C(n, 2).
        Assert.Equal(Math.Log2(million * (million - 1.0) / 2), ExactDescriptionLength.Equivalence(million, million - 1), 3);
        double half = ExactDescriptionLength.Equivalence(million, million / 2);
        Assert.True(double.IsFinite(half) && half > 0);
        // Stirling series for ln n!.
        double n = million;
        double lnFactorial = n * Math.Log(n) - n + 0.5 * Math.Log(2 * Math.PI * n) + 1 / (12 * n);
        Assert.Equal(lnFactorial / Math.Log(2), ExactDescriptionLength.TotalOrder(million), 6);
        Assert.Equal(million - 1, ExactDescriptionLength.CompleteBipartite(million), 9);
    }

    [Fact]
    public void ExactClassCountsMatchBigIntegerAndEnumeration()
    {
        Assert.Equal(BigCounts.Log2(BigCounts.Factorial(30)), ExactDescriptionLength.TotalOrder(30), 9);
        Assert.Equal(Math.Log2(216), ExactDescriptionLength.Antisymmetric(3), 12);
        Assert.Equal(465, ExactDescriptionLength.Symmetric(30));
        Assert.Equal(870, ExactDescriptionLength.Reflexive(30));
        // 30! / (10!^3 3!) equivalences with three classes of 10.
        var orbit = BigCounts.Factorial(30) / (BigInteger3(BigCounts.Factorial(10)) * 6);
        Assert.Equal(BigCounts.Log2(orbit), ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 10, 10, 10 }), 9);
        // Enumeration oracle: distinct complete bipartite relations on 8 elements, by part size.
        var all = RelationEnumeration.CompleteBipartite(8).ToList();
        Assert.Equal(Math.Log2(all.Count), ExactDescriptionLength.CompleteBipartite(8), 12);
        for (int a = 1; a <= 4; a++)
        {
            int count = all.Count(r => r.PairCount == 2L * a * (8 - a));
            Assert.Equal(Math.Log2(count), ExactDescriptionLength.CompleteBipartite(8, a), 12);
        }
        // Orbit of an equivalence with sizes (2, 2, 1, 1): n! / |Aut| by enumeration.
        var equivalence = Relation.FromPredicate(6, (i, j) => i / 2 == j / 2 && (i < 4 || i == j));
        Assert.Equal(Math.Log2(RelationEnumeration.Orbit(equivalence).Count),
            ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 2, 2, 1, 1 }), 12);

        static System.Numerics.BigInteger BigInteger3(System.Numerics.BigInteger x) => x * x * x;
    }

    [Fact]
    public void ExactFormsRejectOutOfRangeArguments()
    {
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => ExactDescriptionLength.Equivalence(3, 4)).ParamName);
        Assert.Equal("partSize", Assert.Throws<ArgumentOutOfRangeException>(() => ExactDescriptionLength.CompleteBipartite(5, 5)).ParamName);
        Assert.Equal("classSizes", Assert.Throws<ArgumentException>(() => ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 2, 0 })).ParamName);
    }
}
