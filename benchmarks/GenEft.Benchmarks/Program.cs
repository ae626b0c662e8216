using BenchmarkDotNet.Running;

namespace GenEft.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*Gemm*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "census")
        {
            Subnormals.SubnormalCensus.Run(args); // a diagnostic, not a benchmark
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
