using BenchmarkDotNet.Attributes;
using GenEft.Tensors;

namespace GenEft.Benchmarks.Tensors;

/// <summary>
/// Single-precision GEMM, one thread: ours against OpenBLAS sgemm (same process, same data) and a naive
/// triple loop, at the GenEFT autoencoder's shapes (forward and backward), 256³, 512³ and an awkward size.
/// Run: <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*GemmBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private DenseTensor<float> _ta = null!, _tb = null!, _tc = null!;

    /// <summary>m x n x k and the transposes: N = as stored, T = transposed (the autodiff backward forms).</summary>
    [Params(
        "675x50x4 NN", "675x50x50 NN", "675x1x50 NN", "675x50x50 NT", "675x4x50 NT",
        "50x50x675 TN", "4x50x675 TN", "50x1x675 TN", "97x61x53 NN", "256x256x256 NN", "512x512x512 NN")]
    public string Shape { get; set; } = "675x50x50 NN";

    private int M { get; set; }

    private int N { get; set; }

    private int K { get; set; }

    private bool TransposeA { get; set; }

    private bool TransposeB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split(' ');
        var dims = parts[0].Split('x').Select(int.Parse).ToArray();
        (M, N, K) = (dims[0], dims[1], dims[2]);
        (TransposeA, TransposeB) = (parts[1][0] == 'T', parts[1][1] == 'T');
        var random = new Random(42);
        _ta = TransposeA ? DenseTensor<float>.Zeros(K, M) : DenseTensor<float>.Zeros(M, K);
        _tb = TransposeB ? DenseTensor<float>.Zeros(N, K) : DenseTensor<float>.Zeros(K, N);
        _tc = DenseTensor<float>.Zeros(M, N);
        foreach (var t in new[] { _ta, _tb })
        {
            foreach (ref float x in t.Span)
            {
                x = (float)((random.NextDouble() * 2) - 1);
            }
        }

        _a = _ta.ReadOnlySpan.ToArray();
        _b = _tb.ReadOnlySpan.ToArray();
        _c = new float[M * N];
        OpenBlasSgemm();
        Console.WriteLine($"// OpenBLAS: {OpenBlas.Config}, core {OpenBlas.CoreName}");
    }

    [Benchmark(Description = "GenEft")]
    public void GenEftGemm() => DenseTensor.Gemm(1f, _ta, TransposeA, _tb, TransposeB, 0f, _tc);

    [Benchmark(Baseline = true, Description = "OpenBLAS")]
    public void OpenBlasSgemm() => OpenBlas.Gemm(TransposeA, TransposeB, M, N, K, 1f, _a, _b, 0f, _c);

    [Benchmark(Description = "Naive")]
    public void NaiveGemm() => Naive.Gemm(TransposeA, TransposeB, M, N, K, _a, _b, _c);
}
