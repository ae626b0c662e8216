using GenEft.Experiments;
using GenEft.Models;
using GenEft.Nn;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>The built-in optimizer factory and the autoencoder's two-group settings.</summary>
public sealed class OptimizerConfigTests
{
    private static RelationAutoencoder<float> Model() => new(new AutoencoderConfig { ElementCount = 4, DecoderWidth = 3, DecoderDepth = 1 });

    [Fact]
    public void GroupOverridesApplyByNameAndTheRestUseTheDefaults()
    {
        var config = new OptimizerConfig
        {
            Kind = OptimizerKind.Sgd,
            LearningRate = 0.1,
            WeightDecay = 0.01,
            Momentum = 0.5,
            Groups = new Dictionary<string, GroupHyperparameters> { ["decoder"] = new() { LearningRate = 0.3, L1 = 0.2 } },
        };
        var optimizer = Assert.IsType<Sgd<float>>(config.Create(Model().ParameterGroups));
        Assert.Equal(0.5, optimizer.Momentum);
        Assert.Equal((0.1, 0.01, 0.0), (optimizer.Groups[0].LearningRate, optimizer.Groups[0].WeightDecay, optimizer.Groups[0].L1));
        Assert.Equal((0.3, 0.01, 0.2), (optimizer.Groups[1].LearningRate, optimizer.Groups[1].WeightDecay, optimizer.Groups[1].L1));
        Assert.IsType<AdamW<float>>((config with { Kind = OptimizerKind.AdamW }).Create(Model().ParameterGroups));
        Assert.IsType<Adam<float>>(new OptimizerConfig().Create(Model().ParameterGroups));
    }

    [Fact]
    public void SgdWithL1MovesEveryWeightByTheHandComputedStep()
    {
        // One step of p -= lr (g + l1 sign p) with the gradient zeroed: every nonzero weight moves by exactly lr l1 toward 0.
        var model = Model();
        var optimizer = new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 0.5, L1 = 0.01 }.Create(model.ParameterGroups);
        var before = model.Parameters().Select(p => p.Value.ReadOnlySpan.ToArray()).ToArray();
        optimizer.ZeroGrad();
        optimizer.Step();
        var after = model.Parameters().Select(p => p.Value.ReadOnlySpan.ToArray()).ToArray();
        for (int k = 0; k < before.Length; k++)
        {
            for (int i = 0; i < before[k].Length; i++)
            {
                float expected = before[k][i] - (0.5f * (0.01f * Math.Sign(before[k][i])));
                Assert.Equal(expected, after[k][i]);
            }
        }
    }

    [Fact]
    public void AutoencoderSettingsMapToTheEncoderAndDecoderGroups()
    {
        var settings = new OptimizerSettings { Kind = OptimizerKind.Sgd, EncoderLearningRate = 0.2, DecoderLearningRate = 0.02, EncoderL1 = 1e-3, DecoderWeightDecay = 1e-2, Momentum = 0.9 };
        var optimizer = Assert.IsType<Sgd<float>>(settings.ToConfig().Create(Model().ParameterGroups));
        Assert.Equal(0.9, optimizer.Momentum);
        Assert.Equal((0.2, 0.0, 1e-3), (optimizer.Groups[0].LearningRate, optimizer.Groups[0].WeightDecay, optimizer.Groups[0].L1));
        Assert.Equal((0.02, 1e-2, 0.0), (optimizer.Groups[1].LearningRate, optimizer.Groups[1].WeightDecay, optimizer.Groups[1].L1));
        Assert.Throws<ArgumentOutOfRangeException>("EncoderL1", () => new OptimizerSettings { EncoderL1 = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("Momentum", () => new OptimizerConfig { Momentum = 1 });
        Assert.Throws<ArgumentOutOfRangeException>("LearningRate", () => new GroupHyperparameters { LearningRate = double.NaN });
        Assert.Throws<ArgumentException>("nesterov", () => new OptimizerConfig { Kind = OptimizerKind.Sgd, Nesterov = true }.Create(Model().ParameterGroups));
    }
}
