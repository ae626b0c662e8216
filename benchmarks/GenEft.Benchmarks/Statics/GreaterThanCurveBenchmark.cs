using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Relations;
using GenEft.Statics;

namespace GenEft.Benchmarks.Statics;

/// <summary>
/// The GenEFT Figure 2 greater-than curve at n = 30: 20 training fractions (0.025 .. 0.5) x 20 samplings x 10^4
/// uniformly drawn compatible orderings each (issue target: at most 60 s on 2 cores), beside the paper's budget
/// (3 samplings x 1000 orderings) as the baseline. One operation is a whole curve, so the job runs a few
/// monitoring iterations instead of BenchmarkDotNet's default pilot and warm-up.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GreaterThanCurveBenchmark
{
    private static readonly double[] Fractions = Enumerable.Range(1, 20).Select(i => i / 40.0).ToArray();
    private LinearExtensionAccuracyBound _paperBudget = null!;
    private LinearExtensionAccuracyBound _issueBudget = null!;

    [GlobalSetup]
    public void Setup()
    {
        var greaterThan = RelationGenerators.LessThan(30);
        _paperBudget = new LinearExtensionAccuracyBound(greaterThan, 1_000);
        _issueBudget = new LinearExtensionAccuracyBound(greaterThan, 10_000);
    }

    [Benchmark(Baseline = true, Description = "paper budget: 20 fractions x 3 samplings x 1000 orderings")]
    public AccuracyBoundEstimate[] PaperBudget() => AccuracyBoundEstimator.EstimateCurve(_paperBudget, Fractions, 3, seed: 1);

    [Benchmark(Description = "issue budget: 20 fractions x 20 samplings x 10^4 orderings")]
    public AccuracyBoundEstimate[] IssueBudget() => AccuracyBoundEstimator.EstimateCurve(_issueBudget, Fractions, 20, seed: 1);
}
