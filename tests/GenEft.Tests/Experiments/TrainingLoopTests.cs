using GenEft.Experiments;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>The training loop with a model written in the test assembly (<see cref="LinearModel"/>).</summary>
public sealed class TrainingLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>P points in D dimensions: label ±1 with equal counts, x ~ N(0, I) + label · shift · e_0.</summary>
    internal static SupervisedDataset<double> Gaussians(int count, int dimension, double shift, ulong seed)
    {
        var random = new Random((int)seed);
        var x = Initializers.Normal<double>(random, 1.0, count, dimension);
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 2 == 0 ? 1 : -1;
            x.Span[i * dimension] += labels[i] * shift;
        }

        return new SupervisedDataset<double>(x, labels);
    }

    private static TrainingLoopSettings Settings(long budget, TrainingInterval? interval = null) => new()
    {
        Criteria = new PhaseCriteria { Budget = budget },
        EvaluationInterval = interval ?? TrainingInterval.Steps(1),
        StopWhenCertain = false,
    };

    [Fact]
    public void FullBatchSgdFollowsTheHandComputedGradientDescentAndTimeIsStepsTimesRate()
    {
        var data = Gaussians(24, 3, 0.5, 1);
        double[] w = [0.3, -0.2, 0.1];
        double b = 0.05, eta = 0.1;
        var model = new LinearModel([.. w], b);
        var result = TrainingLoop.Run(model, new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = eta }.Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]), Settings(15), null, Ct);

        // Independent oracle: gradient descent on R = (1/N) Σ ½ (x·w + b - y)² in plain doubles.
        var x = data.Features!.ReadOnlySpan.ToArray();
        var y = data.Labels.ToArray();
        for (int k = 0; k <= 15; k++)
        {
            double loss = 0, gb = 0;
            var gw = new double[3];
            for (int i = 0; i < 24; i++)
            {
                double r = (x[i * 3] * w[0]) + (x[(i * 3) + 1] * w[1]) + (x[(i * 3) + 2] * w[2]) + b - y[i];
                loss += 0.5 * r * r / 24;
                gb += r / 24;
                for (int j = 0; j < 3; j++)
                {
                    gw[j] += r * x[(i * 3) + j] / 24;
                }
            }

            var point = result.Curve[k];
            Assert.Equal(k, point.Step);
            Assert.Equal(k * eta, point.Time); // bit for bit: t = step x lr, one rounding
            Assert.Equal(loss, point.Loss, 1e-13);
            Assert.True(double.IsNaN(point.TestAccuracy));
            if (k < 15)
            {
                for (int j = 0; j < 3; j++)
                {
                    w[j] -= eta * gw[j];
                }

                b -= eta * gb;
            }
        }

        Assert.Equal(15, result.StepsRun);
        Assert.Equal(TrainingStopReason.Budget, result.StopReason);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(w[j], model.Weights[j], 1e-13);
        }

        Assert.Equal(b, model.Bias, 1e-13);
    }

    [Fact]
    public void EpochIntervalsAndEpochTimeFollowTheBatchesPerEpoch()
    {
        var split = Gaussians(50, 2, 1.0, 2).Split(0.8, 3); // 40 training points, batch 8: 5 steps per epoch
        var data = TrainingData.FromSplit(split, batchSize: 8, seed: 4);
        Assert.Equal(5, data.Batches.BatchesPerEpoch);
        var settings = Settings(60, TrainingInterval.Epochs(2)) with { TimeUnit = TimeUnit.EpochsTimesLearningRate };
        var result = TrainingLoop.Run(new LinearModel([0, 0], 0), new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 0.04 }.Create, data, settings, null, Ct);
        Assert.Equal([0L, 10, 20, 30, 40, 50, 60], result.Curve.Select(p => p.Step));
        Assert.All(result.Curve, p => Assert.Equal(p.Step * 0.04 / 5, p.Time));
        Assert.All(result.Curve, p => Assert.Equal(Math.Round(p.TestAccuracy * 10), p.TestAccuracy * 10, 12));
        var epochs = TrainingLoop.Run(new LinearModel([0, 0], 0), new OptimizerConfig { Kind = OptimizerKind.Sgd }.Create, TrainingData.FromSplit(split, 8, 4), settings with { TimeUnit = TimeUnit.Epochs }, null, Ct);
        Assert.Equal([0.0, 2, 4, 6, 8, 10, 12], epochs.Curve.Select(p => p.Time));
    }

    [Fact]
    public void TimeFollowsALearningRateScheduleAsASum()
    {
        var data = Gaussians(10, 2, 1.0, 5);
        Optimizer<double>? optimizer = null;
        var halve = new Synchronous<LearningCurvePoint>(p =>
        {
            if (p.Step == 10)
            {
                optimizer!.Groups[0].LearningRate = 0.05; // the time reference is group 0
            }
        });
        var result = TrainingLoop.Run(
            new LinearModel([0, 0], 0),
            groups => optimizer = new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 0.1 }.Create(groups),
            new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]),
            Settings(20, TrainingInterval.Steps(5)),
            halve,
            Ct);
        Assert.Equal([0.0, 0.5, 1.0, 1.25, 1.5], result.Curve.Select(p => p.Time));
    }

    [Fact]
    public void StopsTheGivenEpochsAfterTheTestErrorFirstReachesZero()
    {
        var split = Gaussians(80, 2, 4.0, 6).Split(0.5, 7);
        var data = TrainingData.FromSplit(split, batchSize: 10, seed: 8); // 4 steps per epoch
        var settings = new TrainingLoopSettings
        {
            Criteria = PhaseCriteria.ZeroErrorGrokking with { Budget = 10_000 },
            EvaluationInterval = TrainingInterval.Epochs(1),
            StopWhenCertain = false,
            StopAfterTestReached = TrainingInterval.Epochs(3),
            TimeUnit = TimeUnit.EpochsTimesLearningRate,
        };
        var result = TrainingLoop.Run(new LinearModel([-0.5, 0.2], 0.3), new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 0.05 }.Create, data, settings, null, Ct);
        var outcome = result.Outcome;
        Assert.NotNull(outcome.TestReachedStep);
        Assert.Equal(TrainingStopReason.AfterTestReached, result.StopReason);
        Assert.Equal(outcome.TestReachedStep + 12, result.StepsRun);
        var first = result.Curve.First(p => p.TestAccuracy == 1);
        Assert.Equal(first.Step, outcome.TestReachedStep);
        Assert.Equal(first.Time, outcome.TestReachedTime);
        Assert.Equal(result.Curve.First(p => p.TrainAccuracy == 1).Time, outcome.TrainReachedTime);
        Assert.Equal(outcome.TestReachedTime - outcome.TrainReachedTime, outcome.GrokkingTime);
        Assert.True(result.Curve.Where(p => p.Step < first.Step).All(p => p.TestError > 0));
    }

    [Fact]
    public void ModelMetricsAreAttachedToEveryPointAndToTheSweepValues()
    {
        var data = Gaussians(12, 2, 1.0, 9);
        TrainingResult Run() => TrainingLoop.Run(new LinearModel([0.1, 0.1], 0), new OptimizerConfig().Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]), Settings(6, TrainingInterval.Steps(3)), null, Ct);
        var result = Run();
        Assert.Equal([1.0, 4, 7], result.Curve.Select(p => p.Metric("gradient_calls")));
        Assert.All(result.Curve, p => Assert.Equal(["weight_norm", "gradient_calls"], p.Metrics.Select(m => m.Key)));
        Assert.Equal(result.Curve, Run().Curve); // equality includes the metrics
        var values = result.ToSweepValues().ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(7.0, values["metric.gradient_calls"].AsNumber());
        Assert.Equal(SweepValueKind.Null, values["test_accuracy"].Kind);
        Assert.Equal("Budget", values["stop"].AsText());
    }

    [Fact]
    public void DivergenceIsAnOutcomeNotAnException()
    {
        var data = Gaussians(12, 2, 1.0, 10);
        var result = TrainingLoop.Run(new LinearModel([1, 1], 1), new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 1e200 }.Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]), Settings(1000, TrainingInterval.Steps(100)), null, Ct);
        Assert.Equal(Phase.Divergence, result.Outcome.Phase);
        Assert.Equal(TrainingStopReason.Diverged, result.StopReason);
        Assert.True(result.StepsRun < 100);
        Assert.Equal(result.StepsRun, result.Outcome.DivergedStep);
    }

    [Fact]
    public void ASetGivenInChunksPoolsToTheSameAccuracyAndLoss()
    {
        var data = Gaussians(30, 2, 0.7, 11);
        var chunks = new[] { data.Subset([.. Enumerable.Range(0, 7)]), data.Subset([.. Enumerable.Range(7, 13)]), data.Subset([.. Enumerable.Range(20, 10)]) };
        var settings = Settings(4);
        var whole = TrainingLoop.Run(new LinearModel([0.2, -0.1], 0), new OptimizerConfig().Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()], [data.AsBatch()]), settings, null, Ct);
        var pooled = TrainingLoop.Run(new LinearModel([0.2, -0.1], 0), new OptimizerConfig().Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()], [.. chunks.Select(c => c.AsBatch())]), settings, null, Ct);
        foreach (var (a, b) in whole.Curve.Zip(pooled.Curve))
        {
            Assert.Equal(a.TestAccuracy, b.TestAccuracy);
            Assert.Equal(a.TestLoss, b.TestLoss, 1e-14);
            Assert.Equal(a.AllAccuracy, b.AllAccuracy);
        }
    }

    [Fact]
    public void CancellationStopsTheRunAndProgressSeesEachPoint()
    {
        var data = Gaussians(12, 2, 1.0, 12);
        using var cts = new CancellationTokenSource();
        var seen = new List<long>();
        var progress = new Synchronous<LearningCurvePoint>(p =>
        {
            seen.Add(p.Step);
            if (seen.Count == 3)
            {
                cts.Cancel();
            }
        });
        Assert.Throws<OperationCanceledException>(() => TrainingLoop.Run(new LinearModel([0, 0], 0), new OptimizerConfig().Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]), Settings(1000, TrainingInterval.Steps(2)), progress, cts.Token));
        Assert.Equal([0L, 2, 4], seen);
    }

    [Fact]
    public void AStopConditionEndsTheRun()
    {
        var data = Gaussians(12, 2, 1.0, 13);
        var result = TrainingLoop.Run(new LinearModel([0, 0], 0), new OptimizerConfig().Create, new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]), Settings(1000, TrainingInterval.Steps(5)) with { StopWhen = p => p.Step >= 20 }, null, Ct);
        Assert.Equal(TrainingStopReason.StopCondition, result.StopReason);
        Assert.Equal(20, result.StepsRun);
    }

    [Fact]
    public void TheAutoencoderAdapterIsTheLoopWithTheRunsPieces()
    {
        var settings = new TrainingRunSettings(GenEft.Relations.RelationGenerators.EqualityModulo(12, 3))
        {
            Seed = 3, BatchSize = 16, Criteria = new PhaseCriteria { Budget = 80 }, Model = new AutoencoderConfig { DecoderWidth = 6 },
        };
        var viaAdapter = TrainingRun.Execute(settings, null, Ct);
        var split = TrainingRun.Split(settings);
        var train = SupervisedDataset<float>.FromIndexPairs(split.Train.Left, split.Train.Right, split.Train.Label);
        var test = SupervisedDataset<float>.FromIndexPairs(split.Test.Left, split.Test.Right, split.Test.Label);
        var model = TrainingRun.InitialModel(settings);
        var direct = TrainingLoop.Run(
            model,
            settings.Optimizer.ToConfig().Create,
            new TrainingData<SupervisedBatch<float>>(train.Minibatches(16, TrainingRun.RandomSeed(3, 2)), [train.AsBatch()], [test.AsBatch()]),
            TrainingRun.LoopSettings(settings),
            null,
            Ct);
        Assert.Equal(viaAdapter.Curve, direct.Curve);
        Assert.Equal(viaAdapter.Outcome, direct.Outcome);
        Assert.All(direct.Curve, p => Assert.Equal(p.Step * 1e-3, p.Time)); // t = steps x eta_enc
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var data = Gaussians(12, 2, 1.0, 14);
        var training = new TrainingData<SupervisedBatch<double>>(data.FullBatches(), [data.AsBatch()]);
        var model = new LinearModel([0, 0], 0);
        Assert.Throws<ArgumentNullException>("model", () => TrainingLoop.Run<double, SupervisedBatch<double>>(null!, new OptimizerConfig().Create, training, null, null, Ct));
        Assert.Throws<ArgumentNullException>("data", () => TrainingLoop.Run(model, new OptimizerConfig().Create, null!, null, null, Ct));
        Assert.Throws<ArgumentOutOfRangeException>("settings", () => TrainingLoop.Run(model, new OptimizerConfig().Create, training, new TrainingLoopSettings { TimeReferenceGroup = 2 }, null, Ct));
        Assert.Throws<InvalidOperationException>(() => TrainingLoop.Run(model, _ => null!, training, null, null, Ct));
        Assert.Throws<ArgumentException>("criteria", () => TrainingLoop.Run(model, new OptimizerConfig().Create, training, new TrainingLoopSettings { Criteria = new PhaseCriteria { Threshold = 1 } }, null, Ct));
        Assert.Throws<ArgumentOutOfRangeException>("EvaluationInterval", () => new TrainingLoopSettings { EvaluationInterval = TrainingInterval.Epochs(0) });
        Assert.Throws<ArgumentException>("train", () => new TrainingData<SupervisedBatch<double>>(data.FullBatches(), []));
        Assert.Throws<ArgumentException>("groups", () => new OptimizerConfig { Groups = new Dictionary<string, GroupHyperparameters> { ["nope"] = new() } }.Create(model.ParameterGroups));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchEvaluation(0.1, 3, 2));
    }

    internal sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
