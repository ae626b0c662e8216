using System.Diagnostics;
using GenEft.Benchmarks.Tensors;
using GenEft.Tensors;

// Minimum time per call over many ~100 µs trials, ours and OpenBLAS interleaved trial by trial: on a shared,
// overloaded machine a long benchmark iteration is almost always preempted, a short trial often is not, so
// the minimum approaches the unloaded speed for both libraries alike.
// Run: dotnet run -c Release --project benchmarks/reference/tensors/GemmMinTime [-- "mxnxk NN" shapes, or
// "batchxmxnxk NT" for a batched product]
string[] shapes = args.Length > 0 ? args :
[
    "675x50x4 NN", "675x50x50 NN", "675x1x50 NN", "675x50x50 NT", "675x4x50 NT",
    "50x50x675 TN", "4x50x675 TN", "50x1x675 TN", "97x61x53 NN", "256x256x256 NN", "512x512x512 NN",
];
Console.WriteLine($"OpenBLAS: {OpenBlas.Config}, core {OpenBlas.CoreName}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("| Shape | GenEft µs | GenEft GFLOP/s | OpenBLAS µs | OpenBLAS GFLOP/s | GenEft speed / OpenBLAS |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var shape in shapes)
{
    var parts = shape.Split(' ');
    var d = parts[0].Split('x').Select(int.Parse).ToArray();

    // Four sizes: batch x m x n x k, a batched product (rank-3 operands) against a loop of OpenBLAS calls.
    int batch = d.Length == 4 ? d[0] : 1;
    if (d.Length == 4)
    {
        d = d[1..];
    }

    int m = d[0], n = d[1], k = d[2];
    bool ta = parts[1][0] == 'T', tb = parts[1][1] == 'T';
    var random = new Random(42);
    var a = DenseTensor<float>.Zeros(ta ? [batch, k, m] : [batch, m, k]);
    var b = DenseTensor<float>.Zeros(tb ? [batch, n, k] : [batch, k, n]);
    var c = DenseTensor<float>.Zeros(batch, m, n);
    if (batch == 1)
    {
        (a, b, c) = (a.Reshape(a.Shape.Dims[1..]), b.Reshape(b.Shape.Dims[1..]), c.Reshape(m, n));
    }
    foreach (ref float x in a.Span)
    {
        x = (float)((random.NextDouble() * 2) - 1);
    }

    foreach (ref float x in b.Span)
    {
        x = (float)((random.NextDouble() * 2) - 1);
    }

    float[] aa = a.ReadOnlySpan.ToArray(), ba = b.ReadOnlySpan.ToArray(), ca = new float[batch * m * n];
    double flops = 2.0 * batch * m * n * k;
    int reps = (int)Math.Clamp(2e6 / flops, 1, 1000);
    int trials = (int)Math.Clamp(3e9 / (flops * reps), 50, 400);
    Action ours = () => DenseTensor.Gemm(1f, a, ta, b, tb, 0f, c);
    Action blas = () =>
    {
        for (int e = 0; e < batch; e++)
        {
            OpenBlas.Gemm(ta, tb, m, n, k, 1f, aa, ba, 0f, ca, e * m * k, e * k * n, e * m * n);
        }
    };
    for (int i = 0; i < 200; i++)
    {
        ours();
        blas();
    }

    double bestOurs = double.MaxValue, bestBlas = double.MaxValue;
    for (int t = 0; t < trials; t++)
    {
        bestOurs = Math.Min(bestOurs, Time(ours, reps));
        bestBlas = Math.Min(bestBlas, Time(blas, reps));
    }

    Console.WriteLine($"| {shape} | {bestOurs * 1e6:F2} | {flops / bestOurs / 1e9:F1} | {bestBlas * 1e6:F2} | {flops / bestBlas / 1e9:F1} | {bestBlas / bestOurs:F2} |");
}

static double Time(Action f, int reps)
{
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < reps; i++)
    {
        f();
    }

    return Stopwatch.GetElapsedTime(start).TotalSeconds / reps;
}
