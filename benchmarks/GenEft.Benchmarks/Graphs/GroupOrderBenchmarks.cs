using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Graphs;

namespace GenEft.Benchmarks.Graphs;

/// <summary>
/// AutomorphismSearch on graphs whose group order is a huge product: the star K_{1,n} (order n!) and k disjoint
/// triangles (order (3!)^k k!), at awkward sizes. Before the product-tree accumulation (issue 14 item 4) these were
/// dominated by multiplying a growing BigInteger one small factor at a time, and the exact order was always formed;
/// now <see cref="AutomorphismGroup"/> reads only log2 |Aut| and <see cref="AutomorphismGroupExactOrder"/> also
/// multiplies the order out. The graphs are built in memory.
/// <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*GroupOrderBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GroupOrderBenchmarks
{
    private Graph _graph = null!;

    [Params("star-10007", "star-100003", "star-1000000", "triangles-10007", "triangles-100000")]
    public string Family { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        int size = int.Parse(Family[(Family.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var edges = new List<(int, int)>();
        int n;
        if (Family.StartsWith("star", StringComparison.Ordinal))
        {
            n = size + 1;
            for (int v = 1; v < n; v++) edges.Add((0, v));
        }
        else
        {
            n = 3 * size;
            for (int t = 0; t < size; t++)
            {
                edges.Add((3 * t, (3 * t) + 1));
                edges.Add(((3 * t) + 1, (3 * t) + 2));
                edges.Add((3 * t, (3 * t) + 2));
            }
        }

        _graph = Graph.FromEdges(n, edges.ToArray(), directed: false);
    }

    /// <summary>The search and log2 |Aut| (what the description length needs; the exact order is not formed).</summary>
    [Benchmark]
    public double AutomorphismGroup() => AutomorphismSearch.Default.Compute(_graph).Log2Order;

    /// <summary>The search and the exact order as a BigInteger (before the product tree both cost the same).</summary>
    [Benchmark]
    public long AutomorphismGroupExactOrder() => AutomorphismSearch.Default.Compute(_graph).Order.GetBitLength();
}
