using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Models.Perceptron;

namespace GenEft.Benchmarks.Perceptron;

/// <summary>
/// The speed point: one ball-model P_G estimate, D = 10, N = 10, epsilon = 1.01, lambda2 = 0.1, 2e4 training sets,
/// on all cores; with L1 (lambda1 = 0.05, coordinate descent) and without (Cholesky). The NumPy/SciPy counterpart is
/// benchmarks/reference/perceptron/ball_grokking_probability.py.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class BallModelGrokkingProbabilityBenchmarks
{
    private const long TrainingSets = 20_000;

    [Params(0.0, 0.05)]
    public double L1 { get; set; }

    [Benchmark]
    public double GrokkingProbabilityPoint()
        => new BallModelMonteCarlo(10, 10, 1.01, new PerceptronRegularization(L1, 0.1)).Run(TrainingSets, seed: 42).GrokkingProbability.Estimate;
}
