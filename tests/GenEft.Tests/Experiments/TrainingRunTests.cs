using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Experiments;

public sealed class TrainingRunTests
{
    private static readonly Relation Mod3 = RelationGenerators.EqualityModulo(30, 3);

    private static TrainingRunResult Run(TrainingRunSettings settings) =>
        TrainingRun.Execute(settings, null, TestContext.Current.CancellationToken);

    [Fact]
    public void Table3DefaultsLearnMod3ForMostSeeds()
    {
        // The learning check that cannot be faked: test accuracy (on pairs never trained on) above 0.9.
        int generalized = 0;
        for (ulong seed = 0; seed < 3; seed++)
        {
            var result = Run(new TrainingRunSettings(Mod3) { Seed = seed, Criteria = new PhaseCriteria { Budget = 5_000 } });
            Assert.True(result.Model.Config.ElementCount == 30 && result.Model.Config.DecoderDepth == 3);
            if (result.Outcome.Phase == Phase.Generalization && result.Final.TestAccuracy > 0.9)
            {
                generalized++;
            }
        }

        Assert.True(generalized >= 2, $"only {generalized} of 3 seeds generalized");
    }

    [Fact]
    public void DecoderThousandTimesFasterThanEncoderMemorizes()
    {
        // eta_dec / eta_enc = 1000: the decoder fits the training pairs long before the embeddings organize.
        // Full-budget memorization (10^5 steps) is checked by the Figure 5 sample; here a 2,000-step budget.
        int memorized = 0;
        for (ulong seed = 0; seed < 3; seed++)
        {
            var result = Run(new TrainingRunSettings(Mod3)
            {
                Seed = seed,
                Optimizer = new OptimizerSettings { EncoderLearningRate = 1e-5, DecoderLearningRate = 1e-2 },
                Criteria = new PhaseCriteria { Budget = 2_000 },
                EvaluationInterval = 50,
            });
            if (result.Outcome.Phase == Phase.Memorization && result.Final.TrainAccuracy > 0.9 && result.Final.TestAccuracy < 0.9)
            {
                memorized++;
            }
        }

        Assert.True(memorized >= 2, $"only {memorized} of 3 seeds memorized");
    }

    [Fact]
    public void SameSeedGivesTheSameRunAndAnotherSeedDoesNot()
    {
        var settings = new TrainingRunSettings(Mod3) { Criteria = new PhaseCriteria { Budget = 100 }, Seed = 4, Model = new AutoencoderConfig { DecoderWidth = 8 } };
        var a = Run(settings);
        var b = Run(settings);
        var c = Run(settings with { Seed = 5 });
        Assert.Equal(a.Curve, b.Curve);
        Assert.NotEqual(a.Curve, c.Curve);
    }

