#:project ../../../src/GenEft/GenEft.csproj
#:property TargetFramework=net10.0
// Times GenEft's AutomorphismSearch on the DIMACS files written by make_benchmark_graphs.py.
// Usage: dotnet run -c Release benchmarks/reference/graphs/time_ours.cs -- GRAPHDIR [REPEATS] [family ...]
// Prints: family, best wall seconds, best process CPU seconds (the figure comparable to the CPU times
// bliss and dreadnaut report), |Aut| (as 2^x when large), orbit and generator counts. The first run
// of each family is a warm-up that includes JIT compilation and is not counted when REPEATS > 1.
using System.Diagnostics;
using System.Globalization;
using GenEft.Graphs;

string dir = args[0];
int repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string[] families = args.Length > 2 ? args[2..] :
    ["hypercube-q12", "paley-1009", "kbip-500-700", "kbip-1000-1000", "tree-100000", "cfi-200", "cfi-1000", "cfi-3000", "cubic-100000", "grid-1000", "torus-1000"];
foreach (var family in families)
{
    Graph graph;
    using (var reader = new StreamReader(Path.Combine(dir, family + ".dimacs"))) graph = DimacsFormat.Read(reader);
    double bestWall = double.MaxValue, bestCpu = double.MaxValue;
    AutomorphismGroup? group = null;
    for (int r = 0; r < Math.Max(1, repeats); r++)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        group = AutomorphismSearch.Default.Compute(graph);
        double wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        if (r == 0 && repeats > 1) continue;
        bestWall = Math.Min(bestWall, wall);
        bestCpu = Math.Min(bestCpu, cpu);
    }
    string order = group!.Order.ToString(CultureInfo.InvariantCulture);
    if (order.Length > 20) order = "2^" + group.Log2Order.ToString("F3", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{family} ours wall={bestWall:F3} cpu={bestCpu:F3} |Aut|={order} orbits={group.OrbitCount} generators={group.Generators.Count}"));
}
