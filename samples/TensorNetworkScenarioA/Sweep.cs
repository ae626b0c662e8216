using System.Diagnostics;
using System.Text.Json;
using GenEft.Experiments;
using GenEft.Models.TensorNetwork;

namespace ScenarioASample;

public sealed record SweepSettings(
    string Output, int[] BondDimensions, TensorNetworkRegularizer[] Regularizers, int Seeds, int K,
    int TestCount, int FinalTestCount, int EvaluationInterval, int MaxEpochs, int Workers, int Shard, int Shards);

/// <summary>One run as stored under runs/: the summary and the curves the analysis needs.</summary>
public sealed record RunRecord(
    int D, string Regularizer, int K, int Replicate, ulong Seed, double LearningRate,
    double? TrainZeroTime, double? TestZeroTime, double? GrokkingTime, string StopReason, double FinalTestError, double Seconds,
    double[] Time, double[] Loss, double[] TrainError, double[] TestError, double[] EffectiveDimension,
    double[] EpochLoss, double[] SpikeTime, double[] SpikeMagnitude, double[] SpikeStart, double[] SpikeEnd);

public static class Sweep
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static TensorNetworkRegularizer ParseRegularizer(string name) => name.ToLowerInvariant() switch
    {
        "none" => TensorNetworkRegularizer.None,
        "l2" => TensorNetworkRegularizer.L2,
        "l1" => TensorNetworkRegularizer.L1,
        _ => throw new ArgumentException($"Unknown regulariser '{name}': use none, l2 or l1."),
    };

    public static int Run(SweepSettings s, CancellationToken token)
    {
        Directory.CreateDirectory(Path.Combine(s.Output, "runs"));
        var grid = new SweepGrid(
            [
                new SweepAxis("k", [s.K]),
                new SweepAxis("d", s.BondDimensions.Select(d => (double)d)),
                new SweepAxis("reg", s.Regularizers.Select(r => (double)(int)r)),
                SweepAxis.Replicates("replicate", s.Seeds),
            ],
            baseSeed: 2022);
        var options = new SweepOptions(Path.Combine(s.Output, "sweep.jsonl")) { Workers = s.Workers, ShardIndex = s.Shard, ShardCount = s.Shards };
        var clock = Stopwatch.StartNew();
        var progress = new Progress<SweepProgress>(p => Console.Error.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {p.Completed}/{p.Total} {p.LastRow?.Key}"));
        try
        {
            var rows = SweepRunner.Run(grid, (cell, ct) => RunCell(s, cell, ct), options, progress, token);
            Console.Error.WriteLine($"{rows.Count} runs in {options.ResultsPath} ({clock.Elapsed.TotalMinutes:F1} min)");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: the finished runs are kept; run again to continue.");
            return 130;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, SweepValue>> RunCell(SweepSettings s, SweepCell cell, CancellationToken token)
    {
        var reg = (TensorNetworkRegularizer)(int)cell["reg"];
        var settings = new TensorNetworkScenarioASettings
        {
            BondDimension = (int)cell["d"],
            Regularizer = reg,
            Steps = s.K,
            TestCount = s.TestCount,
            FinalTestCount = s.FinalTestCount,
            EvaluationInterval = s.EvaluationInterval,
            MaxEpochs = s.MaxEpochs,
            Seed = cell.Seed,
        };
        var clock = Stopwatch.StartNew();
        var run = TensorNetworkScenarioA.Run(settings, null, token);
        var curve = run.Training.Curve;
        var record = new RunRecord(
            settings.BondDimension, reg.ToString(), s.K, (int)cell["replicate"], cell.Seed, settings.LearningRate,
            run.TrainZeroTime, run.TestZeroTime, run.GrokkingTime, run.Training.StopReason.ToString(), run.FinalTestError, clock.Elapsed.TotalSeconds,
            curve.Select(p => p.Time).ToArray(), curve.Select(p => p.Loss).ToArray(), curve.Select(p => 1 - p.TrainAccuracy).ToArray(),
            curve.Select(p => 1 - p.TestAccuracy).ToArray(), curve.Select(p => p.Metrics[0].Value).ToArray(),
            run.EpochLosses.ToArray(), run.Spikes.Select(x => x.PeakTime).ToArray(), run.Spikes.Select(x => x.Magnitude).ToArray(),
            run.Spikes.Select(x => (x.Start + 1) * settings.LearningRate).ToArray(), run.Spikes.Select(x => (x.End + 1) * settings.LearningRate).ToArray());
        string path = Path.Combine(s.Output, "runs", $"k{s.K}-d{settings.BondDimension}-{reg}-{record.Replicate}.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(record, Json));
        File.Move(path + ".tmp", path, overwrite: true);
        return
        [
            new("train_zero_time", SweepValue.From(run.TrainZeroTime)),
            new("test_zero_time", SweepValue.From(run.TestZeroTime)),
            new("grokking_time", SweepValue.From(run.GrokkingTime)),
            new("final_test_error", run.FinalTestError),
            new("spikes", (long)run.Spikes.Count),
            new("deff_final", curve[^1].Metrics[0].Value),
            new("stop", run.Training.StopReason.ToString()),
            new("seconds", clock.Elapsed.TotalSeconds),
        ];
    }
}
