using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>Public initializers and layers built from given weights.</summary>
public sealed class InitializersTests
{
    [Fact]
    public void Normal_entries_have_mean_zero_and_the_requested_deviation()
    {
        double[] x = Initializers.Normal<double>(7UL, 2.5, 300, 100).ReadOnlySpan.ToArray();
        // 30,000 draws: mean within 4 standard errors (4 * 2.5 / sqrt(30000)); P(|X| < sigma) = 0.6827.
        Assert.InRange(x.Average(), -0.058, 0.058);
        Assert.InRange(Math.Sqrt(x.Select(v => v * v).Average()) / 2.5, 0.98, 1.02);
        Assert.InRange(x.Count(v => Math.Abs(v) < 2.5) / 30_000.0, 0.673, 0.692);
    }

    [Fact]
    public void Uniform_entries_fill_the_interval_evenly()
    {
        float[] x = Initializers.Uniform<float>(3UL, 0.5, 20_000).ReadOnlySpan.ToArray();
        Assert.All(x, v => Assert.InRange(v, -0.5f, 0.5f));
        // U(-b, b): variance b^2 / 3; each quarter of the interval holds a quarter of the draws (binomial s.d. 0.003).
        Assert.InRange(x.Select(v => (double)v * v).Average() / (0.25 / 3), 0.97, 1.03);
        Assert.InRange(x.Count(v => v < -0.25f) / 20_000.0, 0.235, 0.265);
    }

    [Fact]
    public void Seed_and_random_overloads_agree_and_seeds_are_reproducible()
    {
        var a = Initializers.Normal<double>(11UL, 1.0, 4, 5);
        Assert.Equal(a.ReadOnlySpan.ToArray(), Initializers.Normal<double>(new Random(11), 1.0, 4, 5).ReadOnlySpan.ToArray());
        Assert.Equal(a.ReadOnlySpan.ToArray(), Initializers.Normal<double>(11UL, 1.0, 4, 5).ReadOnlySpan.ToArray());
        Assert.NotEqual(a.ReadOnlySpan.ToArray(), Initializers.Normal<double>(12UL, 1.0, 4, 5).ReadOnlySpan.ToArray());
        Assert.Equal([4, 5], a.Shape.Dims.ToArray());

        // Seeds above int.MaxValue are valid and distinct.
        Assert.NotEqual(
            Initializers.Uniform<double>(ulong.MaxValue, 1.0, 8).ReadOnlySpan.ToArray(),
            Initializers.Uniform<double>(ulong.MaxValue - 1, 1.0, 8).ReadOnlySpan.ToArray());

        // The layers draw through the same initializers: nn.Linear's U(+-1/sqrt(in)) weight, then bias, from one stream.
        var layer = new Linear<double>(3, 2, new Random(4));
        var random = new Random(4);
        Assert.Equal(Initializers.Uniform<double>(random, 1 / Math.Sqrt(3), 2, 3).ReadOnlySpan.ToArray(), layer.Weight.Value.ReadOnlySpan.ToArray());
        Assert.Equal(Initializers.Uniform<double>(random, 1 / Math.Sqrt(3), 2).ReadOnlySpan.ToArray(), layer.Bias!.Value.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Zero_scale_gives_zeros_and_bad_scales_are_rejected()
    {
        Assert.All(Initializers.Normal<float>(1UL, 0, 3).ReadOnlySpan.ToArray(), v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentOutOfRangeException>("standardDeviation", () => Initializers.Normal<float>(1UL, -1, 3));
        Assert.Throws<ArgumentOutOfRangeException>("bound", () => Initializers.Uniform<float>(1UL, double.PositiveInfinity, 3));
        Assert.Throws<ArgumentOutOfRangeException>("standardDeviation", () => Initializers.FillNormal(new Random(1), double.NaN, new float[2].AsSpan()));
        Assert.Throws<ArgumentNullException>("random", () => Initializers.Uniform<float>(null!, 1, 3));
    }

    [Fact]
    public void Linear_from_given_weights_computes_x_times_w_transposed_plus_b()
    {
        var weight = DenseTensor<double>.FromArray(new double[,] { { 1, 2, 3 }, { -1, 0, 4 } });
        var bias = DenseTensor<double>.FromSpan([0.5, -2], 2);
        var layer = new Linear<double>(weight, bias);
        Assert.Same(weight, layer.Weight.Value);
        Assert.Equal((3, 2), (layer.InFeatures, layer.OutFeatures));
        var tape = new Tape<double>();
        var y = layer.Forward(tape.Constant(DenseTensor<double>.FromArray(new double[,] { { 1, 1, 1 }, { 2, 0, -1 } })));
        // Row 1: (1 + 2 + 3 + 0.5, -1 + 0 + 4 - 2); row 2: (2 - 3 + 0.5, -2 - 4 - 2).
        Assert.Equal([6.5, 1, -0.5, -8], y.Value.ReadOnlySpan.ToArray());
        Assert.Null(new Linear<double>(weight).Bias);
        Assert.Throws<ArgumentException>("bias", () => new Linear<double>(weight, DenseTensor<double>.Zeros(3)));
        Assert.Throws<ArgumentException>("weight", () => new Linear<double>(DenseTensor<double>.Zeros(3)));
    }

    [Fact]
    public void Embedding_from_given_weights_looks_up_its_rows()
    {
        var table = DenseTensor<float>.FromArray(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var embedding = new Embedding<float>(table);
        var tape = new Tape<float>();
        Assert.Equal([5f, 6, 1, 2, 5, 6], embedding.Forward(tape, new[] { 2, 0, 2 }).Value.ReadOnlySpan.ToArray());
        Assert.Throws<ArgumentException>("weight", () => new Embedding<float>(DenseTensor<float>.Zeros(2, 2, 2)));
    }
}
