using GenEft.Analysis;
using GenEft.Models.Perceptron;

/// <summary>
/// Žunkovič and Ilievski Fig. 6: bimodal grokking-time densities of the ball model for D = 4, 5, 6, lambda2 = 0.01,
/// epsilon = 2, w(0) ~ N(0, I), no L1. Three simulations per D: (a) the paper's large-N model with its own thresholds
/// (G = lambda_{2,D} I + eps^2 e_1 e_1^T, a = eps e_1, training "zero" at eps w_1 &gt;= |w_perp|), which is what Eq. 42-47 describe;
/// (b) the real finite-N model (actual training sets, actual training error) for N = 100 and N = 1000. Theory: the
/// fast-branch density Eq. 43-44 and the two slow-branch positions (derived, and Eq. 47 as printed).
/// </summary>
internal static class Figure6
{
    private const double YClip = 3;

    public static void Execute(Options options)
    {
        const double epsilon = 2, l2 = 0.01;
        var table = new Table(options.PathOf("figure6.csv"), "D", "simulation", "runs", "P_G", "share with t_G < 2/eps^2", "p_fast Eq. 45", "slow peak (histogram)", "slow quartiles", "slow position derived", "slow position Eq. 47 printed");
        var panels = new List<GenEft.Plotting.Chart>();
        foreach (int d in new[] { 4, 5, 6 })
        {
            double lambda = BallModelEffectiveL2.Compute(l2, d);
            double derived = BallModelGrokkingTime.SlowBranchTime(epsilon, lambda), printed = BallModelGrokkingTime.SlowBranchTimeAsPrinted(epsilon, lambda);
            double pFast = BallModelGrokkingTime.FastBranchProbability(d, epsilon);

            // The fast branch ends where Eq. 42 diverges: t_G < 2 / eps^2 holds its bulk (the density decays like e^(-eps^2 t)).
            double fastCut = 2 / (epsilon * epsilon);
            var simulations = new List<(string Name, double[] Times, long Runs, double Pg)>
            {
                LargeNumberModel(d, epsilon, l2, options.TrialsOr(40_000), options.Seed, options.Threads),
            };
            foreach (int n in new[] { 100, 1000 })
            {
                var driver = new BallModelMonteCarlo(n, d, epsilon, new PerceptronRegularization(0, l2)) { ComputeTrajectories = true, MaxDegreeOfParallelism = options.Threads };
                var result = driver.Run(n == 1000 ? options.TrialsOr(40_000) / 8 : options.TrialsOr(40_000) / 2, options.Seed + (ulong)d);
                simulations.Add(($"N = {n}", [.. result.GrokkingTimes], result.Trials.Count, result.GrokkingProbability.Estimate));
            }

            double tMax = 2.5 * Math.Max(derived, printed);
            var series = new List<Plots.Series>();
            foreach (var (name, times, runs, pg) in simulations)
            {
                var histogram = Histogram.Create(times, 60, 0, tMax);
                // Clamp to the y range: the renderer drops points outside it, which made the slow spike of the large-N model vanish.
                series.Add(new(name, [.. Enumerable.Range(0, 60).Select(histogram.BinCenter)], [.. Enumerable.Range(0, 60).Select(b => Math.Min(histogram.Density(b), YClip))]));
                var slow = times.Where(t => t >= fastCut).Order().ToArray();
                int peak = Enumerable.Range(0, 60).Where(b => histogram.BinCenter(b) >= fastCut).MaxBy(b => histogram.Counts[b]);
                string quartiles = slow.Length > 3 ? FormattableString.Invariant($"{slow[slow.Length / 4]:F3} / {slow[slow.Length / 2]:F3} / {slow[3 * slow.Length / 4]:F3}") : "-";
                table.Add(d, name, runs, pg, times.Count(t => t < fastCut) / (double)times.Length, pFast, histogram.BinCenter(peak), quartiles, derived, printed);
            }

            var grid = Enumerable.Range(1, 300).Select(i => tMax * i / 300).ToArray();
            series.Add(new("Eq. 43-44 fast branch", grid, [.. grid.Select(t => BallModelGrokkingTime.FastBranchDensity(t, d, epsilon))], Dashed: true));
            panels.Add(Plots.Chart($"D = {d} (p_fast = {pFast:F3})", "t_G", "density (clipped at 3)", series,
                xRange: (0, tMax), yRange: (0, YClip), verticals: [("slow, derived", derived), ("slow, Eq. 47 printed", printed)]));
        }

        Plots.Save(options.PathOf("figure6"), "Ball model t_G densities, lambda2 = 0.01, eps = 2, w(0) ~ N(0, I)", 1, panels);

        table.Save();
    }

    /// <summary>The large-N model with the paper's thresholds, built from 4D inputs eps e_1 +- c e_k (c^2 = D/(D+2)) whose moments are exactly the large-N ones.</summary>
    private static (string, double[], long, double) LargeNumberModel(int d, double epsilon, double l2, long trials, ulong seed, int threads)
    {
        double c = Math.Sqrt(d / (d + 2.0));
        var inputs = new List<double>();
        var labels = new List<double>();
        for (int k = 0; k < d; k++)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                foreach (double y in new[] { 1.0, -1.0 })
                {
                    var x = new double[d];
                    x[0] = y * epsilon;
                    x[k] += sign * c;
                    inputs.AddRange(x);
                    labels.Add(y);
                }
            }
        }

        var flow = new LinearPerceptronFlow(new LinearPerceptronData([.. inputs], d, [.. labels]), new PerceptronRegularization(0, l2));
        var training = new PapersTrainingThreshold(epsilon, d);
        var test = new BallModelPopulationError(epsilon, d);
        var initializations = new BallModelMonteCarlo(1, d, epsilon, default);
        var times = new double[trials];
        Parallel.For(0, trials, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => times[i] = flow.Solve(initializations.InitialWeights(seed, i)).GrokkingTimes(training, test).GrokkingTime);
        var finite = times.Where(double.IsFinite).ToArray();
        return ("large N, paper's thresholds", finite, trials, finite.Length / (double)trials);
    }

    /// <summary>The paper's training threshold of the large-N analysis: "zero training error" once eps w_1 &gt;= |w_perp|.</summary>
    private sealed class PapersTrainingThreshold(double epsilon, int dimension) : IPerceptronErrorMeasure
    {
        public int Dimension => dimension;

        public double Error(ReadOnlySpan<double> weights) => ZeroErrorMargin(weights) >= 0 ? 0 : 1;

        public double ZeroErrorMargin(ReadOnlySpan<double> weights)
        {
            double perpendicular = 0;
            for (int k = 1; k < weights.Length; k++)
            {
                perpendicular += weights[k] * weights[k];
            }

            return (epsilon * weights[0]) - Math.Sqrt(perpendicular);
        }
    }
}
