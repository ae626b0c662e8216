using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Graphs;

namespace GenEft.Benchmarks.Graphs;

/// <summary>
/// AutomorphismSearch on the benchmark families of docs/benchmarks.md ("Automorphism groups").
/// The graphs are DIMACS files written by benchmarks/reference/graphs/make_benchmark_graphs.py into
/// the directory named by GENEFT_AUTOMORPHISM_GRAPHS (default /tmp/autbench). Multi-second cases use
/// the Monitoring strategy (one warm-up, a few timed runs). The baseline is the equitable refinement
/// alone, the floor any individualization-refinement engine pays once.
/// <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*AutomorphismBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AutomorphismBenchmarks
{
    private Graph _graph = null!;

    [Params("hypercube-q12", "paley-1009", "kbip-500-700", "kbip-1000-1000", "tree-100000", "cfi-200", "cfi-1000", "cfi-3000", "cubic-100000", "grid-1000", "torus-1000")]
    public string Family { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string dir = Environment.GetEnvironmentVariable("GENEFT_AUTOMORPHISM_GRAPHS") ?? "/tmp/autbench";
        using var reader = new StreamReader(Path.Combine(dir, Family + ".dimacs"));
        _graph = DimacsFormat.Read(reader);
    }

    [Benchmark(Baseline = true)]
    public int EquitableRefinementOnly()
    {
        var refiner = new PartitionRefiner(_graph);
        refiner.RefineRecording(null);
        return refiner.CellCount;
    }

    [Benchmark]
    public double AutomorphismGroup() => AutomorphismSearch.Default.Compute(_graph).Log2Order;
}
