using System.Diagnostics;
using GenEft.Models.Perceptron;

/// <summary>
/// The speed figure of docs/benchmarks.md: one ball-model P_G point (D = 10, N = 10, epsilon = 1.01, lambda2 = 0.1,
/// lambda1 = 0.05, 2e4 training sets) on all cores, timed over repeats (the first run includes JIT warm-up).
/// The NumPy/SciPy counterpart is benchmarks/reference/perceptron/ball_grokking_probability.py.
/// </summary>
internal static class GrokkingProbabilityTiming
{
    public static void Execute(Options options)
    {
        long trials = options.TrialsOr(20_000);
        var driver = new BallModelMonteCarlo(10, 10, 1.01, new PerceptronRegularization(Figure5.L1, 0.1)) { MaxDegreeOfParallelism = options.Threads };
        for (int repeat = 0; repeat < 6; repeat++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var p = driver.Run(trials, options.Seed + (ulong)repeat).GrokkingProbability;
            double wall = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"repeat {repeat}: P_G = {p}  wall {wall * 1000:F1} ms  CPU {cpuSeconds * 1000:F1} ms");
        }
    }
}
