using System.Diagnostics;
using GenEft.Experiments;
using GenEft.Relations;

namespace GenEft.Reproduce;

/// <summary>
/// GenEFT Sections II and IV: the autoencoder with Table 3 defaults on mod 3 (n = 30) at equal encoder and decoder
/// learning rates, and with the decoder 1000x faster (Figure 5's memorization side), classified by Table 4's rules
/// within the step budget.
/// </summary>
public static class TrainingSection
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>Runs the settings in parallel, writing training.csv as each run finishes, then prints the table and the sentence.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Stops the runs at their next evaluation; finished runs stay in the file.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled (after the finished runs were printed).</exception>
    public static void Run(ReproduceSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"== Autoencoder (GenEFT Table 3 defaults, mod 3, n = 30, budget {settings.Steps} steps, Table 4 phases)");
        var runs = new List<(double Ratio, double EtaEnc, double EtaDec, ulong Seed)>();
        for (ulong seed = 1; seed <= (ulong)settings.Seeds; seed++)
        {
            runs.Add((1, 1e-3, 1e-3, seed));
            runs.Add((1000, 1e-6, 1e-3, seed));
        }

        var results = new TrainingRunResult?[runs.Count];
        int finished = 0;
        using var csv = new ResultsFile(Path.Combine(settings.Output, "training.csv"), "eta_dec_over_eta_enc,seed,phase,train_reached_step,test_reached_step,steps,final_train_accuracy,final_test_accuracy");
        var criteria = PhaseCriteria.Table4 with { Budget = settings.Steps };
        try
        {
            Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
            {
                var run = runs[i];
                string label = $"run {i + 1}/{runs.Count} (eta_dec/eta_enc = {run.Ratio:G6}, seed {run.Seed})";
                var settingsOfRun = new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
                {
                    Optimizer = new OptimizerSettings { EncoderLearningRate = run.EtaEnc, DecoderLearningRate = run.EtaDec },
                    Seed = run.Seed,
                    Criteria = criteria,
                    RecordCurve = false,
                };
                var r = TrainingRun.Execute(settingsOfRun, new Heartbeats(label, settings.Steps), cancellationToken);
                results[i] = r;
                csv.Append($"{run.Ratio:R},{run.Seed},{r.Outcome.Phase},{r.Outcome.TrainReachedStep},{r.Outcome.TestReachedStep},{r.StepsRun},{r.Final.TrainAccuracy:R},{r.Final.TestAccuracy:R}");
                ProgressLog.Line("training", $"{label} finished: {r.Outcome.Phase} after {r.StepsRun} steps ({Interlocked.Increment(ref finished)}/{runs.Count} done)");
            });
        }
        finally
        {
            PrintTable(runs, results);
        }

        Console.WriteLine(Headlines.Training(runs.Select((run, i) => (run.Ratio, results[i]!.Outcome.Phase)).ToArray()));
    }

    private static void PrintTable(List<(double Ratio, double EtaEnc, double EtaDec, ulong Seed)> runs, TrainingRunResult?[] results)
    {
        Console.WriteLine($"{"eta_dec/eta_enc",16}{"seed",5}{"phase",16}{"train>0.9",11}{"test>0.9",10}{"steps",8}{"test acc",10}");
        for (int i = 0; i < runs.Count; i++)
        {
            if (results[i] is { } r)
            {
                Console.WriteLine($"{runs[i].Ratio,16:G6}{runs[i].Seed,5}{r.Outcome.Phase,16}{r.Outcome.TrainReachedStep?.ToString() ?? "-",11}{r.Outcome.TestReachedStep?.ToString() ?? "-",10}{r.StepsRun,8}{r.Final.TestAccuracy,10:F3}");
            }
        }
    }

    /// <summary>A progress line per run every 10 s of wall time (the memorizing runs use their whole budget).</summary>
    private sealed class Heartbeats(string label, long budget) : IProgress<LearningCurvePoint>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _next = Heartbeat;

        public void Report(LearningCurvePoint value)
        {
            if (_clock.Elapsed < _next)
            {
                return;
            }

            _next = _clock.Elapsed + Heartbeat;
            ProgressLog.Line("training", $"{label}: step {value.Step}/{budget}, train acc {value.TrainAccuracy:F3}, test acc {value.TestAccuracy:F3}");
        }
    }
}
