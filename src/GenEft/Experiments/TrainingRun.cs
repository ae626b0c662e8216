using System.Diagnostics;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Relations;

namespace GenEft.Experiments;

/// <summary>
/// Trains a <see cref="RelationAutoencoder{T}"/> on a relation (GenEFT Sections II-IV) and classifies what happened
/// (Appendix B, Table 4), stopping as soon as the phase is certain. Single-threaded; divergence is an outcome, not an
/// exception.
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
        var stopwatch = Stopwatch.StartNew();
        var dataset = new RelationDataset(settings.Relation);
        if (dataset.TrainingCount(settings.TrainingFraction) < 1)
        {
            throw new ArgumentException($"A training fraction of {settings.TrainingFraction} leaves no training pairs out of {dataset.SampleCount}.", nameof(settings));
        }

        var split = Split(settings);
        var train = split.Train;
        var test = split.Test;
        if (settings.BatchSize > train.Count)
        {
            throw new ArgumentException($"BatchSize {settings.BatchSize} exceeds the {train.Count} training pairs.", nameof(settings));
        }

        var model = InitialModel(settings);
        var optimizer = CreateOptimizer(model, settings.Optimizer);
        var batches = settings.BatchSize == 0 ? null : new MinibatchSampler(train, settings.BatchSize, (int)RandomSeed(settings.Seed, 2));
        var tracker = new PhaseTracker(settings.Criteria);
        var curve = new List<LearningCurvePoint>();
        long budget = settings.Criteria.Budget;
        LearningCurvePoint last = default;
        long step = 0;
        for (; ; step++)
        {
            double loss;
            int trainCorrect = -1;
            if (batches is null)
            {
                loss = model.Run(train.Left, train.Right, train.Label, backward: true, out trainCorrect);
            }
            else
            {
                batches.Next(out var left, out var right, out var label);
                loss = model.Run(left, right, label, backward: true, out _);
            }

            bool evaluate = step % settings.EvaluationInterval == 0 || step >= budget || !double.IsFinite(loss);
            if (evaluate)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (batches is not null)
                {
                    loss = model.Run(train.Left, train.Right, train.Label, backward: false, out trainCorrect);
                }

                int testCorrect = 0;
                if (test.Count > 0)
                {
                    model.Run(test.Left, test.Right, test.Label, backward: false, out testCorrect);
                }

                last = new LearningCurvePoint(
                    step,
                    loss,
                    (double)trainCorrect / train.Count,
                    test.Count > 0 ? (double)testCorrect / test.Count : double.NaN,
                    (double)(trainCorrect + testCorrect) / dataset.SampleCount);
                if (settings.RecordCurve)
                {
                    curve.Add(last);
                }

                progress?.Report(last);
                bool certain = tracker.Observe(step, loss, last.TrainAccuracy, last.TestAccuracy);
                if ((certain && settings.StopWhenCertain) || step >= budget || !double.IsFinite(loss))
                {
                    break;
                }
            }

            optimizer.Step();
        }

        return new TrainingRunResult(tracker.Outcome, curve, last, step, model, stopwatch.Elapsed);
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

    private static Optimizer<float> CreateOptimizer(RelationAutoencoder<float> model, OptimizerSettings o)
    {
        ParameterGroup<float>[] groups =
        [
            new(model.EncoderParameters, o.EncoderLearningRate, o.EncoderWeightDecay),
            new(model.DecoderParameters, o.DecoderLearningRate, o.DecoderWeightDecay),
        ];
        return o.Kind == OptimizerKind.AdamW
            ? new AdamW<float>(groups, o.Beta1, o.Beta2, o.Epsilon)
            : new Adam<float>(groups, o.Beta1, o.Beta2, o.Epsilon);
    }

    internal static ulong RandomSeed(ulong seed, int stream) => (ulong)SeedMixer.ToRandomSeed(SeedMixer.Mix(seed, (ulong)(uint)stream));
}
