using GenEft.Experiments;
using GenEft.Models;

/// <summary>Shared plumbing of the figure samples: the cell-to-run mapping, console progress, and the results table.</summary>
internal static class Sweeps
{
    /// <summary>Settings of one cell: Table 3 defaults, overridden by the axes the cell has and by flags.</summary>
    public static TrainingRunSettings Settings(SweepCell cell, Options o, string relation)
    {
        double Axis(string name, double fallback) => cell.Names.Contains(name) ? cell[name] : fallback;
        return new TrainingRunSettings(NamedRelations.Create(relation, o.Int("n", 30)))
        {
            TrainingFraction = Axis("fraction", o.Double("fraction", 0.75)),
            Model = new AutoencoderConfig
            {
                DecoderDepth = (int)Axis("depth", o.Int("depth", 3)),
                DecoderWidth = (int)Axis("width", o.Int("width", 50)),
                EmbeddingDimension = (int)Axis("dim", o.Int("dim", 2)),
                EmbeddingInitScale = Axis("init", o.Double("init", 1.0)),
                Combine = Enum.Parse<CombineMode>(o.String("mode", "Concat"), ignoreCase: true),
            },
            Optimizer = new OptimizerSettings
            {
                EncoderLearningRate = Axis("eta_enc", o.Double("eta-enc", 1e-3)),
                DecoderLearningRate = Axis("eta_dec", o.Double("eta-dec", 1e-3)),
                DecoderWeightDecay = Axis("wd_dec", o.Double("wd-dec", 0)),
            },
            Criteria = new PhaseCriteria { Budget = o.Int("budget", 20_000) },
            EvaluationInterval = o.Int("eval", 10),
            Seed = cell.Seed,
            RecordCurve = false,
        };
    }

    /// <summary>
    /// Runs (or resumes) a sweep whose cells are training runs, printing progress; returns the rows. With --replot,
    /// runs nothing and returns the rows already in <paramref name="resultsPath"/> (to redraw a committed figure).
    /// </summary>
    public static IReadOnlyList<SweepRow> Run(SweepGrid grid, Options o, string relation, string resultsPath, Func<SweepCell, TrainingRunSettings>? settings = null)
    {
        if (o.Flag("replot"))
        {
            var stored = SweepResults.Read(resultsPath);
            if (stored.Count == 0)
            {
                throw new FileNotFoundException($"--replot: no results in {resultsPath}.", resultsPath);
            }

            Console.WriteLine($"{relation}: replotting {stored.Count} stored cells from {resultsPath}");
            return stored;
        }

        settings ??= cell => Settings(cell, o, relation);
        var start = DateTime.UtcNow;
        var progress = new ConsoleProgress(start);
        var sweepOptions = new SweepOptions(resultsPath)
        {
            Workers = o.Int("workers", Environment.ProcessorCount),
            ShardIndex = o.Int("shard", 0),
            ShardCount = o.Int("shards", 1),
        };
        var rows = SweepRunner.Run(grid, (cell, token) => TrainingRun.Execute(settings(cell), null, token).ToSweepValues(), sweepOptions, progress);
        Console.WriteLine($"{relation}: {rows.Count} cells in {(DateTime.UtcNow - start).TotalSeconds:F1} s wall ({resultsPath})");
        return rows;
    }

    private sealed class ConsoleProgress(DateTime start) : IProgress<SweepProgress>
    {
        private readonly object _gate = new();

        public void Report(SweepProgress value)
        {
            lock (_gate)
            {
                string cell = value.LastRow is null ? "start" : $"{value.LastRow.Key} -> {value.LastRow.Text("phase")} after {value.LastRow.Text("steps")} steps";
                Console.WriteLine($"[{(DateTime.UtcNow - start).TotalSeconds,7:F1} s] {value.Completed}/{value.Total} (skipped {value.Skipped}) {cell}");
            }
        }
    }
}
