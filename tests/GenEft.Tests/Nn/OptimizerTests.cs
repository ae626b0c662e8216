using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>Optimizer steps against hand-computed PyTorch formulas, and their validation.</summary>
public sealed class OptimizerTests
{
    private static Parameter<double> Param(string name, params double[] values)
        => new(name, DenseTensor<double>.FromSpan(values, values.Length));

    private static void SetGrad(Parameter<double> p, params double[] g) => g.CopyTo(p.Grad.Span);

    [Fact]
    public void Adam_first_step_moves_each_weight_by_lr_times_g_over_abs_g_plus_eps()
    {
        // Step 1: m = (1-β₁)g, v = (1-β₂)g²; the bias corrections cancel, leaving lr · g / (|g| + ε).
        var p = Param("w", 1.0, -2.0, 0.5);
        SetGrad(p, 0.3, -1e-9, 4.0);
        new Adam<double>([new([p], 0.1)], epsilon: 1e-8).Step();
        double[] g = [0.3, -1e-9, 4.0];
        double[] p0 = [1.0, -2.0, 0.5];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(p0[i] - (0.1 * g[i] / (Math.Abs(g[i]) + 1e-8)), p.Value[i], 1e-15);
        }
    }

    [Fact]
    public void Adam_second_step_follows_the_bias_corrected_moments()
    {
        var p = Param("w", 1.0);
        var adam = new Adam<double>([new([p], 0.01, weightDecay: 0.5)], beta1: 0.8, beta2: 0.9, epsilon: 1e-3);
        double w = 1.0, m = 0, v = 0;
        double[] grads = [0.7, -0.2];
        for (int t = 1; t <= 2; t++)
        {
            SetGrad(p, grads[t - 1]);
            adam.Step();
            double g = grads[t - 1] + (0.5 * w);
            m = (0.8 * m) + (0.2 * g);
            v = (0.9 * v) + (0.1 * g * g);
            double denom = (Math.Sqrt(v) / Math.Sqrt(1 - Math.Pow(0.9, t))) + 1e-3;
            w -= 0.01 / (1 - Math.Pow(0.8, t)) * m / denom;
            Assert.Equal(w, p.Value[0], 1e-15);
        }
    }

    [Fact]
    public void AdamW_decays_the_weight_before_the_step_instead_of_through_the_gradient()
    {
        var p = Param("w", 2.0);
        SetGrad(p, 0.0);
        new AdamW<double>([new([p], 0.1, weightDecay: 0.3)]).Step();
        Assert.Equal(2.0 * (1 - (0.1 * 0.3)), p.Value[0], 1e-15); // zero gradient: the Adam step is 0
    }

    [Fact]
    public void Sgd_with_nesterov_momentum_matches_the_torch_recursion()
    {
        var p = Param("w", 1.0);
        var sgd = new Sgd<double>([new([p], 0.1, l1: 0.2)], momentum: 0.9, nesterov: true);
        double w = 1.0, buf = 0;
        double[] grads = [0.5, -0.25, 1.0];
        for (int t = 0; t < grads.Length; t++)
        {
            SetGrad(p, grads[t]);
            sgd.Step();
            double g = grads[t] + (0.2 * Math.Sign(w));
            buf = t == 0 ? g : (0.9 * buf) + g;
            w -= 0.1 * (g + (0.9 * buf));
            Assert.Equal(w, p.Value[0], 1e-15);
        }
    }

    [Fact]
    public void Groups_use_their_own_learning_rates()
    {
        var a = Param("a", 1.0);
        var b = Param("b", 1.0);
        SetGrad(a, 1.0);
        SetGrad(b, 1.0);
        new Sgd<double>([new([a], 0.1), new([b], 0.01)]).Step();
        Assert.Equal(0.9, a.Value[0], 1e-15);
        Assert.Equal(0.99, b.Value[0], 1e-15);
    }

    [Fact]
    public void ZeroGrad_clears_every_gradient()
    {
        var a = Param("a", 1.0, 2.0);
        SetGrad(a, 3.0, 4.0);
        new Adam<double>([new([a], 0.1)]).ZeroGrad();
        Assert.Equal(new[] { 0.0, 0.0 }, a.Grad.ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1e-3)]
    public void A_bad_learning_rate_is_rejected(double lr)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterGroup<double>([Param("w", 1.0)], lr));
        Assert.Equal("learningRate", ex.ParamName);
        var group = new ParameterGroup<double>([Param("w", 1.0)], 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => group.LearningRate = lr);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterGroup<double>([Param("w", 1.0)], 0.1, weightDecay: lr)).ParamName);
        Assert.Equal("l1", Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterGroup<double>([Param("w", 1.0)], 0.1, l1: lr)).ParamName);
    }

    [Fact]
    public void A_parameter_given_twice_is_rejected_by_name()
    {
        var w = Param("decoder_weight", 1.0);
        var inGroup = Assert.Throws<ArgumentException>(() => new ParameterGroup<double>([w, w], 0.1));
        Assert.Equal("parameters", inGroup.ParamName);
        Assert.Contains("decoder_weight", inGroup.Message);
        var acrossGroups = Assert.Throws<ArgumentException>(() => new Adam<double>([new([w], 0.1), new([Param("other", 1.0), w], 0.1)]));
        Assert.Equal("groups", acrossGroups.ParamName);
        Assert.Contains("decoder_weight", acrossGroups.Message);
    }

    [Fact]
    public void Bad_optimizer_settings_are_rejected()
    {
        ParameterGroup<double>[] groups = [new([Param("w", 1.0)], 0.1)];
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => new Adam<double>([])).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(groups, beta1: 1.0)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW<double>(groups, beta2: double.NaN)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(groups, epsilon: 0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd<double>(groups, momentum: -0.1)).ParamName);
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => new Sgd<double>(groups, nesterov: true)).ParamName);
    }
}
