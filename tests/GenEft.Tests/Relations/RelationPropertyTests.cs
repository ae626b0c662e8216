using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationPropertyTests
{
    // Independent oracle: the known counts of relation classes on small sets (OEIS A006905 transitive,
    // A000110 Bell = equivalences, A001035 partial orders, n! total orders) and the closed forms 2^(n(n-1))
    // (reflexive, irreflexive), 2^(n(n+1)/2) (symmetric), 2^n 3^(n(n-1)/2) (antisymmetric).
    [Theory]
    [InlineData(2, 4, 4, 8, 12, 13, 2, 3, 3, 2, 2)]
    [InlineData(3, 64, 64, 64, 216, 171, 5, 19, 19, 6, 6)]
    public void ClassCountsOverAllRelationsMatchKnownCounts(
        int n, int reflexive, int irreflexive, int symmetric, int antisymmetric, int transitive,
        int equivalence, int partialOrder, int strictPartialOrder, int totalOrder, int strictTotalOrder)
    {
        var all = AllRelations.On(n).ToList();
        Assert.Equal(reflexive, all.Count(r => r.IsReflexive));
        Assert.Equal(irreflexive, all.Count(r => r.IsIrreflexive));
        Assert.Equal(symmetric, all.Count(r => r.IsSymmetric));
        Assert.Equal(antisymmetric, all.Count(r => r.IsAntisymmetric));
        Assert.Equal(transitive, all.Count(r => r.IsTransitive));
        Assert.Equal(equivalence, all.Count(r => r.IsEquivalence));
        Assert.Equal(partialOrder, all.Count(r => r.IsPartialOrder));
        Assert.Equal(strictPartialOrder, all.Count(r => r.IsStrictPartialOrder));
        Assert.Equal(totalOrder, all.Count(r => r.IsTotalOrder));
        Assert.Equal(strictTotalOrder, all.Count(r => r.IsStrictTotalOrder));
    }

    [Fact]
    public void TransitiveEquivalenceAndOrderCountsOnFourElements()
    {
        int transitive = 0, equivalence = 0, partialOrder = 0, totalOrder = 0;
        foreach (var r in AllRelations.On(4))
        {
            if (!r.IsTransitive) continue;
            transitive++;
            if (r.IsEquivalence) equivalence++;
            if (r.IsPartialOrder) partialOrder++;
            if (r.IsTotalOrder) totalOrder++;
        }
        Assert.Equal(3994, transitive);
        Assert.Equal(15, equivalence);
        Assert.Equal(219, partialOrder);
        Assert.Equal(24, totalOrder);
    }

    [Fact]
    public void TransitivityIsCheckedAcrossWordBoundaries()
    {
        // 0 -> 70 -> 130 spans three 64-bit words; adding the closure pair makes it transitive.
        var b = new RelationBuilder(131).Add(0, 70).Add(70, 130);
        Assert.False(b.ToRelation().IsTransitive);
        Assert.True(b.Add(0, 130).ToRelation().IsTransitive);
    }

    [Fact]
    public void IndexerAndBuilderRejectOutOfRangeWithParameterName()
    {
        var r = new RelationBuilder(3).ToRelation();
        Assert.Equal("i", Assert.Throws<ArgumentOutOfRangeException>(() => r[3, 0]).ParamName);
        Assert.Equal("j", Assert.Throws<ArgumentOutOfRangeException>(() => r[0, -1]).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => new RelationBuilder(-1)).ParamName);
    }

    [Fact]
    public void EquivalenceClassIndicesNumberClassesBySmallestElement()
    {
        var r = RelationGenerators.EqualityModulo(7, 3);
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 2, 0 }, r.EquivalenceClassIndices());
        Assert.Throws<InvalidOperationException>(() => RelationGenerators.LessThan(3).EquivalenceClassIndices());
    }

    [Fact]
    public void RelabelMovesPairsAndRejectsNonPermutations()
    {
        var r = RelationGenerators.LessThan(3).Relabel(new[] { 2, 1, 0 });
        Assert.True(r[2, 1] && r[1, 0] && r[2, 0]);
        Assert.Equal(3, r.PairCount);
        Assert.Throws<ArgumentException>(() => r.Relabel(new[] { 0, 0, 1 }));
    }

    [Fact]
    public void ConverseTransposesTheMatrixAndIsAnInvolution()
    {
        foreach (var r in AllRelations.On(3))
        {
            var c = r.Converse();
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    Assert.Equal(r[j, i], c[i, j]);
            Assert.Equal(r, c.Converse());
            Assert.Equal(r.IsSymmetric, r.Equals(c));
        }
    }
}