    [Fact]
    public void CurveIsConsistentWithTheSplitSizes()
    {
        var result = Run(new TrainingRunSettings(Mod3)
        {
            Criteria = new PhaseCriteria { Budget = 95 }, EvaluationInterval = 10, StopWhenCertain = false, Model = new AutoencoderConfig { DecoderWidth = 8 },
        });
        Assert.Equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95], result.Curve.Select(p => p.Step));
        Assert.Equal(95, result.StepsRun);
        foreach (var p in result.Curve)
        {
            // 675 training and 225 test pairs: accuracies are counts over those sizes, and "all" is their pooled mean.
            Assert.Equal(Math.Round(p.TrainAccuracy * 675), p.TrainAccuracy * 675, 9);
            Assert.Equal(Math.Round(p.TestAccuracy * 225), p.TestAccuracy * 225, 9);
            Assert.Equal(((p.TrainAccuracy * 675) + (p.TestAccuracy * 225)) / 900, p.AllAccuracy, 12);
            Assert.True(p.Loss > 0);
        }

        // The loss falls over training (full-batch Adam at lr 1e-3 on a smooth loss).
        Assert.True(result.Curve[^1].Loss < result.Curve[0].Loss);
    }

    [Fact]
    public void FinalAccuraciesMatchTheTrainedModelOnTheSplit()
    {
        var settings = new TrainingRunSettings(Mod3) { Criteria = new PhaseCriteria { Budget = 50 }, Seed = 2, Model = new AutoencoderConfig { DecoderWidth = 8 } };
        var result = Run(settings);
        var split = new RelationDataset(Mod3).Split(0.75, TrainingRun.RandomSeed(2, 0));
        Assert.Equal(result.Final.TestAccuracy, result.Model.CountCorrect(split.Test.Left, split.Test.Right, split.Test.Label) / 225.0, 12);
    }

    [Fact]
    public void HugeLearningRateIsReportedAsDivergenceNotThrown()
    {
        var result = Run(new TrainingRunSettings(Mod3)
        {
            Optimizer = new OptimizerSettings { EncoderLearningRate = 1e37, DecoderLearningRate = 1e37 },
            Criteria = new PhaseCriteria { Budget = 1_000 },
        });
        Assert.Equal(Phase.Divergence, result.Outcome.Phase);
        Assert.NotNull(result.Outcome.DivergedStep);
        Assert.True(result.StepsRun < 1_000);
        Assert.False(double.IsFinite(result.Final.Loss));
    }

    [Fact]
    public void TrainingOnEverythingHasNoTestAccuracyAndCannotGeneralize()
    {
        var result = Run(new TrainingRunSettings(Mod3) { TrainingFraction = 1.0, Criteria = new PhaseCriteria { Budget = 30 }, Model = new AutoencoderConfig { DecoderWidth = 8 } });
        Assert.True(double.IsNaN(result.Final.TestAccuracy));
        Assert.Equal(result.Final.TrainAccuracy, result.Final.AllAccuracy, 12);
        Assert.NotEqual(Phase.Generalization, result.Outcome.Phase);
    }

    [Fact]
    public void MinibatchRunsAreSeededAndEvaluateOnTheWholeTrainingSet()
    {
        var settings = new TrainingRunSettings(Mod3) { BatchSize = 64, Criteria = new PhaseCriteria { Budget = 60 }, Model = new AutoencoderConfig { DecoderWidth = 8 } };
        var a = Run(settings);
        Assert.Equal(a.Curve, Run(settings).Curve);
        Assert.NotEqual(a.Curve, Run(settings with { BatchSize = 0 }).Curve);
        Assert.All(a.Curve, p => Assert.Equal(Math.Round(p.TrainAccuracy * 675), p.TrainAccuracy * 675, 9));
    }

    [Fact]
    public void InvalidSettingsAreRejected()
    {
        Assert.Throws<ArgumentNullException>("relation", () => new TrainingRunSettings(null!));
        Assert.Throws<ArgumentOutOfRangeException>("TrainingFraction", () => new TrainingRunSettings(Mod3) { TrainingFraction = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("EvaluationInterval", () => new TrainingRunSettings(Mod3) { EvaluationInterval = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("BatchSize", () => new TrainingRunSettings(Mod3) { BatchSize = -1 });
        Assert.Throws<ArgumentException>("settings", () => Run(new TrainingRunSettings(Mod3) { TrainingFraction = 1e-4 }));
        Assert.Throws<ArgumentException>("settings", () => Run(new TrainingRunSettings(Mod3) { BatchSize = 676 }));
        Assert.Throws<ArgumentOutOfRangeException>("DecoderLearningRate", () => new OptimizerSettings { DecoderLearningRate = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("DecoderWeightDecay", () => new OptimizerSettings { DecoderWeightDecay = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("Beta2", () => new OptimizerSettings { Beta2 = 1 });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => TrainingRun.Execute(new TrainingRunSettings(Mod3), null, cancelled.Token));
    }

    [Fact]
    public void EncoderAndDecoderAreSeparateOptimizerGroups()
    {
        // An Adam step moves a parameter by about its group's learning rate (at most lr per step for these
        // gradients), so with eta_enc = 1e-9 the embeddings stay put while the decoder moves by ~eta_dec per step.
        var settings = new TrainingRunSettings(Mod3)
        {
            Optimizer = new OptimizerSettings { EncoderLearningRate = 1e-9, DecoderLearningRate = 1e-2 },
            Criteria = new PhaseCriteria { Budget = 5 },
            StopWhenCertain = false,
            Model = new AutoencoderConfig { DecoderWidth = 8 },
        };
        var before = TrainingRun.InitialModel(settings);
        var after = Run(settings).Model;
        double encoderMove = MaxAbsDifference(before.Encoder.Weight.Value, after.Encoder.Weight.Value);
        double decoderMove = MaxAbsDifference(before.Decoder.Layers[0].Weight.Value, after.Decoder.Layers[0].Weight.Value);
        Assert.InRange(encoderMove, 0, 1e-7); // 5 steps of ~1e-9, plus float rounding of values near 1
        Assert.InRange(decoderMove, 1e-2, 5.5e-2);

        static double MaxAbsDifference(DenseTensor<float> x, DenseTensor<float> y)
        {
            double max = 0;
            for (int i = 0; i < x.Length; i++)
            {
                max = Math.Max(max, Math.Abs((double)x.ReadOnlySpan[i] - y.ReadOnlySpan[i]));
            }

            return max;
        }
    }

    [Fact]
    public void RealSweepIsBitIdenticalWithOneAndTwoWorkers()
    {
        var grid = new SweepGrid([SweepAxis.LogSpaced("eta_dec", 1e-3, 1e-2, 2), SweepAxis.Replicates("replicate", 2)], 3);
        IReadOnlyList<KeyValuePair<string, SweepValue>> RunCell(SweepCell cell, CancellationToken token) =>
            TrainingRun.Execute(
                new TrainingRunSettings(Mod3)
                {
                    Seed = cell.Seed,
                    Optimizer = new OptimizerSettings { DecoderLearningRate = cell["eta_dec"] },
                    Criteria = new PhaseCriteria { Budget = 60 },
                    Model = new AutoencoderConfig { DecoderWidth = 10 },
                },
                null,
                token).ToSweepValues().Where(kv => kv.Key != "seconds").ToArray();

        string directory = Directory.CreateTempSubdirectory("geneft-real-sweep-").FullName;
        try
        {
            var one = SweepRunner.Run(grid, RunCell, new SweepOptions(Path.Combine(directory, "1.jsonl")) { Workers = 1 }, null, TestContext.Current.CancellationToken);
            var two = SweepRunner.Run(grid, RunCell, new SweepOptions(Path.Combine(directory, "2.jsonl")) { Workers = 2 }, null, TestContext.Current.CancellationToken);
            Assert.Equal(4, one.Count);
            Assert.All(one.Zip(two), t => Assert.True(t.First.SameAs(t.Second)));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
