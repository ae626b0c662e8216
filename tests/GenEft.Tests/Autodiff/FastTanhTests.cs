using GenEft.Autodiff;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Autodiff;

/// <summary>The float tanh approximation against Math.Tanh in double.</summary>
public sealed class FastTanhTests
{
    [Fact]
    public void Relative_error_is_below_4e_minus_7_on_a_dense_grid_and_at_the_edges()
    {
        var xs = Enumerable.Range(-1_200_000, 2_400_001).Select(i => i * 1e-5f)
            .Concat([0f, -0f, 1e-30f, 3.9e-4f, 4.1e-4f, 7.9f, 8f, 20f, -20f, 1e30f, float.MaxValue, float.MinValue]).ToArray();
        var ys = new float[xs.Length];
        FastTanh.Tanh(xs, ys);
        double worst = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double exact = Math.Tanh(xs[i]);
            double error = exact == 0 ? Math.Abs(ys[i]) : Math.Abs(ys[i] - exact) / Math.Abs(exact);
            worst = Math.Max(worst, error);
        }

        Assert.True(worst < 4e-7, $"worst relative error {worst:E3}");
        Assert.All(ys, y => Assert.InRange(y, -1f, 1f));
    }

    [Fact]
    public void Nan_and_infinities_behave_like_tanh()
    {
        float[] xs = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        var vector = Enumerable.Repeat(xs, 8).SelectMany(x => x).ToArray(); // exercise the vector path too
        var ys = new float[vector.Length];
        FastTanh.Tanh(vector, ys);
        for (int i = 0; i < vector.Length; i += 3)
        {
            Assert.True(float.IsNaN(ys[i]));
            Assert.Equal(1f, ys[i + 1], 1e-6f);
            Assert.Equal(-1f, ys[i + 2], 1e-6f);
        }
    }

    [Fact]
    public void Float_tape_tanh_matches_double_tanh()
    {
        var x = DenseTensor<float>.FromSpan(Enumerable.Range(0, 37).Select(i => (i - 18) * 0.37f).ToArray(), 37);
        var y = Ops.Tanh(new Tape<float>().Constant(x)).Value;
        for (int i = 0; i < 37; i++)
        {
            Assert.Equal(Math.Tanh(x[i]), y[i], 1e-6);
        }
    }
}
