using GenEft.Relations;
using GenEft.Statics;
using GenEft.Tests.Relations;
using Xunit;

namespace GenEft.Tests.Statics;

public class LinearExtensionSamplerTests
{
    [Theory]
    [InlineData(1, 5, 0.3)]
    [InlineData(2, 7, 0.2)]
    [InlineData(3, 7, 0.5)]
    [InlineData(4, 8, 0.15)]
    [InlineData(5, 6, 0.0)]
    public void CountMatchesBruteForce(int seed, int n, double density)
    {
        var order = Posets.Random(n, density, new Random(seed));
        var sampler = new LinearExtensionSampler(order);
        Assert.Equal(Math.Log2(Posets.LinearExtensions(order).Count), sampler.Log2Count, 9);
    }

    // Chi-square goodness of fit of the drawn extensions against the uniform distribution over the brute-force list.
    // The posets include several comparability components, so the riffle of components is exercised too. A random
    // topological sort fails the same test (see NaiveTopologicalSortFailsTheUniformityTest).
    [Theory]
    [InlineData(10, 6, 0.2)]
    [InlineData(11, 6, 0.15)]
    [InlineData(12, 7, 0.35)]
    public void DrawsAreUniformOverLinearExtensions(int seed, int n, double density)
    {
        var order = Posets.Random(n, density, new Random(seed));
        var extensions = Posets.LinearExtensions(order);
        Assert.InRange(extensions.Count, 5, 400);
        var index = extensions.Select((p, i) => (Key: string.Join(',', p), i)).ToDictionary(t => t.Key, t => t.i);
        var counts = new int[extensions.Count];
        var sampler = new LinearExtensionSampler(order);
        var random = new Random(seed);
        var positions = new int[n];
        for (int t = 0; t < 100 * extensions.Count; t++)
        {
            sampler.Sample(random, positions);
            Assert.True(index.TryGetValue(string.Join(',', positions), out int i), "drew a non-extension");
            counts[i]++;
        }
        Assert.True(ChiSquare.LooksUniform(counts, extensions.Count));
    }

    [Fact]
    public void NaiveTopologicalSortFailsTheUniformityTest()
    {
        // Power check of the chi-square test: picking uniformly among the current minimal elements is not uniform.
        var order = Posets.Random(6, 0.2, new Random(10));
        var extensions = Posets.LinearExtensions(order);
        var index = extensions.Select((p, i) => (Key: string.Join(',', p), i)).ToDictionary(t => t.Key, t => t.i);
        var counts = new int[extensions.Count];
        var random = new Random(10);
        for (int t = 0; t < 100 * extensions.Count; t++)
        {
            var positions = new int[6];
            var placed = new bool[6];
            for (int p = 0; p < 6; p++)
            {
                var minimal = Enumerable.Range(0, 6).Where(x => !placed[x] && Enumerable.Range(0, 6).All(y => placed[y] || !order[y, x])).ToList();
                int chosen = minimal[random.Next(minimal.Count)];
                placed[chosen] = true;
                positions[chosen] = p;
            }
            counts[index[string.Join(',', positions)]]++;
        }
        Assert.False(ChiSquare.LooksUniform(counts, extensions.Count));
    }

    [Fact]
    public void ChainHasOneExtensionAndAntichainHasNFactorial()
    {
        Assert.Equal(0, new LinearExtensionSampler(RelationGenerators.LessThan(40)).Log2Count, 12);
        Assert.Equal(BigCounts.Log2(BigCounts.Factorial(40)), new LinearExtensionSampler(new RelationBuilder(40).ToRelation()).Log2Count, 9);
    }

    [Fact]
    public void RejectsNonOrdersAndTooWidePosets()
    {
        Assert.Equal("strictPartialOrder", Assert.Throws<ArgumentException>(() => new LinearExtensionSampler(RelationGenerators.EqualityModulo(4, 2))).ParamName);
        // One comparability component of 20 elements: a bottom element below an antichain of 19 has 2^19 down-sets.
        var wide = Relation.FromPredicate(20, (i, j) => i == 0 && j > 0);
        Assert.ThrowsAny<ArgumentException>(() => new LinearExtensionSampler(wide, maxDownSets: 1000));
        Assert.Equal(Math.Log2((double)BigCounts.Factorial(19)), new LinearExtensionSampler(wide).Log2Count, 9);
    }
}
