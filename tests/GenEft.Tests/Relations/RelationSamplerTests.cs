using FsCheck.Xunit;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationSamplerTests
{
    [Property(MaxTest = 50)]
    public bool EverySamplerStaysInItsClass(int seed, byte sizeByte)
    {
        int n = 1 + sizeByte % 40;
        var rng = new Random(seed);
        int k = 1 + rng.Next(n);
        int a = rng.Next(n + 1);
        return RelationSamplers.Symmetric(n, rng).IsSymmetric
            && RelationSamplers.Antisymmetric(n, rng).IsAntisymmetric
            && RelationSamplers.Reflexive(n, rng).IsReflexive
            && RelationSamplers.Transitive(n, 0.05, rng).IsTransitive
            && RelationSamplers.Equivalence(n, k, rng).EquivalenceClassIndices().Distinct().Count() == k
            && RelationSamplers.TotalOrder(n, rng).IsStrictTotalOrder
            && RelationSamplers.CompleteBipartite(n, a, rng).PairCount == 2L * a * (n - a)
            && RelationSamplers.IncompleteBipartite(n, a, rng) is { IsSymmetric: true, IsIrreflexive: true }
            && RelationSamplers.Tree(n, rng) is { IsStrictPartialOrder: true } tree && tree.PairCount >= n - 1;
    }

    [Fact]
    public void SameSeedSameRelation()
    {
        Assert.Equal(RelationSamplers.Tree(50, new Random(7)), RelationSamplers.Tree(50, new Random(7)));
        Assert.Equal(RelationSamplers.Equivalence(50, 4, new Random(7)), RelationSamplers.Equivalence(50, 4, new Random(7)));
    }

    // Oracle: S(6, 3) = 90 equivalences with 3 classes; chi-square against uniform.
    [Fact]
    public void EquivalenceSamplerIsUniformOverStirlingManyPartitions()
    {
        var rng = new Random(11);
        var counts = new Dictionary<Relation, int>();
        for (int t = 0; t < 18000; t++)
        {
            var r = RelationSamplers.Equivalence(6, 3, rng);
            counts[r] = counts.GetValueOrDefault(r) + 1;
        }
        Assert.True(ChiSquare.LooksUniform(counts.Values, 90));
    }

    // Oracle: 2^3 3^3 = 216 antisymmetric relations on 3 elements.
    [Fact]
    public void AntisymmetricSamplerIsUniform()
    {
        var rng = new Random(5);
        var counts = new Dictionary<Relation, int>();
        for (int t = 0; t < 43200; t++)
        {
            var r = RelationSamplers.Antisymmetric(3, rng);
            counts[r] = counts.GetValueOrDefault(r) + 1;
        }
        Assert.True(ChiSquare.LooksUniform(counts.Values, 216));
    }

    [Fact]
    public void TreeIsTheAncestorRelationOfATree()
    {
        var r = RelationSamplers.Tree(40, new Random(3));
        // Every non-root has its ancestors totally ordered (a chain), and exactly one element has no ancestor.
        int roots = 0;
        for (int y = 0; y < 40; y++)
        {
            var ancestors = Enumerable.Range(0, 40).Where(x => r[x, y]).ToList();
            if (ancestors.Count == 0) roots++;
            foreach (int p in ancestors)
                foreach (int q in ancestors)
                    Assert.True(p == q || r[p, q] || r[q, p]);
        }
        Assert.Equal(1, roots);
    }

    [Fact]
    public void SamplersRejectBadArguments()
    {
        Assert.Throws<ArgumentNullException>(() => RelationSamplers.Generic(3, null!));
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => RelationSamplers.Equivalence(3, 4, new Random(1))).ParamName);
        Assert.Equal("arcProbability", Assert.Throws<ArgumentOutOfRangeException>(() => RelationSamplers.Transitive(3, double.NaN, new Random(1))).ParamName);
    }
}
