using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Dynamics.Repons;

namespace GenEft.Benchmarks.Dynamics;

/// <summary>
/// The speed target: 10^6 reduced-system solves to a verdict (GenEFT Eq. 12's Monte Carlo, eta_x / eta_A = 1,
/// sigma_a = sigma_c = 1, atol 1e-12, verdict ratio 1e-4) on all cores, at most 10 s on 2 cores; at the estimator's
/// default rtol 1e-6 and at the SciPy reference's rtol 1e-8. Each invocation takes seconds, so a few monitored
/// iterations suffice.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReponMonteCarloBenchmarks
{
    private const long Samples = 1_000_000;
    private readonly ReducedReponSystem system = new(1.0, 1.0);

    [Params(1e-6, 1e-8)]
    public double RelativeTolerance { get; set; }

    [Benchmark]
    public double MillionVerdicts()
        => new ReponCollisionMonteCarlo(system, 1.0, 1.0) { RelativeTolerance = RelativeTolerance }.Estimate(Samples, seed: 42).Probability;
}
