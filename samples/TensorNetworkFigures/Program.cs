// Scenario B of Žunkovič and Ilievski (Section 4) at d = 2, 1-local rule 30: for every accepted attention tensor A the
// grokking times of many initialisations of B, nu, D_eff, xi and eps, and the ball model's Eq. 50. Args-free: run from
// the repository root; writes CSV and PNG to docs/reproduction-tensor-network/.
using System.Diagnostics;
using System.Globalization;
using GenEft.Models.Perceptron;
using GenEft.Models.TensorNetwork;
using GenEft.Plotting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int BondDimension = 2, Attempts = 4000, Initializations = 200;
const ulong Seed = 1;
string outDir = Path.Combine("docs", "reproduction-tensor-network");
Directory.CreateDirectory(outDir);
var clock = Stopwatch.StartNew();

var rule30 = ElementaryCellularAutomaton.Rule30();
var train = BinarySequenceSet.All(3, rule30);
var test = BinarySequenceSet.Random(100, 100, rule30, seed: Seed);
var accepted = new List<long>();
var acceptance = ScenarioBAttention.EstimateAcceptance(BondDimension, train, test, Attempts, Seed, accepted: accepted);
Console.WriteLine($"P_G over A = {acceptance} (accepted attempts {string.Join(", ", accepted)}), {clock.Elapsed.TotalSeconds:F0} s");

var options = new ScenarioBStatisticsOptions { Initializations = Initializations, Seed = Seed };
var summary = new List<string> { "attempt,runs,grokking_fraction,median_t_train,median_t_test,median_t_G,D_eff_train,D_eff_test,nu,nu_se_bootstrap,nu_se_regression,nu_median_run,nu_runs_used,window_min,window_max,xi,xi_se,xi_tail_count,xi_eq50,one_minus_xi,eps" };
var branches = new List<string> { "attempt,runs,t_G_nonpositive,fast_below_half_median,peak,late_above_twice_median,median_t_G" };
var runLines = new List<string> { "attempt,initialization,t_train,t_test,t_G" };
var curveLines = new List<string> { "attempt,tau,mean_test_error" };
var histograms = new Figure(columns: 3) { Title = $"Scenario B, d = 2, rule 30: log10 t_G of {Initializations} initialisations B(0) ~ N(0, I) per accepted A (dotted: median; fast < median/2, late > 2 median)" };
var curves = new Figure(columns: 3) { Title = "Runs aligned at t_eps and averaged: <<E>>(tau), tau = t_eps - t, with the fitted power law" };
var results = new List<(long Attempt, ScenarioBStatistics Stats)>();
foreach (long attempt in accepted)
{
    var a = RandomAttentionSampler.Sample(BondDimension, Seed, attempt);
    var stats = ScenarioBStatistics.Compute(a, BondDimension, train, test, options);
    results.Add((attempt, stats));
    var tG = stats.Runs.Select(r => r.GrokkingTime).Where(double.IsFinite).ToArray();
    var nu = stats.CriticalExponent;
    summary.Add(string.Join(",", attempt, stats.Runs.Count, stats.GrokkingFraction, Median(stats.Runs.Select(r => r.ZeroTrainingErrorTime)), Median(stats.Runs.Select(r => r.ZeroTestErrorTime)), Median(tG),
        stats.TrainingEffectiveDimension, stats.TestEffectiveDimension, nu?.Nu, nu?.StandardError, nu?.RegressionStandardError, nu?.MedianRunNu, nu?.RunsUsed, stats.CriticalWindow.Min, stats.CriticalWindow.Max,
        stats.Xi, stats.XiStandardError, stats.BoundaryTail.TailCount, stats.Equation50Xi, 1 - stats.Xi, stats.Separation));
    for (int r = 0; r < stats.Runs.Count; r++)
    {
        var run = stats.Runs[r];
        runLines.Add(string.Join(",", attempt, r, run.ZeroTrainingErrorTime, run.ZeroTestErrorTime, run.GrokkingTime));
    }

    double medianTg = Median(tG);
    int nonPositive = tG.Count(t => t <= 0), fast = tG.Count(t => t > 0 && t < 0.5 * medianTg), late = tG.Count(t => t > 2 * medianTg);
    branches.Add(string.Join(",", attempt, tG.Length, nonPositive, fast, tG.Length - nonPositive - fast - late, late, medianTg));
    histograms.Add(new Chart($"attempt {attempt}: {fast} fast, {late} late, {nonPositive} with t_G <= 0", "log10 t_G", "runs")
        .Histogram("", tG.Where(t => t > 0).Select(Math.Log10).ToArray(), 60)
        .VerticalLine("", Math.Log10(medianTg), LineStyle.Dotted));
    if (nu is not null)
    {
        for (int k = 0; k < nu.Offsets.Count; k++)
        {
            curveLines.Add(string.Join(",", attempt, nu.Offsets[k], nu.AveragedErrors[k]));
        }

        var fitLine = nu.Offsets.Select(t => nu.Prefactor * Math.Pow(t, nu.Nu)).ToArray();
        curves.Add(new Chart($"attempt {attempt}: nu = {nu.Nu:F2} ± {nu.RegressionStandardError:F2}", "tau", "<<E>>") { XScale = AxisScale.Log10, YScale = AxisScale.Log10, Legend = LegendPlacement.Hidden }
            .Scatter("averaged", nu.Offsets, nu.AveragedErrors)
            .Line("fit", nu.Offsets, fitLine, LineStyle.Dashed));
    }

    Console.WriteLine($"attempt {attempt}: grokking {stats.GrokkingFraction:F3}, median t_G {Median(tG):G4}, D_eff {stats.TrainingEffectiveDimension:F2} (test {stats.TestEffectiveDimension:F2}), " +
        $"nu {nu?.Nu:F3} ± {nu?.StandardError:F3} (regression ± {nu?.RegressionStandardError:F3}, median run {nu?.MedianRunNu:F3}, {nu?.RunsUsed} runs), xi {stats.Xi:F3} ± {stats.XiStandardError:F3}, Eq. 50 xi {stats.Equation50Xi:F3}, eps {stats.Separation:F3}; {clock.Elapsed.TotalSeconds:F0} s");
}

