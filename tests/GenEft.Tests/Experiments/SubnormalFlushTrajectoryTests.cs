using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>
/// <see cref="TrainingRunSettings.FlushSubnormals"/> on real runs driven to a tiny loss: the trajectory with flushing
/// is the trajectory without it (same phase, same crossing steps, same accuracies at every evaluation, losses within
/// 1e-4 relative).
/// </summary>
public sealed class SubnormalFlushTrajectoryTests
{
    public static TheoryData<string> Runs => ["memorizing", "generalizing"];

    private static TrainingRunSettings Settings(string run) => run == "memorizing"
        ? new TrainingRunSettings(RelationGenerators.EqualityModulo(16, 3))
        {
            // The decoder 1000x faster: it fits the training pairs and drives the loss towards 0.
            Seed = 2,
            Optimizer = new OptimizerSettings { EncoderLearningRate = 3e-5, DecoderLearningRate = 3e-2 },
            Criteria = new PhaseCriteria { Budget = 8_000 },
            EvaluationInterval = 50,
            Model = new AutoencoderConfig { DecoderWidth = 50 },
        }
        : new TrainingRunSettings(RelationGenerators.EqualityModulo(16, 3))
        {
            Seed = 1,
            Optimizer = new OptimizerSettings { EncoderLearningRate = 3e-2, DecoderLearningRate = 3e-2 },
            Criteria = new PhaseCriteria { Budget = 3_000 },
            StopWhenCertain = false,
            EvaluationInterval = 50,
            Model = new AutoencoderConfig { DecoderWidth = 50 },
        };

    [Fact]
    public void Flushing_is_the_default_of_a_training_run() => Assert.True(new TrainingRunSettings(RelationGenerators.LessThan(4)).FlushSubnormals);

    [Theory]
    [MemberData(nameof(Runs))]
    public void Flushing_keeps_the_trajectory_and_the_phase(string run)
    {
        var token = TestContext.Current.CancellationToken;
        var plain = TrainingRun.Execute(Settings(run) with { FlushSubnormals = false }, null, token);
        var flushed = TrainingRun.Execute(Settings(run) with { FlushSubnormals = true }, null, token);

        Assert.Equal(plain.Outcome.Phase, flushed.Outcome.Phase);
        Assert.Equal(plain.Outcome.TrainReachedStep, flushed.Outcome.TrainReachedStep);
        Assert.Equal(plain.Outcome.TestReachedStep, flushed.Outcome.TestReachedStep);
        Assert.Equal(plain.StepsRun, flushed.StepsRun);
        Assert.Equal(plain.Curve.Count, flushed.Curve.Count);
        for (int i = 0; i < plain.Curve.Count; i++)
        {
            var (a, b) = (plain.Curve[i], flushed.Curve[i]);
            Assert.Equal(a.Step, b.Step);
            Assert.Equal(a.TrainAccuracy, b.TrainAccuracy);
            Assert.Equal(a.TestAccuracy, b.TestAccuracy);
            Assert.True(Math.Abs(a.Loss - b.Loss) <= 1e-4 * a.Loss, $"step {a.Step}: train loss {a.Loss:R} vs {b.Loss:R}");
            Assert.Equal(double.IsNaN(a.TestLoss), double.IsNaN(b.TestLoss));
            Assert.True(double.IsNaN(a.TestLoss) || Math.Abs(a.TestLoss - b.TestLoss) <= 1e-4 * a.TestLoss, $"step {a.Step}: test loss {a.TestLoss:R} vs {b.TestLoss:R}");
        }

        // The option reached both places it acts (the kernels themselves are checked bit for bit in SubnormalFlushTests).
        Assert.False(plain.Model.FlushSubnormals);
        Assert.True(flushed.Model.FlushSubnormals);
        var config = new OptimizerSettings { Kind = OptimizerKind.Adam }.ToConfig() with { FlushSubnormals = true };
        var adam = Assert.IsAssignableFrom<GenEft.Nn.Adam<float>>(config.Create(flushed.Model.ParameterGroups));
        Assert.True(adam.FlushSubnormals);
    }
}
