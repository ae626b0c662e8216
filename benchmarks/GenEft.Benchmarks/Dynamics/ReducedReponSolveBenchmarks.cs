using BenchmarkDotNet.Attributes;
using GenEft.Dynamics;
using GenEft.Dynamics.Repons;

namespace GenEft.Benchmarks.Dynamics;

/// <summary>
/// One reduced-repon solve (GenEFT Eq. 10, eta_A = eta_x = 1, a2(0), c(0) ~ N(0, 1)), averaged over 64 seeded starts:
/// the SciPy reference's configuration (RK45-equivalent Dormand-Prince, rtol 1e-8, to t = 1e4, no events) as the
/// baseline, and the Monte Carlo's run to the verdict event. Compare with benchmarks/reference/dynamics/scipy_reduced_repon.py.
/// </summary>
[MemoryDiagnoser]
public class ReducedReponSolveBenchmarks
{
    private const int Starts = 64;
    private readonly ReducedReponSystem system = new(1.0, 1.0);
    private readonly DormandPrince54Solver solver = new(1e-8, 1e-12);
    private readonly double[] state = new double[2];
    private double[] a2 = [], c = [];
    private IOdeEvent[] events = [];

    [GlobalSetup]
    public void Setup()
    {
        // Starts already past a verdict threshold are decided without integration by the Monte Carlo, so keep only
        // starts that need integrating (as the SciPy script does).
        events = system.CreateVerdictEvents(1e-4);
        var random = new Random(12345);
        var a = new List<double>();
        var z = new List<double>();
        while (a.Count < Starts)
        {
            double u = Gaussian(random), v = Gaussian(random);
            if (events[0].Evaluate(0, [u, v]) > 0 && events[1].Evaluate(0, [u, v]) < 0)
            {
                a.Add(u);
                z.Add(v);
            }
        }

        a2 = [.. a];
        c = [.. z];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    public double SolveToTenThousand()
    {
        double sum = 0;
        for (int i = 0; i < Starts; i++)
        {
            state[0] = a2[i];
            state[1] = c[i];
            sum += solver.Solve(system, 0, state, 1e4, state).Statistics.Steps;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Starts)]
    public double SolveToVerdict()
    {
        double sum = 0;
        for (int i = 0; i < Starts; i++)
        {
            state[0] = a2[i];
            state[1] = c[i];
            sum += solver.Solve(system, 0, state, 1e9, state, new OdeRequest { Events = events }).Time;
        }

        return sum;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
