using GenEft.Models;
using Xunit;

namespace GenEft.Tests.Models;

public sealed class FastTanhTests
{
    [Fact]
    public void MatchesMathTanhToAFewUlpsOverTheWholeRange()
    {
        // Dense sweep of [-12, 12] plus the special points; the oracle is double-precision Math.Tanh.
        var xs = Enumerable.Range(-120_000, 240_001).Select(i => i * 1e-4f)
            .Concat([0f, -0f, 0.0003999f, 0.0004f, 7.9f, 8f, 50f, -50f, float.MaxValue, float.MinValue, 1e-30f]).ToArray();
        var vectorized = new float[xs.Length];
        FastTanh.Apply(xs, vectorized);
        for (int i = 0; i < xs.Length; i++)
        {
            double exact = Math.Tanh(xs[i]);
            Assert.True(Math.Abs(vectorized[i] - exact) <= 4e-7 * Math.Max(Math.Abs(exact), 1e-3), $"tanh({xs[i]}) = {vectorized[i]}, exact {exact}");
            Assert.Equal(FastTanh.Evaluate(xs[i]), vectorized[i], 1e-7f);
            Assert.InRange(vectorized[i], -1f, 1f);
        }
    }

    [Fact]
    public void NaNPropagatesAndInfinitiesSaturate()
    {
        float[] xs = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
        var ys = new float[xs.Length];
        FastTanh.Apply(xs, ys);
        Assert.True(float.IsNaN(ys[0]));
        Assert.Equal(1f, ys[1], 1e-6f);
        Assert.Equal(-1f, ys[2], 1e-6f);
        Assert.True(float.IsNaN(FastTanh.Evaluate(float.NaN)));
    }
}
