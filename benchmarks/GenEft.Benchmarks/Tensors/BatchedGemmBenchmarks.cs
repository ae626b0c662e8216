using BenchmarkDotNet.Attributes;
using GenEft.Tensors;

namespace GenEft.Benchmarks.Tensors;

/// <summary>
/// Batched single-precision GEMM (rank-3 operands, as in tensor-network attention), one thread: one
/// <see cref="DenseTensor.Gemm{T}"/> call against a loop of OpenBLAS sgemm calls over the batch.
/// Run: <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*BatchedGemmBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class BatchedGemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private DenseTensor<float> _ta = null!, _tb = null!, _tc = null!;

    /// <summary>batch x m x n x k and the transposes (NT: scores Q·Kᵀ; NN: weights · V).</summary>
    [Params("64x32x32x16 NT", "64x32x16x32 NN", "16x50x50x50 NN")]
    public string Shape { get; set; } = "64x32x32x16 NT";

    private int Batch { get; set; }

    private int M { get; set; }

    private int N { get; set; }

    private int K { get; set; }

    private bool TransposeB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split(' ');
        var dims = parts[0].Split('x').Select(int.Parse).ToArray();
        (Batch, M, N, K) = (dims[0], dims[1], dims[2], dims[3]);
        TransposeB = parts[1][1] == 'T';
        var random = new Random(42);
        _ta = DenseTensor<float>.Zeros(Batch, M, K);
        _tb = TransposeB ? DenseTensor<float>.Zeros(Batch, N, K) : DenseTensor<float>.Zeros(Batch, K, N);
        _tc = DenseTensor<float>.Zeros(Batch, M, N);
        foreach (var t in new[] { _ta, _tb })
        {
            foreach (ref float x in t.Span)
            {
                x = (float)((random.NextDouble() * 2) - 1);
            }
        }

        _a = _ta.ReadOnlySpan.ToArray();
        _b = _tb.ReadOnlySpan.ToArray();
        _c = new float[Batch * M * N];
    }

    [Benchmark(Description = "GenEft batched")]
    public void GenEftBatched() => DenseTensor.Gemm(1f, _ta, false, _tb, TransposeB, 0f, _tc);

    [Benchmark(Baseline = true, Description = "OpenBLAS loop")]
    public void OpenBlasLoop()
    {
        for (int i = 0; i < Batch; i++)
        {
            OpenBlas.Gemm(false, TransposeB, M, N, K, 1f, _a, _b, 0f, _c, i * M * K, i * K * N, i * M * N);
        }
    }
}
