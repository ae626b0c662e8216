using BenchmarkDotNet.Attributes;
using GenEft.Models.TensorNetwork;

namespace GenEft.Benchmarks.TensorNetwork;

/// <summary>
/// The teacher paths of the tensor-network experiments: labelling the long test set (1000 x 1000 bits) with rule 30
/// K = 1 and K = 3 into a preallocated span, and one training batch (128 rows of length 10) cropped to 6..10 with its
/// labels recomputed (the per-batch data work of the authors' setting).
/// </summary>
[MemoryDiagnoser]
public class LocalRuleBenchmarks
{
    private readonly LocalRule rule1 = LocalRule.Rule30(1);
    private readonly LocalRule rule3 = LocalRule.Rule30(3);
    private byte[] inputs = [];
    private byte[] labels = [];
    private BinarySequenceSet batch = null!;
    private Random random = null!;

    [GlobalSetup]
    public void Setup()
    {
        inputs = BinarySequenceSet.Random(1000, 1000, rule1, 1).Inputs.ToArray();
        labels = new byte[inputs.Length];
        batch = BinarySequenceSet.All(10, rule1).ShuffledBatches(128, 2UL)[0];
        random = new Random(3);
    }

    [Benchmark]
    public byte LongTestRule30K1()
    {
        rule1.Apply(inputs, 1000, labels);
        return labels[^1];
    }

    [Benchmark]
    public byte LongTestRule30K3()
    {
        rule3.Apply(inputs, 1000, labels);
        return labels[^1];
    }

    [Benchmark]
    public int CropBatch128() => batch.RandomCrop(6, 10, rule1, random).Length;
}
