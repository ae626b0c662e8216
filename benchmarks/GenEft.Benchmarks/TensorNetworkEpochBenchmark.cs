using BenchmarkDotNet.Attributes;
using GenEft.Models.TensorNetwork;
using GenEft.Nn;

namespace GenEft.Benchmarks;

/// <summary>One scenario-A epoch (all 1024 length-10 sequences, batch 128, crops 6-10, Adam lr 5e-3, sigmoid head, float).</summary>
[MemoryDiagnoser]
public class TensorNetworkEpochBenchmark
{
    private TensorNetworkCroppedTrainer<float> _trainer = null!;

    [Params(10, 20, 40)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var model = new TensorNetworkAttention<float>(D, seed: 0);
        var adam = new Adam<float>([new ParameterGroup<float>(model.Parameters(), 5e-3)]);
        var all = new byte[1024 * 10];
        for (int s = 0; s < 1024; s++)
        {
            for (int i = 0; i < 10; i++)
            {
                all[(s * 10) + i] = (byte)((s >> (9 - i)) & 1);
            }
        }

        _trainer = new TensorNetworkCroppedTrainer<float>(model, adam, all, 1024, Rule30, seed: 1);
    }

    [Benchmark]
    public double Epoch() => _trainer.RunEpoch();

    private static readonly ElementaryCellularAutomaton Teacher = ElementaryCellularAutomaton.Rule30();

    /// <summary>Rule 30 with zero padding, through the library teacher.</summary>
    private static void Rule30(ReadOnlySpan<byte> x, int count, Span<byte> y) => Teacher.Apply(x, x.Length / count, y);
}
