using System.Diagnostics;
using System.Globalization;
using GenEft.Dynamics;
using GenEft.Dynamics.Repons;
using GenEft.Plotting;

// GenEFT Figure 4 (the repon phase portrait in the (a2, c) plane) and the theory line of Figure 6 (Eq. 12) with
// Monte Carlo points from integrating the reduced system (Eq. 10) to its verdict; Eq. 13 for one repon against N;
// the Appendix C reduction checked off its invariant manifold; and the 10^6-verdict timing.
// Usage: dotnet run -c Release --project samples/Figure4And6Theory -- [outputDirectory] [samplesPerPoint]
//        dotnet run -c Release --project samples/Figure4And6Theory -- --replot directory [filePrefix]
//   (--replot redraws the figures: Figure 4 by re-integrating its 32 trajectories, milliseconds; Eq. 12 and Eq. 13 from
//    the Monte Carlo CSV files a run wrote, {filePrefix}eq12_monte_carlo.csv and {filePrefix}eq13_monte_carlo.csv)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "--replot")
{
    string directory = args.Length > 1 ? args[1] : throw new ArgumentException("--replot needs the directory of the CSV files.");
    string prefix = Path.Combine(directory, args.Length > 2 ? args[2] : "");
    var portraitSystem = new ReducedReponSystem(1.0, 1.0);
    TheoryPlots.Figure4(PortraitTrajectories(portraitSystem), portraitSystem, prefix + "figure4_portrait");
    TheoryPlots.Equation12(CsvTable.Read(prefix + "eq12_monte_carlo.csv"), prefix + "eq12_curve");
    TheoryPlots.Equation13(CsvTable.Read(prefix + "eq13_monte_carlo.csv"), prefix + "eq13_curve");
    Console.WriteLine($"redrew {prefix}figure4_portrait, eq12_curve and eq13_curve (.png, .svg)");
    return;
}

string outDir = args.Length > 0 ? args[0] : "figure4-6-output";
long samples = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
Directory.CreateDirectory(outDir);

WriteFigure4();
WriteEquation12();
WriteEquation13();
WriteAppendixCCheck();
TimeMillionVerdicts();

void WriteFigure4()
{
    // eta_A = eta_x = 1: the separatrix is c = +-a2 / sqrt(2).
    var system = new ReducedReponSystem(1.0, 1.0);
    ReponTrajectory[] trajectories = PortraitTrajectories(system);
    using (var csv = new StreamWriter(Path.Combine(outDir, "figure4_trajectories.csv")))
    {
        csv.WriteLine("trajectory,a2_0,c_0,conserved_C,outcome,t,a2,c");
        for (int i = 0; i < trajectories.Length; i++)
        {
            ReponTrajectory tr = trajectories[i];
            double conserved = system.ConservedQuantity(tr.Start);
            for (int k = 0; k < tr.Times.Length; k++)
            {
                csv.WriteLine($"{i},{tr.Start.A2},{tr.Start.C},{conserved},{tr.Outcome},{tr.Times[k]},{tr.A2[k]},{tr.C[k]}");
            }
        }
    }

    TheoryPlots.Figure4(trajectories, system, Path.Combine(outDir, "figure4_portrait"));
    Console.WriteLine($"Figure 4: {trajectories.Length} trajectories, separatrix slope {system.SeparatrixSlope:F6}; wrote figure4_trajectories.csv, figure4_portrait.png/svg");
}

// 32 starts on the circles of radius 1 and 2, integrated to t = 50.
static ReponTrajectory[] PortraitTrajectories(ReducedReponSystem system)
{
    var starts = new List<ReducedReponState>();
    foreach (double radius in new[] { 1.0, 2.0 })
    {
        foreach (double angle in Enumerable.Range(0, 16).Select(k => (k + 0.5) * Math.PI / 8))
        {
            starts.Add(new ReducedReponState(radius * Math.Cos(angle), radius * Math.Sin(angle)));
        }
    }

    return ReponPhasePortrait.Trajectories(system, starts, endTime: 50, pointsPerTrajectory: 200);
}

