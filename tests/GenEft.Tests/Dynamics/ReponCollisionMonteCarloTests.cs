using GenEft.Dynamics.Repons;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class ReponCollisionMonteCarloTests
{
    private const int Samples = 20_000;

    [Theory]
    [InlineData(1e-2, 1.0)]
    [InlineData(1e-1, 0.5)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, 2.0)]
    [InlineData(10.0, 0.5)]
    [InlineData(1e2, 1.0)]
    public void AgreesWithEquationTwelveWithinThreeStandardErrors(double ratio, double sigmaRatio)
    {
        // The bound is 3 standard errors of a binomial proportion at the formula's p and this sample count
        // (about 0.01 at p = 0.4 with 20,000 samples); the 10^5-sample comparison is in the sample and docs/dynamics.md.
        var system = new ReducedReponSystem(1.0, ratio);
        var estimator = new ReponCollisionMonteCarlo(system, sigmaRatio, 1.0);
        ReponCollisionEstimate estimate = estimator.Estimate(Samples, seed: 2024, cancellationToken: TestContext.Current.CancellationToken);
        double expected = ReponCollisionProbability.TwoRepons(sigmaRatio, 1.0, 1.0, ratio);
        double standardError = Math.Sqrt(expected * (1 - expected) / Samples);
        Assert.True(Math.Abs(estimate.Probability - expected) <= 3 * standardError, $"P = {estimate.Probability:F4} vs Eq. 12 {expected:F4} (3 SE = {3 * standardError:F4})");
        Assert.Equal(0, estimate.Undecided);
        Assert.Equal(0, estimate.DisagreementsWithConservedQuantity);
        Assert.Equal(Samples, estimate.Collisions + estimate.Memorizations);
        Assert.True(estimate.Steps > 10L * (Samples - estimate.DecidedAtStart), "the verdicts must come from integration");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void AgreesWithEquationThirteenWithinThreeStandardErrors(int clusterSize)
    {
        var system = new ReducedReponSystem(0.5, 1.5, clusterSize);
        var estimator = new ReponCollisionMonteCarlo(system, 1.0, 1.0);
        ReponCollisionEstimate estimate = estimator.Estimate(Samples, seed: 77, cancellationToken: TestContext.Current.CancellationToken);
        double expected = ReponCollisionProbability.OneAgainstCluster(1.0, 1.0, 0.5, 1.5, clusterSize);
        double standardError = Math.Sqrt(expected * (1 - expected) / Samples);
        Assert.True(Math.Abs(estimate.Probability - expected) <= 3 * standardError, $"N = {clusterSize}: P = {estimate.Probability:F4} vs Eq. 13 {expected:F4}");
        Assert.Equal(0, estimate.DisagreementsWithConservedQuantity);
    }

    [Fact]
    public void ResultDoesNotDependOnThreadCount()
    {
        var system = new ReducedReponSystem(1.0, 3.0);
        var one = new ReponCollisionMonteCarlo(system, 1.0, 1.0) { MaxDegreeOfParallelism = 1 }.Estimate(5000, seed: 9, cancellationToken: TestContext.Current.CancellationToken);
        var two = new ReponCollisionMonteCarlo(system, 1.0, 1.0) { MaxDegreeOfParallelism = 2 }.Estimate(5000, seed: 9, cancellationToken: TestContext.Current.CancellationToken);
        var three = new ReponCollisionMonteCarlo(system, 1.0, 1.0) { MaxDegreeOfParallelism = 3 }.Estimate(5000, seed: 9, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        var other = new ReponCollisionMonteCarlo(system, 1.0, 1.0).Estimate(5000, seed: 10, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(one.Collisions, other.Collisions);
    }

    [Fact]
    public void InitializationsAreIndependentGaussians()
    {
        const int n = 200_000;
        double sa = 0, sc = 0, saa = 0, scc = 0, sac = 0;
        for (long i = 0; i < n; i++)
        {
            ReducedReponState s = ReponCollisionMonteCarlo.SampleInitialState(123, i, 2.0, 0.5);
            sa += s.A2;
            sc += s.C;
            saa += s.A2 * s.A2;
            scc += s.C * s.C;
            sac += s.A2 * s.C;
        }

        // Means within 4 SE, variances within 4 SE (var of s^2 is 2 sigma^4), correlation within 4 / sqrt(n).
        Assert.InRange(sa / n, -4 * 2.0 / Math.Sqrt(n), 4 * 2.0 / Math.Sqrt(n));
        Assert.InRange(sc / n, -4 * 0.5 / Math.Sqrt(n), 4 * 0.5 / Math.Sqrt(n));
        Assert.InRange(saa / n, 4.0 - (4 * 4.0 * Math.Sqrt(2.0 / n)), 4.0 + (4 * 4.0 * Math.Sqrt(2.0 / n)));
        Assert.InRange(scc / n, 0.25 - (4 * 0.25 * Math.Sqrt(2.0 / n)), 0.25 + (4 * 0.25 * Math.Sqrt(2.0 / n)));
        Assert.InRange(sac / n / (2.0 * 0.5), -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
    }

    [Fact]
    public void ReportsProgressAndHonoursCancellation()
    {
        var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1, 1), 1, 1);
        var reports = new List<double>();
        estimator.Estimate(3000, 1, new SynchronousProgress(reports), TestContext.Current.CancellationToken);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports.Max());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => estimator.Estimate(100_000, 1, null, cancelled.Token));
    }

    [Fact]
    public void TooShortRunsAreReportedUndecided()
    {
        var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1, 1), 1, 1) { MaxTime = 1e-3 };
        var estimate = estimator.Estimate(2000, 4, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(estimate.Undecided > 1000);
        Assert.Equal(estimate.Samples, estimate.Collisions + estimate.Memorizations + estimate.Undecided);
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        var system = new ReducedReponSystem(1, 1);
        Assert.Throws<ArgumentNullException>("system", () => new ReponCollisionMonteCarlo(null!, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("sigmaA", () => new ReponCollisionMonteCarlo(system, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("sigmaC", () => new ReponCollisionMonteCarlo(system, 1, double.NaN));
        var estimator = new ReponCollisionMonteCarlo(system, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>("samples", () => estimator.Estimate(0, 1, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => estimator.VerdictRatio = 1);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => estimator.MaxTime = double.PositiveInfinity);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => estimator.MaxDegreeOfParallelism = 0);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
