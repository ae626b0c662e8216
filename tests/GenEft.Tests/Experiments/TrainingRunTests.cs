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

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.AdamW, 0.0)]
    [InlineData(OptimizerKind.AdamW, 0.5)]
    [InlineData(OptimizerKind.Adam, 0.5)]
    public void FirstAdamStepMovesEachParameterByTheLearningRateAgainstItsGradient(OptimizerKind kind, double weightDecay)
    {
        // Closed form of Adam's first step: m1 = (1 - b1) g, v1 = (1 - b2) g^2, so after bias correction the update is
        // lr g / (|g| + eps) ~ lr sign(g). AdamW first shrinks p by (1 - lr wd); Adam adds wd p to g.
        var p = Tensor<double>.FromSpan([1.0, -2.0, 0.5, 3.0], 1, 4);
        var g = Tensor<double>.FromSpan([0.3, -1e-3, 2.0, -0.7], 1, 4);
        var before = p.ReadOnlySpan.ToArray();
        var gradient = g.ReadOnlySpan.ToArray();
        var optimizer = new AdamOptimizer<double>(kind, 0.9, 0.999, 1e-8);
        optimizer.AddGroup([(p, g)], 0.01, weightDecay);
        optimizer.Step();
        for (int i = 0; i < 4; i++)
        {
            double effective = kind == OptimizerKind.Adam ? gradient[i] + (weightDecay * before[i]) : gradient[i];
            double shrunk = kind == OptimizerKind.AdamW ? before[i] * (1 - (0.01 * weightDecay)) : before[i];
            double expected = shrunk - (0.01 * effective / (Math.Abs(effective) + 1e-8));
            Assert.Equal(expected, p.ReadOnlySpan[i], 1e-12);
        }
    }

    [Fact]
    public void AdamUsesSeparateGroupLearningRates()
    {
        var encoder = Tensor<double>.FromSpan([1.0], 1, 1);
        var decoder = Tensor<double>.FromSpan([1.0], 1, 1);
        var g1 = Tensor<double>.FromSpan([5.0], 1, 1);
        var g2 = Tensor<double>.FromSpan([5.0], 1, 1);
        var optimizer = new AdamOptimizer<double>(OptimizerKind.AdamW, 0.9, 0.999, 1e-8);
        optimizer.AddGroup([(encoder, g1)], 1e-5, 0);
        optimizer.AddGroup([(decoder, g2)], 1e-2, 0);
        for (int t = 0; t < 10; t++)
        {
            optimizer.Step();
        }

        // A constant gradient keeps m_hat / sqrt(v_hat) = 1 exactly, so each step moves by lr.
        Assert.Equal(1 - 1e-4, encoder.ReadOnlySpan[0], 1e-10);
        Assert.Equal(1 - 1e-1, decoder.ReadOnlySpan[0], 1e-8);
    }

    [Fact]
    public void RealSweepIsBitIdenticalWithOneAndTwoWorkers()
    {
        var grid = new SweepGrid([SweepAxis.LogSpaced("eta_dec", 1e-3, 1e-2, 2), SweepAxis.Replicates("replicate", 2)], 3);
        IReadOnlyList<KeyValuePair<string, string>> RunCell(SweepCell cell, CancellationToken token) =>
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
