using System.Diagnostics;
using System.Globalization;
using GenEft.Dynamics;
using GenEft.Dynamics.Repons;

// Two checks of GenEFT's repon dynamics that are tables, not figures (the figures are `geneft figure figure4`,
// `geneft figure eq12` and `geneft figure eq13`): the Appendix C reduction checked off its invariant manifold, and the
// time of 10^6 collision verdicts.
// Usage: dotnet run -c Release --project samples/ReponChecks -- [outputDirectory]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outDir = args.Length > 0 ? args[0] : "repon-checks-output";
Directory.CreateDirectory(outDir);

WriteAppendixCCheck();
TimeMillionVerdicts();

void WriteAppendixCCheck()
{
    // Appendix C's own start (b(0) = 0, x1 + x2 = 0) with a generic target y: x1 + x2 does not stay 0 (its rate is
    // 2 eta_x A^T y at t = 0), so Eq. 8 is an approximation there. Measure how far Eq. 7's (A, r) drifts from Eq. 8's.
    const int p = 3, d = 2;
    const double etaA = 1.0, etaX = 1.0;
    var random = new Random(8);
    Console.WriteLine("\nAppendix C off its manifold (b(0) = 0, x1 + x2 = 0, |y| = 1, generic A^T y != 0):");
    Console.WriteLine("| trial | max_t |r7 - r8| / |r8(0)| | max_t |A7 - A8|_max / |A(0)|_max | |x1 + x2| at t = 100 | Eq. 8 verdict | Eq. 7 |r(100)| |");
    Console.WriteLine("|---|---|---|---|---|---|");
    using var csv = new StreamWriter(Path.Combine(outDir, "appendix_c_check.csv"));
    csv.WriteLine("trial,max_relative_r_difference,max_relative_A_difference,midpoint_norm_t100,eq8_outcome,eq7_r_norm_t100,eq8_r_norm_t100");
    for (int trial = 0; trial < 5; trial++)
    {
        double[] y = [.. Enumerable.Range(0, p).Select(_ => Gaussian(random))];
        double yNorm = Math.Sqrt(y.Sum(v => v * v));
        y = [.. y.Select(v => v / yNorm)];
        var full = new SameClassReponSystem(p, d, 2, etaA, etaX, y);
        var relative = new RelativeReponSystem(p, d, etaA, etaX);
        double[] state = new double[full.Dimension];
        for (int i = 0; i < p * d; i++)
        {
            state[i] = Gaussian(random);
        }

        for (int k = 0; k < d; k++)
        {
            double r = Gaussian(random);
            state[full.ReponOffset(0) + k] = r;
            state[full.ReponOffset(1) + k] = -r;
        }

        double[] rel0 = new double[relative.Dimension];
        full.ToRelativeState(state, rel0);
        double[] times = [.. Enumerable.Range(1, 100).Select(k => (double)k)];
        double[] fullOut = new double[times.Length * full.Dimension], relOut = new double[times.Length * relative.Dimension];
        var solver = new DormandPrince54Solver(1e-10, 1e-13);
        solver.Solve(full, 0, (double[])state.Clone(), 100, new double[full.Dimension], new OdeRequest { OutputTimes = times, OutputStates = fullOut });
        solver.Solve(relative, 0, rel0, 100, new double[relative.Dimension], new OdeRequest { OutputTimes = times, OutputStates = relOut });
        double rScale = Math.Sqrt(rel0.AsSpan(p * d).ToArray().Sum(v => v * v)), aScale = rel0.Take(p * d).Max(Math.Abs);
        double maxR = 0, maxA = 0;
        double[] mapped = new double[relative.Dimension];
        for (int s = 0; s < times.Length; s++)
        {
            full.ToRelativeState(fullOut.AsSpan(s * full.Dimension, full.Dimension), mapped);
            ReadOnlySpan<double> r8 = relOut.AsSpan(s * relative.Dimension, relative.Dimension);
            for (int i = 0; i < relative.Dimension; i++)
            {
                double diff = Math.Abs(mapped[i] - r8[i]);
                if (i < p * d)
                {
                    maxA = Math.Max(maxA, diff / aScale);
                }
                else
                {
                    maxR = Math.Max(maxR, diff / rScale);
                }
            }
        }

        ReadOnlySpan<double> last = fullOut.AsSpan((times.Length - 1) * full.Dimension, full.Dimension);
        double midpoint = 0, r7 = 0, r8Norm = 0;
        for (int k = 0; k < d; k++)
        {
            midpoint += Math.Pow(last[full.ReponOffset(0) + k] + last[full.ReponOffset(1) + k], 2);
            r7 += Math.Pow(0.5 * (last[full.ReponOffset(0) + k] - last[full.ReponOffset(1) + k]), 2);
            r8Norm += Math.Pow(relOut[((times.Length - 1) * relative.Dimension) + (p * d) + k], 2);
        }

        ReponOutcome verdict = relative.Outcome(rel0);
        csv.WriteLine($"{trial},{maxR},{maxA},{Math.Sqrt(midpoint)},{verdict},{Math.Sqrt(r7)},{Math.Sqrt(r8Norm)}");
        Console.WriteLine($"| {trial} | {maxR:E2} | {maxA:E2} | {Math.Sqrt(midpoint):E2} | {verdict} (|r8(100)| = {Math.Sqrt(r8Norm):E2}) | {Math.Sqrt(r7):E2} |");
    }
}

void TimeMillionVerdicts()
{
    var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1.0, 1.0), 1.0, 1.0);
    estimator.Estimate(20_000, seed: 1);
    var process = Process.GetCurrentProcess();
    TimeSpan cpu0 = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    ReponCollisionEstimate e = estimator.Estimate(1_000_000, seed: 42);
    clock.Stop();
    process.Refresh();
    double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
    Console.WriteLine($"\n10^6 verdicts (eta_x/eta_A = 1, {Environment.ProcessorCount} cores): {clock.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU; P = {e.Probability:F5} +- {e.StandardError:F5}, "
        + $"{(double)e.Steps / (e.Samples - e.DecidedAtStart):F1} steps per integrated run, {e.DecidedAtStart} decided at start, {e.Undecided} undecided, {e.DisagreementsWithConservedQuantity} disagreements");
}

static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