void WriteEquation12()
{
    double[] ratios = Enumerable.Range(0, 9).Select(k => Math.Pow(10, -2 + (k * 0.5))).ToArray();
    double[] sigmaRatios = [0.5, 1.0, 2.0];
    string csvPath = Path.Combine(outDir, "eq12_monte_carlo.csv");
    var csv = new StreamWriter(csvPath);
    csv.WriteLine("sigma_a_over_sigma_c,eta_x_over_eta_A,samples,monte_carlo_p,standard_error,eq12,z_score,undecided,decided_at_start,disagreements_with_C,steps_per_integrated_run");
    Console.WriteLine("\nEq. 12 vs Monte Carlo (eta_A = 1, sigma_c = 1):");
    Console.WriteLine("| sigma_a/sigma_c | eta_x/eta_A | MC P(collision) | SE | Eq. 12 | z | undecided | disagreements |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    int worstIndex = 0;
    double worst = 0;
    foreach (double sigmaRatio in sigmaRatios)
    {
        foreach (double ratio in ratios)
        {
            var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1.0, ratio), sigmaRatio, 1.0);
            ReponCollisionEstimate e = estimator.Estimate(samples, seed: 6);
            double exact = ReponCollisionProbability.TwoRepons(sigmaRatio, 1, 1, ratio);
            double z = (e.Probability - exact) / e.StandardError;
            worstIndex++;
            worst = Math.Max(worst, Math.Abs(z));
            double stepsPerRun = (double)e.Steps / Math.Max(1, e.Samples - e.DecidedAtStart);
            csv.WriteLine($"{sigmaRatio},{ratio},{e.Samples},{e.Probability},{e.StandardError},{exact},{z},{e.Undecided},{e.DecidedAtStart},{e.DisagreementsWithConservedQuantity},{stepsPerRun}");
            Console.WriteLine($"| {sigmaRatio} | {ratio:G3} | {e.Probability:F5} | {e.StandardError:F5} | {exact:F5} | {z:+0.00;-0.00} | {e.Undecided} | {e.DisagreementsWithConservedQuantity} |");
        }
    }

    csv.Dispose();
    TheoryPlots.Equation12(CsvTable.Read(csvPath), Path.Combine(outDir, "eq12_curve"));
    Console.WriteLine($"largest |z| over {worstIndex} points: {worst:F2}; wrote eq12_monte_carlo.csv, eq12_curve.png/svg");
}

void WriteEquation13()
{
    int[] clusterSizes = [1, 2, 5, 10];
    double[] ratios = [0.1, 1.0, 10.0];
    string csvPath = Path.Combine(outDir, "eq13_monte_carlo.csv");
    var csv = new StreamWriter(csvPath);
    csv.WriteLine("cluster_size_N,eta_x_over_eta_A,samples,monte_carlo_p,standard_error,eq13,z_score,undecided,disagreements_with_C");
    Console.WriteLine("\nEq. 13 (one repon against N clustered; c = half the lone-to-cluster distance; sigma_a = sigma_c = 1):");
    Console.WriteLine("| N | eta_x/eta_A | MC P(collision) | SE | Eq. 13 | z |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (int n in clusterSizes)
    {
        foreach (double ratio in ratios)
        {
            var estimator = new ReponCollisionMonteCarlo(new ReducedReponSystem(1.0, ratio, n), 1.0, 1.0);
            ReponCollisionEstimate e = estimator.Estimate(samples, seed: 13);
            double exact = ReponCollisionProbability.OneAgainstCluster(1, 1, 1, ratio, n);
            double z = (e.Probability - exact) / e.StandardError;
            csv.WriteLine($"{n},{ratio},{e.Samples},{e.Probability},{e.StandardError},{exact},{z},{e.Undecided},{e.DisagreementsWithConservedQuantity}");
            Console.WriteLine($"| {n} | {ratio:G3} | {e.Probability:F5} | {e.StandardError:F5} | {exact:F5} | {z:+0.00;-0.00} |");
        }
    }

    csv.Dispose();
    TheoryPlots.Equation13(CsvTable.Read(csvPath), Path.Combine(outDir, "eq13_curve"));
}

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
