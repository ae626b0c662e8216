using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class MonteCarloAccuracyBoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(6, 0.1)]
    [InlineData(6, 0.3)]
    [InlineData(7, 0.15)]
    [InlineData(7, 0.35)]
    public void TotalOrderMonteCarloIsWithinThreeStandardErrorsOfExact(int n, double fraction)
    {
        var order = RelationGenerators.LessThan(n);
        var monteCarlo = AccuracyBoundEstimator.Estimate(new LinearExtensionAccuracyBound(order, 10_000), fraction, 40, seed: 1, cancellationToken: Ct);
        var exact = AccuracyBoundEstimator.Estimate(new ExactAccuracyBound(order, RelationEnumeration.TotalOrders(n)), fraction, 40, seed: 2, cancellationToken: Ct);
        double se = Math.Sqrt(monteCarlo.StandardError * monteCarlo.StandardError + exact.StandardError * exact.StandardError);
        Assert.True(se > 0);
        Assert.InRange(monteCarlo.Mean - exact.Mean, -3 * se, 3 * se);
    }

    // Paired: the same training samples (same seed), so only the orderings' sampling noise separates the two.
    [Theory]
    [InlineData(6, 0.2)]
    [InlineData(7, 0.1)]
    [InlineData(7, 0.3)]
    public void TotalOrderMonteCarloMatchesExactOnTheSameSamples(int n, double fraction)
    {
        var order = RelationGenerators.LessThan(n);
        var monteCarlo = new LinearExtensionAccuracyBound(order, 10_000);
        var exact = new ExactAccuracyBound(order, RelationEnumeration.TotalOrders(n));
        var dataset = new RelationDataset(order);
        for (int seed = 0; seed < 10; seed++)
        {
            var sample = dataset.Split(fraction, (ulong)seed).Train;
            // Per entry |p - p_hat| has sd <= 0.005 with 10^4 draws; the bound averages 2 U <= n(n-1) such entries.
            Assert.Equal(exact.Evaluate(sample, new Random(0)), monteCarlo.Evaluate(sample, new Random(seed)), 0.006);
        }
    }

    [Theory]
    [InlineData(30, 3)]
    [InlineData(12, 5)]
    public void CandidateClassesWithoutDataGiveOneMinusOneOverK(int n, int k)
    {
        // No sample: pos[i] = all k classes, p_u = 1/k on every off-diagonal entry; the diagonal is known.
        var bound = new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, k));
        double expected = (n + (double)(n * n - n) * (1 - 1.0 / k)) / (n * n);
        Assert.Equal(expected, AccuracyBoundEstimator.Estimate(bound, 0, 3, seed: 0, cancellationToken: Ct).Mean, 12);
        Assert.Equal(1, AccuracyBoundEstimator.Estimate(bound, 1, 3, seed: 0, cancellationToken: Ct).Mean, 12);
    }

    [Fact]
    public void CandidateClassesFollowThePapersRecipeOnAHandExample()
    {
        // mod 2 on 4 elements (classes {0, 2}, {1, 3}); observed: 0 ~ 2 and 1 !~ 0.
        // Closure: (0,2), (2,0) = 1; {1} x {0, 2} = 0 both ways; diagonal = 1: 4 + 2 + 4 = 10 determined.
        // pos[0] = pos[2] = {class 0}; pos[1] = complement of {class 0} = {class 1}; pos[3] = {0, 1}.
        // Undetermined: (1,3), (3,1): p = 1/2; (0,3), (3,0), (2,3), (3,2): p = 1/2. Sum = 10 + 6 * 1/2 = 13.
        var bound = new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(4, 2));
        var sample = new RelationSamples(new[] { 0, 1 }, new[] { 2, 0 }, new[] { 1, 0 });
        Assert.Equal(13.0 / 16, bound.Evaluate(sample, new Random(0)), 12);
    }

    [Fact]
    public void BipartiteIsTheEquivalenceWithTwoClassesComplemented()
    {
        var bipartite = RelationGenerators.CompleteBipartite(10, 5);
        var sides = Relation.FromPredicate(10, (i, j) => !bipartite[i, j]);
        var asBipartite = AccuracyBoundEstimator.EstimateCurve(new CandidateClassAccuracyBound(bipartite), new[] { 0.05, 0.1, 0.2 }, 5, seed: 3, cancellationToken: Ct);
        var asSides = AccuracyBoundEstimator.EstimateCurve(new CandidateClassAccuracyBound(sides), new[] { 0.05, 0.1, 0.2 }, 5, seed: 3, cancellationToken: Ct);
        Assert.Equal(2, new CandidateClassAccuracyBound(bipartite).ClassCount);
        // Same training positions, complemented labels: identical bounds.
        Assert.Equal(asSides.Select(e => e.Mean), asBipartite.Select(e => e.Mean));
    }

    [Fact]
    public void SameSeedSameAnswerWhateverTheThreadCount()
    {
        var bound = new LinearExtensionAccuracyBound(RelationGenerators.LessThan(12), 200);
        double[] fractions = { 0.1, 0.3 };
        var one = AccuracyBoundEstimator.EstimateCurve(bound, fractions, 6, seed: 9, maxDegreeOfParallelism: 1, cancellationToken: Ct);
        var many = AccuracyBoundEstimator.EstimateCurve(bound, fractions, 6, seed: 9, maxDegreeOfParallelism: 4, cancellationToken: Ct);
        Assert.Equal(one, many);
        Assert.NotEqual(one, AccuracyBoundEstimator.EstimateCurve(bound, fractions, 6, seed: 10, cancellationToken: Ct));
    }

    [Fact]
    public void ReportsProgressAndHonoursCancellation()
    {
        var bound = new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(10, 3));
        int last = 0;
        var progress = new SynchronousProgress(v => last = Math.Max(last, v));
        AccuracyBoundEstimator.EstimateCurve(bound, new[] { 0.1, 0.2 }, 5, seed: 0, progress: progress, cancellationToken: Ct);
        Assert.Equal(10, last);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AccuracyBoundEstimator.Estimate(bound, 0.1, 5, 0, cancellationToken: cts.Token));
    }

    [Fact]
    public void EstimatorRejectsBadArguments()
    {
        var bound = new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(5, 2));
        Assert.Equal("samplings", Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyBoundEstimator.Estimate(bound, 0.5, 0, 0, cancellationToken: Ct)).ParamName);
        Assert.Equal("trainingFractions", Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyBoundEstimator.Estimate(bound, 1.5, 2, 0, cancellationToken: Ct)).ParamName);
        Assert.Equal("relation", Assert.Throws<ArgumentException>(() => new CandidateClassAccuracyBound(RelationGenerators.LessThan(4))).ParamName);
        Assert.Equal("relation", Assert.Throws<ArgumentException>(() => new LinearExtensionAccuracyBound(RelationGenerators.EqualityModulo(4, 2))).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(
            () => bound.Evaluate(new RelationSamples(new[] { 7 }, new[] { 0 }, new[] { 1 }), new Random(0))).ParamName);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        private readonly object _gate = new();
        public void Report(int value) { lock (_gate) report(value); }
    }
}
