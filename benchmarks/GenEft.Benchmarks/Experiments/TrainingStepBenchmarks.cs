using BenchmarkDotNet.Attributes;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using GenEft.Nn;
using GenEft.Tensors;

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
    private AdamW<float> _optimizer = null!;
    private RelationSamples _train = null!;
    private DenseTensor<float> _h = null!, _w = null!, _a = null!, _dw = null!, _x = null!, _w0 = null!, _w3 = null!, _o = null!;

    [GlobalSetup]
    public void Setup()
    {
        var relation = RelationGenerators.EqualityModulo(30, 3);
        _train = new RelationDataset(relation).Split(0.75, 0).Train;
        _model = new RelationAutoencoder<float>(new AutoencoderConfig(), 1);
        _optimizer = new AdamW<float>([new(_model.EncoderParameters, 1e-3), new(_model.DecoderParameters, 1e-3)]);
        _h = DenseTensor<float>.Full(0.5f, 675, 50);
        _w = DenseTensor<float>.Full(0.1f, 50, 50);
        _a = DenseTensor<float>.Zeros(675, 50);
        _dw = DenseTensor<float>.Zeros(50, 50);
        _x = DenseTensor<float>.Full(0.5f, 675, 4);
        _w0 = DenseTensor<float>.Full(0.1f, 4, 50);
        _w3 = DenseTensor<float>.Full(0.1f, 50, 1);
        _o = DenseTensor<float>.Zeros(675, 1);
    }

    [Benchmark(Baseline = true, Description = "step: forward+backward+AdamW (tape, Nn)")]
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
    public void Tanh() => DenseTensor.Tanh(_h, _a);

    [Benchmark(Description = "GEMM 675x50 * 50x50")]
    public void GemmForward() => DenseTensor.Gemm(1f, _h, false, _w, false, 0f, _a);

    [Benchmark(Description = "GEMM 675x50 * (50x50)^T")]
    public void GemmInputGradient() => DenseTensor.Gemm(1f, _h, false, _w, true, 0f, _a);

    [Benchmark(Description = "GEMM 675x4 * 4x50")]
    public void GemmFirstLayer() => DenseTensor.Gemm(1f, _x, false, _w0, false, 0f, _a);

    [Benchmark(Description = "GEMM 675x50 * 50x1")]
    public void GemmOutputLayer() => DenseTensor.Gemm(1f, _h, false, _w3, false, 0f, _o);

    [Benchmark(Description = "GEMM (675x50)^T * 675x50")]
    public void GemmWeightGradient() => DenseTensor.Gemm(1f, _h, true, _a, false, 0f, _dw);
}
