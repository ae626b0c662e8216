using BenchmarkDotNet.Attributes;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using GenEft.Tensors;
using FastTanh = GenEft.Models.FastTanh;

namespace GenEft.Benchmarks.Experiments;

/// <summary>
/// One full-batch training step of the Table 3 autoencoder (n = 30, d = 2, depth 3, width 50, 675 training pairs):
/// forward + backward + AdamW, and its parts. Steps/s = 1 / mean. The GEMM rows are the three shapes of one step,
/// through the same public kernel, so the step's overhead above its matrix products can be read off.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private RelationAutoencoder<float> _model = null!;
    private AdamOptimizer<float> _optimizer = null!;
    private RelationSamples _train = null!;
    private Tensor<float> _h = null!, _w = null!, _a = null!, _dw = null!;

    [GlobalSetup]
    public void Setup()
    {
        var relation = RelationGenerators.EqualityModulo(30, 3);
        _train = new RelationDataset(relation).Split(0.75, 0).Train;
        _model = new RelationAutoencoder<float>(new AutoencoderConfig(), 1);
        _optimizer = new AdamOptimizer<float>(OptimizerKind.AdamW, 0.9, 0.999, 1e-8);
        var pairs = _model.Parameters.Zip(_model.Gradients).ToArray();
        _optimizer.AddGroup(pairs.Take(1), 1e-3, 0);
        _optimizer.AddGroup(pairs.Skip(1), 1e-3, 0);
        _h = Tensor<float>.Full(0.5f, 675, 50);
        _w = Tensor<float>.Full(0.1f, 50, 50);
        _a = Tensor<float>.Zeros(675, 50);
        _dw = Tensor<float>.Zeros(50, 50);
    }

    [Benchmark(Baseline = true, Description = "step: forward+backward+AdamW")]
    public double Step()
    {
        double loss = _model.Run(_train.Left, _train.Right, _train.Label, backward: true, out _);
        _optimizer.Step();
        return loss;
    }

    [Benchmark(Description = "forward+backward")]
    public double ForwardBackward() => _model.Run(_train.Left, _train.Right, _train.Label, backward: true, out _);

    [Benchmark(Description = "forward")]
    public double Forward() => _model.Run(_train.Left, _train.Right, _train.Label, backward: false, out _);

    [Benchmark(Description = "AdamW update")]
    public void Update() => _optimizer.Step();

    [Benchmark(Description = "tanh 675x50 (TensorPrimitives)")]
    public void Tanh() => Tensor.Tanh(_h, _a);

    [Benchmark(Description = "tanh 675x50 (model's rational)")]
    public void FastTanhRational() => FastTanh.Apply(_h.ReadOnlySpan, _a.Span);

    [Benchmark(Description = "GEMM 675x50 * 50x50")]
    public void GemmForward() => Tensor.Gemm(1f, _h, false, _w, false, 0f, _a);

    [Benchmark(Description = "GEMM 675x50 * (50x50)^T")]
    public void GemmInputGradient() => Tensor.Gemm(1f, _h, false, _w, true, 0f, _a);

    [Benchmark(Description = "GEMM (675x50)^T * 675x50")]
    public void GemmWeightGradient() => Tensor.Gemm(1f, _h, true, _a, false, 0f, _dw);
}
