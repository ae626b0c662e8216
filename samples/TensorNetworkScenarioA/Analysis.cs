using System.Globalization;
using System.Text;
using System.Text.Json;
using GenEft.Analysis;
using GenEft.Plotting;

namespace ScenarioASample;

public static class RunAnalysis
{
    private static readonly string[] Order = ["None", "L2", "L1"];

    public static int Plot(string output)
    {
        var runs = Directory.GetFiles(Path.Combine(output, "runs"), "*.json")
            .Select(f => JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(f), Sweep.Json)!)
            .OrderBy(r => r.K).ThenBy(r => r.D).ThenBy(r => Array.IndexOf(Order, r.Regularizer)).ThenBy(r => r.Replicate).ToList();
        if (runs.Count == 0)
        {
            Console.Error.WriteLine($"no runs under {output}/runs");
            return 2;
        }

        var csv = new StringBuilder("k,d,regularizer,runs,grokked,test_zero_time_mean,test_zero_time_se,grokking_time_mean,grokking_time_se,deff_start,deff_before,deff_at_test_zero,deff_final,nu,nu_se,nu_runs,spikes_per_run,spike_deff_step,other_deff_step,final_test_error_zero_runs\n");
        Console.WriteLine("| K | d | regulariser | runs | test error 0 | t at test error 0 | t_G | D_eff t=0 | D_eff 0.1 before | D_eff at test 0 | D_eff end | nu (runs) | spikes/run | \\|dD_eff\\| across spikes | \\|dD_eff\\| elsewhere | final error 0 on 10^6 fresh positions |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(r => (r.K, r.D, r.Regularizer)))
        {
            var g = group.ToList();
            var grokked = g.Where(r => r.TestZeroTime is not null).ToList();
            var (tz, tzSe) = MeanSe(grokked.Select(r => r.TestZeroTime!.Value));
            var (tg, tgSe) = MeanSe(grokked.Where(r => r.GrokkingTime is not null).Select(r => r.GrokkingTime!.Value));
            double start = g.Average(r => r.EffectiveDimension[0]);
            double before = grokked.Count > 0 ? grokked.Average(r => At(r, r.TestZeroTime!.Value - 0.1)) : double.NaN;
            double atZero = grokked.Count > 0 ? grokked.Average(r => At(r, r.TestZeroTime!.Value)) : double.NaN;
            double end = g.Average(r => r.EffectiveDimension[^1]);
            var nu = Nu(grokked);
            double spikes = g.Average(r => r.SpikeTime.Length);
            var (across, elsewhere) = SpikeSteps(g);
            int finalZero = g.Count(r => r.FinalTestError == 0);
            csv.AppendLine(string.Join(",", group.Key.K, group.Key.D, group.Key.Regularizer, g.Count, grokked.Count, F(tz), F(tzSe), F(tg), F(tgSe), F(start), F(before), F(atZero), F(end), F(nu?.Nu ?? double.NaN), F(nu?.StandardError ?? double.NaN), nu?.RunsUsed ?? 0, F(spikes), F(across), F(elsewhere), finalZero));
            Console.WriteLine($"| {group.Key.K} | {group.Key.D} | {group.Key.Regularizer} | {g.Count} | {grokked.Count} | {tz:F3} ± {tzSe:F3} | {tg:F3} ± {tgSe:F3} | {start:F2} | {before:F2} | {atZero:F2} | {end:F2} | {(nu is null ? "-" : $"{nu.Nu:F2} ± {nu.StandardError:F2} ({nu.RunsUsed})")} | {spikes:F1} | {across:F3} | {elsewhere:F3} | {finalZero} of {g.Count} |");
        }

        File.WriteAllText(Path.Combine(output, "summary.csv"), csv.ToString());
        foreach (var k in runs.Select(r => r.K).Distinct())
        {
            AlignedEffectiveDimension(runs.Where(r => r.K == k).ToList(), Path.Combine(output, $"deff-aligned-k{k}"));
            LossAndSpikes(runs.Where(r => r.K == k).ToList(), Path.Combine(output, $"loss-spikes-k{k}"));
        }

        return 0;
    }

