using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Graphs;

namespace GenEft.Benchmarks.Graphs;

/// <summary>
/// The group-order accumulation alone: m! as the automorphism search needs it for a class of m interchangeable
/// vertices. Baseline: the old one-factor-at-a-time product (a growing BigInteger times 2, 3, ..., m); against it the
/// product tree of <see cref="BigProduct"/> (exact value) and its log2 (all the description length reads).
/// Awkward sizes; Monitoring strategy because the baseline takes seconds at the top size.
/// <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*BigProductBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BigProductBenchmarks
{
    [Params(1_009, 20_011, 100_003)]
    public int M { get; set; }

    [Benchmark(Baseline = true)]
    public long OneFactorAtATime()
    {
        BigInteger product = BigInteger.One;
        for (int f = 2; f <= M; f++) product *= f;
        return product.GetBitLength();
    }

    [Benchmark]
    public long ProductTree() => BigProduct.Factorial(M).GetBitLength();

    [Benchmark]
    public double Log2Only()
    {
        var product = new BigProduct();
        product.MultiplyFactorial(M);
        return product.Log2;
    }
}
