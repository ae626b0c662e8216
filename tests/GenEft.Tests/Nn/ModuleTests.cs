using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>Layers: names, initialization distributions, seeding, shapes, allocation-free training.</summary>
public sealed class ModuleTests
{
    [Fact]
    public void Parameter_names_are_hierarchical()
    {
        var net = new PairNet<float>(5, 2, 4, 2, new Random(1));
        Assert.Equal(
            ["embedding.weight", "mlp.layer0.weight", "mlp.layer0.bias", "mlp.layer1.weight", "mlp.layer1.bias", "mlp.layer2.weight", "mlp.layer2.bias"],
            net.NamedParameters().Select(p => p.Key));
        Assert.Equal(7, net.Parameters().Count);
    }

    [Fact]
    public void Mlp_depth_zero_is_one_linear_map_and_depth_d_has_d_hidden_layers()
    {
        var linear = new Mlp<double>(3, 50, 0, 2, Activation.Tanh, new Random(1));
        Assert.Single(linear.Layers);
        Assert.Equal([2, 3], linear.Layers[0].Weight.Value.Shape.Dims.ToArray());
        var deep = new Mlp<double>(4, 50, 3, 1, Activation.Relu, new Random(1));
        Assert.Equal([50, 50, 50, 1], deep.Layers.Select(l => l.OutFeatures));
        Assert.Equal([4, 50, 50, 50], deep.Layers.Select(l => l.InFeatures));
    }

    [Fact]
    public void Linear_init_is_uniform_in_plus_minus_one_over_sqrt_fan_in()
    {
        var layer = new Linear<double>(64, 300, new Random(5));
        double bound = 1 / Math.Sqrt(64);
        var w = layer.Weight.Value.ReadOnlySpan.ToArray();
        Assert.All(w, x => Assert.InRange(x, -bound, bound));
        Assert.All(layer.Bias!.Value.ReadOnlySpan.ToArray(), x => Assert.InRange(x, -bound, bound));
        // U(-b, b) has mean 0 and variance b²/3; 19200 draws pin both within a few standard errors.
        double mean = w.Average(), variance = w.Select(x => x * x).Average();
        Assert.InRange(mean, -0.01 * bound, 0.01 * bound * 2);
        Assert.InRange(variance / (bound * bound / 3), 0.97, 1.03);
        Assert.True(w.Max() > 0.99 * bound && w.Min() < -0.99 * bound);
    }

    [Fact]
    public void Embedding_init_has_the_requested_scale()
    {
        var normal = new Embedding<double>(200, 100, EmbeddingInit.Normal, 0.3, new Random(2)).Weight.Value.ReadOnlySpan.ToArray();
        double std = Math.Sqrt(normal.Select(x => x * x).Average());
        Assert.InRange(std / 0.3, 0.98, 1.02);
        Assert.InRange(normal.Count(x => Math.Abs(x) < 0.3) / (double)normal.Length, 0.67, 0.70); // P(|Z| < 1) = 0.6827
        var uniform = new Embedding<double>(200, 100, EmbeddingInit.Uniform, 0.3, new Random(2)).Weight.Value.ReadOnlySpan.ToArray();
        Assert.All(uniform, x => Assert.InRange(x, -0.3, 0.3));
        Assert.InRange(uniform.Select(x => x * x).Average() / (0.09 / 3), 0.97, 1.03);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights()
    {
        var a = new PairNet<float>(5, 2, 4, 2, new Random(9)).Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray());
        var b = new PairNet<float>(5, 2, 4, 2, new Random(9)).Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray());
        var c = new PairNet<float>(5, 2, 4, 2, new Random(10)).Parameters().SelectMany(p => p.Value.ReadOnlySpan.ToArray());
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Bad_layer_arguments_are_rejected()
    {
        Assert.Equal("inFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new Linear<float>(0, 3, new Random(1))).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp<float>(2, 3, -1, 1, Activation.Tanh, new Random(1))).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding<float>(3, 2, EmbeddingInit.Normal, double.NaN, new Random(1))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new Linear<float>(1, 3, null!)).ParamName);
        var tape = new Tape<float>();
        var layer = new Linear<float>(3, 2, new Random(1));
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => layer.Forward(tape.Constant(DenseTensor<float>.Zeros(4, 5)))).ParamName);
    }

    [Fact]
    public void A_full_adam_training_step_allocates_nothing_in_steady_state()
    {
        var rng = new Random(4);
        var net = new PairNet<float>(30, 2, 50, 3, rng);
        var left = Enumerable.Range(0, 675).Select(i => i % 30).ToArray();
        var right = Enumerable.Range(0, 675).Select(i => (i * 7) % 30).ToArray();
        var targets = DenseTensor<float>.Zeros(675, 1);
        for (int i = 0; i < 675; i++)
        {
            targets[i] = rng.Next(2);
        }

        var adam = new Adam<float>([new(net.Embedding.Parameters(), 1e-3), new(net.Mlp.Parameters(), 1e-3)]);
        var tape = new Tape<float>();
        void Step()
        {
            tape.Reset();
            adam.ZeroGrad();
            tape.Backward(net.Loss(tape, left, right, targets));
            adam.Step();
        }

        for (int i = 0; i < 20; i++)
        {
            Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
