using BenchmarkDotNet.Attributes;
using GenEft.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace GenEft.Benchmarks.Tensors;

/// <summary>
/// The fused tanh backward d = (1 - y²) · g (own Vector512/256/128 kernel, one pass) against the same formula
/// composed from three TensorPrimitives calls (three passes) and a scalar loop, at the autoencoder's hidden
/// activation size (675 x 50) and awkward sizes.
/// Run: <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*FusedBackwardBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class FusedBackwardBenchmarks
{
    private DenseTensor<float> _y = null!, _g = null!, _d = null!;

    [Params(97, 1000, 33750)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _y = DenseTensor<float>.Zeros(Length);
        _g = DenseTensor<float>.Zeros(Length);
        _d = DenseTensor<float>.Zeros(Length);
        for (int i = 0; i < Length; i++)
        {
            _y[i] = (float)((random.NextDouble() * 2) - 1);
            _g[i] = (float)random.NextDouble();
        }
    }

    [Benchmark(Description = "Fused kernel")]
    public void Fused() => DenseTensor.TanhBackward(_y, _g, _d);

    [Benchmark(Baseline = true, Description = "TensorPrimitives x3")]
    public void Composed()
    {
        Span<float> d = _d.Span;
        TensorPrimitives.Multiply(_y.ReadOnlySpan, _y.ReadOnlySpan, d);
        TensorPrimitives.Subtract(1f, d, d);
        TensorPrimitives.Multiply(d, _g.ReadOnlySpan, d);
    }

    [Benchmark(Description = "Scalar loop")]
    public void Scalar()
    {
        ReadOnlySpan<float> y = _y.ReadOnlySpan, g = _g.ReadOnlySpan;
        Span<float> d = _d.Span;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = (1 - (y[i] * y[i])) * g[i];
        }
    }
}
