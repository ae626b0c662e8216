using GenEft.Models.TensorNetwork;
using GenEft.Nn;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public class TensorNetworkAttentionTrainerTests
{
    private static readonly ElementaryCellularAutomaton Teacher = ElementaryCellularAutomaton.Rule30();

    /// <summary>Rule 30 with zero padding, through the library teacher.</summary>
    private static void Rule30(ReadOnlySpan<byte> x, int count, Span<byte> y) => Teacher.Apply(x, x.Length / count, y);

    private static (double First, double Last, float[] A) Train(ulong seed)
    {
        var model = new TensorNetworkAttention<float>(6, seed: seed);
        var adam = new Adam<float>([new ParameterGroup<float>(model.Parameters(), 5e-3)]);
        var all = new byte[256 * 8];
        for (int s = 0; s < 256; s++) for (int i = 0; i < 8; i++) all[(s * 8) + i] = (byte)((s >> (7 - i)) & 1);
        var trainer = new TensorNetworkCroppedTrainer<float>(model, adam, all, 256, Rule30, batchSize: 64, minLength: 5, maxLength: 8, seed: seed);
        double first = trainer.RunEpoch(), last = first;
        for (int e = 0; e < 60; e++) last = trainer.RunEpoch();
        return (first, last, model.Attention.Value.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void AdamEpochsLowerTheLossAndRepeatWithTheSeed()
    {
        var a = Train(4);
        var b = Train(4);
        Assert.Equal(a.A, b.A);
        Assert.True(a.Last < 0.8 * a.First, $"loss {a.First} -> {a.Last}");
    }

    [Fact]
    public void BadTrainerArgumentsAreRejected()
    {
        var model = new TensorNetworkAttention<float>(2);
        var adam = new Adam<float>([new ParameterGroup<float>(model.Parameters(), 5e-3)]);
        byte[] x = [0, 1, 1, 0];
        Assert.Equal("minLength", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkCroppedTrainer<float>(model, adam, x, 1, Rule30, minLength: 5, maxLength: 5)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkCroppedTrainer<float>(model, adam, x, 1, Rule30, minLength: 2, maxLength: 1)).ParamName);
        Assert.Equal("sequences", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkCroppedTrainer<float>(model, adam, [0, 2], 1, Rule30, minLength: 1, maxLength: 2)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkCroppedTrainer<float>(model, adam, x, 1, Rule30, batchSize: 0, minLength: 1, maxLength: 2)).ParamName);
    }
}
