using GenEft.Relations;
using GenEft.Statics;
using GenEft.Tests.Relations;
using Xunit;

namespace GenEft.Tests.Statics;

public class LinearExtensionMarkovChainTests
{
    // Same chi-square test as the exact sampler: the chain's draws, default spacing, against the enumerated extensions.
    [Theory]
    [InlineData(10, 6, 0.2)]
    [InlineData(12, 7, 0.35)]
    public void DrawsAreUniformOverLinearExtensions(int seed, int n, double density)
    {
        var order = Posets.Random(n, density, new Random(seed));
        var extensions = Posets.LinearExtensions(order);
        var index = extensions.Select((p, i) => (Key: string.Join(',', p), i)).ToDictionary(t => t.Key, t => t.i);
        var counts = new int[extensions.Count];
        var chain = new LinearExtensionMarkovChain(order, new Random(seed));
        var positions = new int[n];
        for (int t = 0; t < 100 * extensions.Count; t++)
        {
            chain.Sample(positions);
            Assert.True(index.TryGetValue(string.Join(',', positions), out int i), "drew a non-extension");
            counts[i]++;
        }
        Assert.True(ChiSquare.LooksUniform(counts, extensions.Count));
    }

    [Fact]
    public void PairProbabilitiesAgreeWithTheExactSamplerAtNThirty()
    {
        var poset = Posets.ClosedTrainingSample(RelationGenerators.LessThan(30), 0.1, seed: 4);
        var exactSampler = new LinearExtensionSampler(poset);
        var exactRandom = new Random(1);
        var exact = PairFrequencies(poset, positions => exactSampler.Sample(exactRandom, positions), 20_000);
        var chainSampler = new LinearExtensionMarkovChain(poset, new Random(2));
        var chain = PairFrequencies(poset, positions => chainSampler.Sample(positions), 2_000);
        // 2000 draws: sd of a frequency <= 0.011; 0.06 allows for the maximum over all pairs and correlation.
        Assert.All(exact.Zip(chain), pair => Assert.InRange(pair.First - pair.Second, -0.06, 0.06));
    }

    private static double[] PairFrequencies(Relation poset, Action<int[]> draw, int draws)
    {
        int n = poset.Size;
        var pairs = new List<(int A, int B)>();
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++)
                if (!poset[a, b] && !poset[b, a]) pairs.Add((a, b));
        var counts = new double[pairs.Count];
        var positions = new int[n];
        for (int t = 0; t < draws; t++)
        {
            draw(positions);
            for (int u = 0; u < pairs.Count; u++) if (positions[pairs[u].A] < positions[pairs[u].B]) counts[u]++;
        }
        return counts.Select(c => c / draws).ToArray();
    }

    [Fact]
    public void TheBoundFallsBackToTheChainForWidePosets()
    {
        // n = 80 with 2% of the pairs: a comparability component above 63 elements, so no exact counting.
        var order = RelationGenerators.LessThan(80);
        var poset = Posets.ClosedTrainingSample(order, 0.02, seed: AccuracyBoundEstimatorSeed(1, 0));
        Assert.ThrowsAny<ArgumentException>(() => new LinearExtensionSampler(poset));
        var bound = new LinearExtensionAccuracyBound(order, 20);
        double value = AccuracyBoundEstimator.Estimate(bound, 0.02, 2, seed: 1, cancellationToken: TestContext.Current.CancellationToken).Mean;
        // No data would give (n + (n^2 - n) / 2) / n^2; 2% of the pairs must do better, and nothing beats 1.
        Assert.InRange(value, (80 + 6320 / 2.0) / 6400, 1);
    }

    private static int AccuracyBoundEstimatorSeed(int seed, int sampling) => SeedMixer.Mix(seed, sampling);
}