File.WriteAllLines(Path.Combine(outDir, "scenario-b-summary.csv"), summary);
File.WriteAllLines(Path.Combine(outDir, "scenario-b-runs.csv"), runLines);
File.WriteAllLines(Path.Combine(outDir, "scenario-b-branches.csv"), branches);
File.WriteAllLines(Path.Combine(outDir, "scenario-b-curves.csv"), curveLines);
histograms.Save(Path.Combine(outDir, "scenario-b-tg-histograms"), ImageFormats.Png);
curves.Save(Path.Combine(outDir, "scenario-b-critical-curves"), ImageFormats.Png);

var withNu = results.Where(r => r.Stats.CriticalExponent is not null).ToArray();
var predicted = withNu.Select(r => r.Stats.Equation50Xi).ToArray();
var measured = withNu.Select(r => r.Stats.Xi).ToArray();
double lo = Math.Min(predicted.Min(), measured.Min()) - 0.5, hi = Math.Max(predicted.Max(), measured.Max()) + 0.5;
var eq50 = new Chart("Eq. 50: xi measured vs (D_eff - 2 nu + 1)/2", "(D_eff - 2 nu + 1)/2", "xi measured (± s.e.)")
    .Scatter("accepted A", predicted, measured, withNu.Select(r => r.Stats.XiStandardError).ToArray())
    .Line("equality", [lo, hi], [lo, hi], LineStyle.Dashed);
var direct = new Chart("nu vs 1 - xi (the margin tail)", "1 - xi", "nu (± regression s.e.)")
    .Scatter("accepted A", measured.Select(x => 1 - x).ToArray(), withNu.Select(r => r.Stats.CriticalExponent!.Nu).ToArray(), withNu.Select(r => Math.Max(r.Stats.CriticalExponent!.StandardError, r.Stats.CriticalExponent!.RegressionStandardError)).ToArray())
    .Line("equality", [0, measured.Max(x => 1 - x) + 0.5], [0, measured.Max(x => 1 - x) + 0.5], LineStyle.Dashed);
new Figure(columns: 2) { Title = "Scenario B against the ball model" }.Add(eq50).Add(direct).Save(Path.Combine(outDir, "scenario-b-equation-50"), ImageFormats.Png);
// Calibration on the ball model (unit 3-balls at +-2 e_1, 400 training and 20,000 test points per class, 40 runs), where
// nu = (D + 1)/2 = 2 and this xi = (1 - D)/2 = -1 are known.
var ball = ScenarioBStatistics.Compute(BallModelTrainingSet.Sample(400, 3, 2, seed: 1).Data, BallModelTrainingSet.Sample(20_000, 3, 2, seed: 2).Data,
    new ScenarioBStatisticsOptions { Initializations = 40, Seed = 3, WindowStart = 0.01, WindowEnd = 0.2 });
File.WriteAllLines(Path.Combine(outDir, "scenario-b-ball-calibration.csv"),
[
    "D,eps,D_eff_train,D_eff_test,nu,nu_se_regression,xi,xi_se,xi_eq50,one_minus_xi,eps_measured",
    string.Join(",", 3, 2, ball.TrainingEffectiveDimension, ball.TestEffectiveDimension, ball.CriticalExponent?.Nu, ball.CriticalExponent?.RegressionStandardError, ball.Xi, ball.XiStandardError, ball.Equation50Xi, 1 - ball.Xi, ball.Separation),
]);
Console.WriteLine($"ball model D = 3: nu {ball.CriticalExponent?.Nu:F3}, xi {ball.Xi:F3} ± {ball.XiStandardError:F3}, D_eff {ball.TrainingEffectiveDimension:F3}, Eq. 50 xi {ball.Equation50Xi:F3}");
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");

static double Median(IEnumerable<double> values)
{
    var v = values.Where(double.IsFinite).Order().ToArray();
    return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[(v.Length / 2) - 1] + v[v.Length / 2]);
}
