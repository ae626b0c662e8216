using BenchmarkDotNet.Attributes;
using GenEft.Models.TensorNetwork;
using GenEft.Nn;

namespace GenEft.Benchmarks;

/// <summary>One scenario-A epoch (all 1024 length-10 sequences, batch 128, crops 6-10, Adam lr 5e-3, sigmoid head, float).</summary>
[MemoryDiagnoser]
public class TensorNetworkEpochBenchmark
{
    private TensorNetworkAttention<float> _model = null!;
    private Adam<float> _adam = null!;
    private CroppedSequenceBatches _batches = null!;

    [Params(10, 20, 40)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new TensorNetworkAttention<float>(D, seed: 0);
        _adam = new Adam<float>([new ParameterGroup<float>(_model.Parameters(), 5e-3)]);
        var teacher = LocalRule.Rule30(steps: 1, SequenceBoundary.Open);
        _batches = new CroppedSequenceBatches(BinarySequenceSet.All(10, teacher), teacher, batchSize: 128, minLength: 6, maxLength: 10, seed: 1);
    }

    [Benchmark]
    public double Epoch()
    {
        double sum = 0;
        for (int b = 0; b < _batches.BatchesPerEpoch; b++)
        {
            var batch = _batches.Next();
            sum += _model.ComputeGradients(batch.Inputs.Span, batch.Labels.Span, batch.Count).Loss;
            _adam.Step();
        }

        return sum / _batches.BatchesPerEpoch;
    }
}
