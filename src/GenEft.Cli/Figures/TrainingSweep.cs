using System.CommandLine;
using GenEft.Cli.Commands;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;

namespace GenEft.Cli.Figures;

/// <summary>
/// The options and plumbing of the GenEFT figures that are sweeps of autoencoder training runs (Figures 3, 5, 6, 7,
/// 8): Table 3 defaults overridden by the cell's axes and the options, run through <see cref="SweepRunner"/> into a
/// JSON-lines file in the output folder (started afresh, or resumed with <c>--resume</c>), or read back from it
/// with <c>--replot</c>.
/// </summary>
internal sealed class TrainingSweep
{
    /// <summary>The relation names the figures take (GenEFT Table 1).</summary>
    public static readonly string[] RelationNames = ["mod3", "mod5", "greater", "bipartite"];

    public TrainingSweep(long budget, int seeds, int width = 50, bool depthIsAxis = false)
    {
        Budget = CommonOptions.CreateCount("--budget", "Training steps per run (GenEFT Table 4: 100000)", budget);
        Seeds = CommonOptions.CreateCount("--seeds", "Runs per grid point, each with its own seed", seeds);
        Width = CommonOptions.CreateCount("--width", "Decoder hidden width (Table 3: 50)", width);
        Depth = depthIsAxis ? null : CommonOptions.CreateCount("--depth", "Decoder hidden layers (Table 3: 3)", 3);
    }

    public Option<int> Size { get; } = CommonOptions.CreateCount("--size", "The relation's size n (GenEFT: 30)", 30, "-n");

    public Option<long> Budget { get; }

    public Option<int> Seeds { get; }

    public Option<int> EvalInterval { get; } = CommonOptions.CreateCount("--eval-interval", "Evaluate every this many steps", 10);

    public Option<int> Width { get; }

    public Option<int>? Depth { get; }

    public Option<int> Dimension { get; } = CommonOptions.CreateCount("--embedding-dim", "Embedding dimension d (Table 3: 2)", 2);

    public Option<bool> Resume { get; } = new("--resume") { Description = "Keep the runs already in the figure's .jsonl file in --out and run only the missing ones (same options!)" };

    public Option<bool> Replot { get; } = new("--replot") { Description = "Train nothing: redraw the figure from the .jsonl results in --out" };

    /// <summary>A relation-name option (one or more of <see cref="RelationNames"/>).</summary>
    public static Option<string[]> CreateRelations(string name, params string[] defaults)
    {
        var option = new Option<string[]>(name)
        {
            Description = $"Relations: {string.Join(", ", RelationNames)} (GenEFT Table 1: x = y mod 3 or 5, x < y, complete bipartite)",
            DefaultValueFactory = _ => defaults,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        option.AcceptOnlyFromAmong(RelationNames);
        return option;
    }

    /// <summary>The shared options, for the figure's option list.</summary>
    public IEnumerable<Option> Options => new Option?[] { Size, Budget, Seeds, EvalInterval, Width, Depth, Dimension, Resume, Replot }.OfType<Option>();

    /// <summary>A relation of <see cref="RelationNames"/> on n elements.</summary>
    public static Relation Create(string name, int n) => name switch
    {
        "mod3" => RelationGenerators.EqualityModulo(n, 3),
        "mod5" => RelationGenerators.EqualityModulo(n, 5),
        "greater" => RelationGenerators.LessThan(n),
        "bipartite" => RelationGenerators.CompleteBipartite(n, n / 2),
        _ => throw new CliInputException($"Unknown relation '{name}' ({string.Join(", ", RelationNames)})."),
    };

    /// <summary>Settings of one cell: Table 3 defaults (AdamW, eta = 10^-3, fraction 0.75), overridden by the cell's axes and the options.</summary>
    public TrainingRunSettings Settings(SweepCell cell, ParseResult p, string relation)
    {
        double Axis(string name, double fallback) => cell.Names.Contains(name) ? cell[name] : fallback;
        return new TrainingRunSettings(Create(relation, p.GetValue(Size)))
        {
            TrainingFraction = Axis("fraction", 0.75),
            Model = new AutoencoderConfig
            {
                DecoderDepth = (int)Axis("depth", Depth is null ? 3 : p.GetValue(Depth)),
                DecoderWidth = p.GetValue(Width),
                EmbeddingDimension = p.GetValue(Dimension),
                EmbeddingInitScale = Axis("init", 1.0),
            },
            Optimizer = new OptimizerSettings
            {
                EncoderLearningRate = Axis("eta_enc", 1e-3),
                DecoderLearningRate = Axis("eta_dec", 1e-3),
                DecoderWeightDecay = Axis("wd_dec", 0),
            },
            Criteria = new PhaseCriteria { Budget = p.GetValue(Budget) },
            EvaluationInterval = p.GetValue(EvalInterval),
            Seed = cell.Seed,
            RecordCurve = false,
        };
    }

    /// <summary>
    /// Runs the sweep into <paramref name="file"/> in the output folder (deleting an old one unless --resume) and
    /// returns its rows; with --replot returns the rows already there. Cancelled, the finished runs stay in the file.
    /// </summary>
    public IReadOnlyList<SweepRow> Run(SweepGrid grid, ParseResult p, FigureContext f, string file, Func<SweepCell, TrainingRunSettings> settings)
    {
        string path = f.PathOf(file);
        if (p.GetValue(Replot))
        {
            if (!File.Exists(path)) throw new CliInputException($"--replot: {path} does not exist.");
            var stored = SweepResults.Read(path);
            if (stored.Count == 0) throw new CliInputException($"--replot: no results in {path}.");
            f.Line($"{file}: replotting {stored.Count} stored runs");
            return stored;
        }

        if (!p.GetValue(Resume) && File.Exists(path)) File.Delete(path);
        var stage = f.Progress($"{Path.GetFileNameWithoutExtension(file)}: {grid.Cells.Count} runs");
        var rows = SweepRunner.Run(
            grid,
            (cell, token) => SweepCommands.Deterministic(TrainingRun.Execute(settings(cell), null, token)),
            new SweepOptions(path) { Workers = f.Workers },
            new Inline(s => stage.Report(s.Total == 0 ? 1 : (double)s.Completed / s.Total)),
            f.CancellationToken);
        stage.Finish();
        f.Wrote([path]);
        return rows;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Inline(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
