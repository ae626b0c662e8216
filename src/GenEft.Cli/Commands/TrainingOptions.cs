using System.CommandLine;
using GenEft.Experiments;
using GenEft.Relations;

namespace GenEft.Cli.Commands;

/// <summary>
/// The options of one autoencoder training run (GenEFT Table 3 defaults) shared by <c>train</c> and <c>sweep run</c>:
/// in <c>sweep run</c> the rates, weight decays and training fraction take several values, each a grid axis.
/// </summary>
internal sealed class TrainingOptions
{
    public TrainingOptions(bool lists)
    {
        Lists = lists;
        string many = lists ? " (one or more values: a sweep axis)" : "";
        TrainFraction = Rates("--train-fraction", "Fraction of the n^2 pairs used for training, in (0, 1]" + many, 0.75, v => v > 0 && v <= 1, "in (0, 1]", lists);
        EncoderRate = Rates("--encoder-lr", "Encoder (embedding) learning rate eta_enc, positive" + many, 1e-3, v => v > 0 && double.IsFinite(v), "positive and finite", lists);
        DecoderRate = Rates("--decoder-lr", "Decoder (MLP) learning rate eta_dec, positive" + many, 1e-3, v => v > 0 && double.IsFinite(v), "positive and finite", lists);
        EncoderDecay = Rates("--encoder-wd", "Encoder weight decay, >= 0" + many, 0, v => v >= 0 && double.IsFinite(v), "non-negative and finite", lists);
        DecoderDecay = Rates("--decoder-wd", "Decoder weight decay wd_dec, >= 0" + many, 0, v => v >= 0 && double.IsFinite(v), "non-negative and finite", lists);
        Optimizer.AcceptOnlyFromAmong("adamw", "adam", "sgd");
    }

    /// <summary>Whether the numeric options take lists.</summary>
    public bool Lists { get; }

    public Option<double[]> TrainFraction { get; }

    public Option<double[]> EncoderRate { get; }

    public Option<double[]> DecoderRate { get; }

    public Option<double[]> EncoderDecay { get; }

    public Option<double[]> DecoderDecay { get; }

    public Option<string> Optimizer { get; } = new("--optimizer")
    {
        Description = "adamw, adam or sgd",
        DefaultValueFactory = _ => "adamw",
    };

    public Option<long> Steps { get; } = CommonOptions.CreateCount("--steps", "The step budget (Table 4: 100000); the run stops earlier once its phase is certain", 100_000L);

    public Option<int> EvalInterval { get; } = CommonOptions.CreateCount("--eval-interval", "Evaluate (one learning-curve point) every this many steps", 10);

    public Option<long> GrokkingDelay { get; } = new("--grokking-delay")
    {
        Description = "Steps between the train and test crossings of 0.9 that count as grokking (Table 4: 1000)",
        DefaultValueFactory = _ => 1000L,
    };

    public Option<int> EmbeddingDimension { get; } = CommonOptions.CreateCount("--embedding-dim", "Embedding dimension d", 2);

    public Option<int> Width { get; } = CommonOptions.CreateCount("--width", "Decoder hidden width", 50);

    public Option<int> Depth { get; } = CommonOptions.CreateCount("--depth", "Decoder hidden layers", 3);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { TrainFraction, EncoderRate, DecoderRate, EncoderDecay, DecoderDecay, Optimizer, Steps, EvalInterval, GrokkingDelay, EmbeddingDimension, Width, Depth })
            command.Options.Add(option);
        GrokkingDelay.Validators.Add(r =>
        {
            if (r.TryGet(out long v) && v < 0) r.AddError($"--grokking-delay must be at least 0, got {v}.");
        });
    }

    /// <summary>The settings of one run with the given per-run values (the first of each list in <c>train</c>).</summary>
    public TrainingRunSettings Settings(ParseResult p, Relation relation, ulong seed, double fraction, double encoderRate, double decoderRate, double encoderDecay, double decoderDecay)
    {
        var defaults = new GenEft.Models.AutoencoderConfig();
        return new TrainingRunSettings(relation)
        {
            TrainingFraction = fraction,
            Seed = seed,
            EvaluationInterval = p.GetValue(EvalInterval),
            Model = defaults with
            {
                EmbeddingDimension = p.GetValue(EmbeddingDimension),
                DecoderWidth = p.GetValue(Width),
                DecoderDepth = p.GetValue(Depth),
            },
            Criteria = PhaseCriteria.Table4 with { Budget = p.GetValue(Steps), GrokkingDelay = p.GetValue(GrokkingDelay) },
            Optimizer = new OptimizerSettings
            {
                Kind = p.GetValue(Optimizer) switch { "adam" => OptimizerKind.Adam, "sgd" => OptimizerKind.Sgd, _ => OptimizerKind.AdamW },
                EncoderLearningRate = encoderRate,
                DecoderLearningRate = decoderRate,
                EncoderWeightDecay = encoderDecay,
                DecoderWeightDecay = decoderDecay,
            },
        };
    }

    private static Option<double[]> Rates(string name, string description, double defaultValue, Func<double, bool> valid, string range, bool lists) =>
        CommonOptions.CreateNumbers(name, description, [defaultValue], valid, range, lists);
}
