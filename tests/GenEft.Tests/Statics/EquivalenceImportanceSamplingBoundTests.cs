using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class EquivalenceImportanceSamplingBoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Oracle: ExactAccuracyBound over the enumerated orbit (all relabellings).
    [Theory]
    [InlineData(6, 3, 0.1)]
    [InlineData(6, 3, 0.25)]
    [InlineData(7, 3, 0.15)]
    [InlineData(7, 2, 0.1)]
    public void MonteCarloIsWithinThreeStandardErrorsOfExact(int n, int k, double fraction)
    {
        var relation = RelationGenerators.EqualityModulo(n, k);
        var monteCarlo = AccuracyBoundEstimator.Estimate(new EquivalenceImportanceSamplingBound(relation, 4000), fraction, 40, seed: 1, cancellationToken: Ct);
        var exact = AccuracyBoundEstimator.Estimate(new ExactAccuracyBound(relation, RelationEnumeration.Orbit(relation)), fraction, 40, seed: 2, cancellationToken: Ct);
        double se = Math.Sqrt(monteCarlo.StandardError * monteCarlo.StandardError + exact.StandardError * exact.StandardError);
        Assert.InRange(monteCarlo.Mean - exact.Mean, -3 * se, 3 * se);
    }

    [Theory]
    [InlineData(6, 3)]
    [InlineData(7, 3)]
    [InlineData(7, 4)]
    public void MatchesExactOnTheSameSamples(int n, int k)
    {
        var relation = RelationGenerators.EqualityModulo(n, k);
        var monteCarlo = new EquivalenceImportanceSamplingBound(relation, 10_000);
        var exact = new ExactAccuracyBound(relation, RelationEnumeration.Orbit(relation));
        var dataset = new RelationDataset(relation);
        foreach (double fraction in new[] { 0.0, 0.1, 0.2, 0.4 })
            for (int seed = 0; seed < 5; seed++)
            {
                var sample = dataset.Split(fraction, (ulong)seed).Train;
                Assert.Equal(exact.Evaluate(sample, new Random(0)), monteCarlo.Evaluate(sample, new Random(seed)), 0.006);
            }
    }

    // Large-n oracle for two classes: the subset-sum dynamic programme, on identical samples at n = 30.
    [Theory]
    [InlineData(0.03)]
    [InlineData(0.06)]
    public void MatchesTheTwoClassExactBoundAtNThirty(double fraction)
    {
        var relation = RelationGenerators.EqualityModulo(30, 2);
        var monteCarlo = new EquivalenceImportanceSamplingBound(relation, 10_000);
        var exact = new TwoClassExactAccuracyBound(relation);
        var dataset = new RelationDataset(relation);
        for (int seed = 0; seed < 5; seed++)
        {
            var sample = dataset.Split(fraction, (ulong)seed).Train;
            Assert.Equal(exact.Evaluate(sample, new Random(0)), monteCarlo.Evaluate(sample, new Random(seed)), 0.006);
        }
    }

    [Fact]
    public void RejectsNonEquivalences()
    {
        Assert.Equal("relation", Assert.Throws<ArgumentException>(() => new EquivalenceImportanceSamplingBound(RelationGenerators.LessThan(4))).ParamName);
        Assert.Equal("assignmentsPerSampling", Assert.Throws<ArgumentOutOfRangeException>(() => new EquivalenceImportanceSamplingBound(RelationGenerators.EqualityModulo(4, 2), 0)).ParamName);
    }
}
