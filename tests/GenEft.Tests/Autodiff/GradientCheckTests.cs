using Xunit;
using GenEft.Autodiff;
using GenEft.Tensors;
using static GenEft.Tests.Autodiff.GradientCheck;

namespace GenEft.Tests.Autodiff;

/// <summary>The gradient check is tight enough to catch the mistakes it exists for.</summary>
public sealed class GradientCheckTests
{
    private static (DenseTensor<double>[] Analytic, DenseTensor<double>[] Numeric, Weights Weights) TanhCase()
    {
        var rng = new Random(7);
        var x = Random(rng, -2, 2, 3, 17);
        Func<Var<double>[], Var<double>> f = v => Ops.Tanh(v[0]);
        var weights = MakeWeights([x], f, rng);
        return (Analytic([x], f, weights), Numeric([x], f, weights), weights);
    }

    [Fact]
    public void Correct_derivative_passes()
    {
        var (analytic, numeric, _) = TanhCase();
        Assert.True(MaxError(analytic, numeric) < Tolerance);
    }

    [Fact]
    public void Dropped_factor_two_fails()
    {
        var (analytic, numeric, weights) = TanhCase();
        // Corrupt only the op's own contribution (analytic - V): doubled.
        var g = analytic[0].Span;
        var v = weights.PerInput[0].ReadOnlySpan;
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = (2 * (g[i] - v[i])) + v[i];
        }

        Assert.True(MaxError(analytic, numeric) > 100 * Tolerance);
    }

    [Fact]
    public void Wrong_sign_fails()
    {
        var (analytic, numeric, weights) = TanhCase();
        var g = analytic[0].Span;
        var v = weights.PerInput[0].ReadOnlySpan;
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = -(g[i] - v[i]) + v[i];
        }

        Assert.True(MaxError(analytic, numeric) > 100 * Tolerance);
    }

    [Fact]
    public void Missed_accumulation_fails()
    {
        var (analytic, numeric, weights) = TanhCase();
        // An op that overwrote the gradient instead of adding would lose the second consumer's V term.
        DenseTensor.Subtract(analytic[0], weights.PerInput[0], analytic[0]);
        Assert.True(MaxError(analytic, numeric) > 100 * Tolerance);
    }
}