    /// <summary>
    /// nu of the test error of the runs aligned at their first zero test error: CriticalExponentFit over offsets
    /// tau in [0.02, 0.2] (t = epoch x lr), 10 log-spaced points, 200 bootstrap resamples; null if fewer than 2 runs cover it.
    /// </summary>
    private static CriticalExponentEstimate? Nu(List<RunRecord> grokked)
    {
        var curves = grokked.Where(r => r.TestZeroTime!.Value - 0.2 >= r.Time[0])
            .Select(r => new LearningCurve(r.Time, r.TestError, r.TestZeroTime)).ToList();
        if (curves.Count < 2)
        {
            return null;
        }

        try
        {
            return CriticalExponentFit.Fit(curves, new CriticalExponentFitOptions(0.02, 0.2) { Points = 10, Seed = 1 });
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static (double Mean, double Se) MeanSe(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        double mean = v.Average();
        double se = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length) : double.NaN;
        return (mean, se);
    }

    /// <summary>D_eff at the last evaluation at or before t (the first one if t is before it).</summary>
    private static double At(RunRecord r, double t)
    {
        int i = Array.FindLastIndex(r.Time, x => x <= t + 1e-9);
        return r.EffectiveDimension[Math.Max(i, 0)];
    }

    /// <summary>
    /// Mean |D_eff(after) - D_eff(before)| across each spike [start, end] (the evaluations just before its start and
    /// just after its end), and the same over windows of the same length that contain no spike.
    /// </summary>
    private static (double Across, double Elsewhere) SpikeSteps(List<RunRecord> runs)
    {
        var across = new List<double>();
        var elsewhere = new List<double>();
        foreach (var r in runs)
        {
            for (int s = 0; s < r.SpikeTime.Length; s++)
            {
                across.Add(Math.Abs(At(r, r.SpikeEnd[s] + 0.011) - At(r, r.SpikeStart[s] - 0.011)));
            }

            double width = r.SpikeTime.Length > 0 ? r.SpikeEnd.Zip(r.SpikeStart, (e, b) => e - b).Average() + 0.022 : 0.05;
            for (double t = r.Time[0]; t + width <= r.Time[^1]; t += width)
            {
                bool clean = !Enumerable.Range(0, r.SpikeTime.Length).Any(s => r.SpikeEnd[s] >= t && r.SpikeStart[s] <= t + width);
                if (clean)
                {
                    elsewhere.Add(Math.Abs(At(r, t + width) - At(r, t)));
                }
            }
        }

        return (across.Count > 0 ? across.Average() : double.NaN, elsewhere.Count > 0 ? elsewhere.Average() : double.NaN);
    }

    private static void AlignedEffectiveDimension(List<RunRecord> runs, string path)
    {
        var ds = runs.Select(r => r.D).Distinct().ToArray();
        var figure = new Figure(columns: Math.Min(3, ds.Length)) { Title = $"Mean D_eff of the middle left contexts, runs aligned at the first zero test error (K = {runs[0].K})" };
        foreach (int d in ds)
        {
            var chart = new Chart($"d = {d}", "t - t(test error 0)   (t = epoch x lr)", "mean D_eff");
            foreach (string reg in Order)
            {
                var group = runs.Where(r => r.D == d && r.Regularizer == reg && r.TestZeroTime is not null).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                double step = group[0].Time[1] - group[0].Time[0];
                var offsets = new List<double>();
                var means = new List<double>();
                for (int k = -(int)Math.Round(1.0 / step); k <= (int)Math.Round(1.0 / step); k++)
                {
                    var values = new List<double>();
                    foreach (var r in group)
                    {
                        int zero = Array.FindIndex(r.Time, t => Math.Abs(t - r.TestZeroTime!.Value) < 1e-9);
                        int i = zero + k;
                        if (i >= 0 && i < r.Time.Length)
                        {
                            values.Add(r.EffectiveDimension[i]);
                        }
                    }

                    if (values.Count == group.Count)
                    {
                        offsets.Add(k * step);
                        means.Add(values.Average());
                    }
                }

                chart.Line($"{reg} ({group.Count} runs)", offsets, means);
            }

            chart.VerticalLine("", 0, LineStyle.Dotted);
            figure.Add(chart);
        }

        figure.Save(path);
    }

    private static void LossAndSpikes(List<RunRecord> runs, string path)
    {
        var figure = new Figure(columns: 3) { Title = "Epoch loss with detected spikes (top) and D_eff (bottom): the run with most spikes per regulariser" };
        var chosen = Order.Select(reg => runs.Where(r => r.Regularizer == reg).OrderByDescending(r => r.SpikeTime.Length).ThenBy(r => r.D).FirstOrDefault()).Where(r => r is not null).ToList();
        foreach (var r in chosen)
        {
            var times = Enumerable.Range(1, r!.EpochLoss.Length).Select(e => e * r.LearningRate).ToArray();
            var chart = new Chart($"{r.Regularizer}, d = {r.D}, seed {r.Replicate}: {r.SpikeTime.Length} spikes", "t = epoch x lr", "epoch loss") { YScale = AxisScale.Log10 };
            chart.Line("loss", times, r.EpochLoss);
            foreach (double t in r.SpikeTime)
            {
                chart.VerticalLine("", t, LineStyle.Dotted, "#d62728");
            }

            figure.Add(chart);
        }

        foreach (var r in chosen)
        {
            var chart = new Chart($"{r!.Regularizer}, d = {r.D}", "t = epoch x lr", "D_eff");
            chart.Line("D_eff", r.Time, r.EffectiveDimension);
            foreach (double t in r.SpikeTime)
            {
                chart.VerticalLine("", t, LineStyle.Dotted, "#d62728");
            }

            if (r.TestZeroTime is { } z)
            {
                chart.VerticalLine("test error 0", z, LineStyle.Dashed, "#2ca02c");
            }

            figure.Add(chart);
        }

        figure.Save(path);
    }
}
