using GenEft.Models;
using GenEft.Nn;
using GenEft.Relations;

namespace GenEft.Experiments;

/// <summary>
/// Trains a <see cref="RelationAutoencoder{T}"/> on a relation (GenEFT Sections II-IV) and classifies what happened
/// (Appendix B, Table 4), stopping as soon as the phase is certain: a thin adapter that builds the split, the model,
/// the two-group optimizer and the batches, and runs them through <see cref="TrainingLoop"/>. Single-threaded;
/// divergence is an outcome, not an exception.
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs one training run.</summary>
    /// <param name="settings">The run.</param>
    /// <param name="progress">Receives each evaluation as it is made.</param>
    /// <param name="cancellationToken">Checked at every evaluation.</param>
    /// <returns>The phase, curve and trained model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException">The training set would be empty, or the batch size exceeds it.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingRunResult Execute(TrainingRunSettings settings, IProgress<LearningCurvePoint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataset = new RelationDataset(settings.Relation);
        if (dataset.TrainingCount(settings.TrainingFraction) < 1)
        {
            throw new ArgumentException($"A training fraction of {settings.TrainingFraction} leaves no training pairs out of {dataset.SampleCount}.", nameof(settings));
        }

        var split = Split(settings);
        if (settings.BatchSize > split.Train.Count)
        {
            throw new ArgumentException($"BatchSize {settings.BatchSize} exceeds the {split.Train.Count} training pairs.", nameof(settings));
        }

        var model = InitialModel(settings);
        model.FlushSubnormals = settings.FlushSubnormals;
        var result = TrainingLoop.Run(model, groups => settings.Optimizer.Create(groups, settings.FlushSubnormals), Data(split, settings), LoopSettings(settings), progress, cancellationToken);
        return new TrainingRunResult(result, model);
    }

    /// <summary>The loop settings of a run: its criteria, interval and stop rules; time = steps x the encoder's learning rate.</summary>
    /// <param name="settings">The run.</param>
    /// <returns>The settings <see cref="TrainingLoop"/> runs with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static TrainingLoopSettings LoopSettings(TrainingRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TrainingLoopSettings
        {
            Criteria = settings.Criteria,
            EvaluationInterval = TrainingInterval.Steps(settings.EvaluationInterval),
            TimeUnit = TimeUnit.StepsTimesLearningRate,
            TimeReferenceGroup = 0,
            StopWhenCertain = settings.StopWhenCertain,
            RecordCurve = settings.RecordCurve,
        };
    }

    private static TrainingData<SupervisedBatch<float>> Data(RelationSplit split, TrainingRunSettings settings)
    {
        var train = SupervisedDataset<float>.FromIndexPairs(split.Train.Left, split.Train.Right, split.Train.Label);
        var test = SupervisedDataset<float>.FromIndexPairs(split.Test.Left, split.Test.Right, split.Test.Label);
        var batches = settings.BatchSize == 0 ? train.FullBatches() : train.Minibatches(settings.BatchSize, RandomSeed(settings.Seed, 2));
        return new TrainingData<SupervisedBatch<float>>(batches, [train.AsBatch()], test.Count > 0 ? [test.AsBatch()] : []);
    }

    /// <summary>The train/test split a run with these settings uses (seed stream 0).</summary>
    /// <param name="settings">The run.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static RelationSplit Split(TrainingRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RelationDataset(settings.Relation).Split(settings.TrainingFraction, RandomSeed(settings.Seed, 0));
    }

    /// <summary>The freshly initialized model a run with these settings starts from (seed stream 1), e.g. to replay it elsewhere.</summary>
    /// <param name="settings">The run.</param>
    /// <returns>The untrained model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static RelationAutoencoder<float> InitialModel(TrainingRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RelationAutoencoder<float>(settings.Model with { ElementCount = settings.Relation.Size }, RandomSeed(settings.Seed, 1));
    }

    internal static ulong RandomSeed(ulong seed, int stream) => (ulong)SeedMixer.ToRandomSeed(SeedMixer.Mix(seed, (ulong)(uint)stream));
}
