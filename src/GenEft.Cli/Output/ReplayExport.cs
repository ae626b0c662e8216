using System.Text.Json;
using GenEft.Experiments;

namespace GenEft.Cli.Output;

/// <summary>
/// Writes a run's split, initial parameters and optimizer settings as JSON (<c>geneft train --export-replay</c>), so
/// that benchmarks/reference/experiments/geneft_run.py can replay the same run in PyTorch.
/// </summary>
internal static class ReplayExport
{
    public static void Write(TrainingRunSettings settings, string path)
    {
        var split = TrainingRun.Split(settings);
        var model = TrainingRun.InitialModel(settings);
        var parameters = model.NamedParameters().Select(kv => new { name = kv.Key, shape = kv.Value.Value.Shape.Dims.ToArray(), values = kv.Value.Value.ReadOnlySpan.ToArray() }).ToArray();
        var document = new
        {
            n = settings.Relation.Size,
            dim = model.Config.EmbeddingDimension,
            depth = model.Config.DecoderDepth,
            width = model.Config.DecoderWidth,
            mode = model.Config.Combine.ToString(),
            eta_enc = settings.Optimizer.EncoderLearningRate,
            eta_dec = settings.Optimizer.DecoderLearningRate,
            wd_enc = settings.Optimizer.EncoderWeightDecay,
            wd_dec = settings.Optimizer.DecoderWeightDecay,
            budget = settings.Criteria.Budget,
            eval = settings.EvaluationInterval,
            train = new { left = split.Train.Left, right = split.Train.Right, label = split.Train.Label },
            test = new { left = split.Test.Left, right = split.Test.Right, label = split.Test.Label },
            parameters,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document));
    }
}
