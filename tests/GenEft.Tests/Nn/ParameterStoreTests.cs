using GenEft.Nn;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>Save/load is a bit-exact round trip and rejects mismatched files by name.</summary>
public sealed class ParameterStoreTests
{
    private static void RoundTrip<T>(PairNet<T> source, PairNet<T> target)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        ParameterStore.Save(source, stream);
        stream.Position = 0;
        ParameterStore.Load(target, stream);
    }

    [Fact]
    public void Float_round_trip_is_bit_exact_including_special_values()
    {
        var source = new PairNet<float>(5, 2, 4, 1, new Random(1));
        var w = source.Embedding.Weight.Value;
        w[0] = BitConverter.UInt32BitsToSingle(0x7FC0_1234); // NaN with a payload
        w[1] = -0.0f;
        w[2] = float.Epsilon; // smallest subnormal
        w[3] = float.MaxValue;
        w[4] = float.NegativeInfinity;
        w[5] = 0.1f;
        var target = new PairNet<float>(5, 2, 4, 1, new Random(2));
        RoundTrip(source, target);
        var expected = source.Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray()).Select(BitConverter.SingleToUInt32Bits);
        var actual = target.Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray()).Select(BitConverter.SingleToUInt32Bits);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Double_round_trip_is_bit_exact()
    {
        var source = new PairNet<double>(5, 2, 4, 2, new Random(1));
        source.Mlp.Layers[0].Bias!.Value[0] = double.Epsilon;
        source.Mlp.Layers[0].Bias!.Value[1] = Math.PI;
        var target = new PairNet<double>(5, 2, 4, 2, new Random(2));
        RoundTrip(source, target);
        var expected = source.Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray()).Select(BitConverter.DoubleToUInt64Bits);
        var actual = target.Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray()).Select(BitConverter.DoubleToUInt64Bits);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Loading_into_another_architecture_names_the_parameter_and_changes_nothing()
    {
        var source = new PairNet<float>(5, 2, 4, 1, new Random(1));
        var wider = new PairNet<float>(5, 2, 6, 1, new Random(2));
        var before = wider.Embedding.Weight.Value.ReadOnlySpan.ToArray();
        var ex = Assert.Throws<InvalidDataException>(() => RoundTrip(source, wider));
        Assert.Contains("mlp.layer0.weight", ex.Message);
        Assert.Equal(before, wider.Embedding.Weight.Value.ReadOnlySpan.ToArray());
        var deeper = new PairNet<float>(5, 2, 4, 2, new Random(2));
        Assert.Contains("mlp.layer1.weight", Assert.Throws<InvalidDataException>(() => RoundTrip(source, deeper)).Message);
    }

    [Fact]
    public void Loading_float_parameters_into_a_double_module_is_rejected()
    {
        using var stream = new MemoryStream();
        ParameterStore.Save(new PairNet<float>(5, 2, 4, 1, new Random(1)), stream);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => ParameterStore.Load(new PairNet<double>(5, 2, 4, 1, new Random(1)), stream));
    }
}
