using Xunit;
using GenEft.Autodiff;
using GenEft.Tensors;

namespace GenEft.Tests.Autodiff;

/// <summary>
/// Compares the tape's gradients with central finite differences in double precision. The checked scalar is
/// L = Σ W ⊙ f(x₀, x₁, …) + Σᵢ Σ Vᵢ ⊙ xᵢ with random constant weights W, Vᵢ: W makes the upstream gradient
/// non-uniform, and the Vᵢ terms give every input a second consumer, so a backward rule that overwrites
/// instead of accumulating loses Vᵢ and fails.
/// </summary>
internal static class GradientCheck
{
    public const double Step = 1e-5;

    /// <summary>Absolute plus relative tolerance: a dropped factor 2 or a sign flip is off by |g| ≫ this.</summary>
    public const double Tolerance = 1e-6;

    public static DenseTensor<double> Random(Random rng, double low, double high, params int[] dims)
    {
        var t = DenseTensor<double>.Zeros(dims);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = low + ((high - low) * rng.NextDouble());
        }

        return t;
    }

    /// <summary>Values with magnitude in [low, high] and random sign: away from the kinks of relu, abs and the pole of 1/x.</summary>
    public static DenseTensor<double> AwayFromZero(Random rng, double low, double high, params int[] dims)
    {
        var t = Random(rng, low, high, dims);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = rng.Next(2) == 0 ? s[i] : -s[i];
        }

        return t;
    }

    public sealed record Weights(DenseTensor<double>? Output, DenseTensor<double>[] PerInput);

    /// <summary>The analytic gradients of L with respect to each input, from one backward pass.</summary>
    public static DenseTensor<double>[] Analytic(DenseTensor<double>[] inputs, Func<Var<double>[], Var<double>> f, Weights weights)
    {
        var tape = new Tape<double>();
        var grads = inputs.Select(x => DenseTensor<double>.Zeros(x.Shape)).ToArray();
        var vars = inputs.Select((x, i) => tape.Parameter(x, grads[i])).ToArray();
        var loss = Loss(tape, vars, f, weights);
        tape.Backward(loss);
        return grads;
    }

    /// <summary>The central-difference gradients of L.</summary>
    public static DenseTensor<double>[] Numeric(DenseTensor<double>[] inputs, Func<Var<double>[], Var<double>> f, Weights weights)
    {
        var tape = new Tape<double>();
        var work = inputs.Select(x => x.Clone()).ToArray();
        var result = inputs.Select(x => DenseTensor<double>.Zeros(x.Shape)).ToArray();
        for (int i = 0; i < work.Length; i++)
        {
            var s = work[i].Span;
            for (int j = 0; j < s.Length; j++)
            {
                double saved = s[j];
                s[j] = saved + Step;
                double plus = Evaluate(tape, work, f, weights);
                s[j] = saved - Step;
                double minus = Evaluate(tape, work, f, weights);
                s[j] = saved;
                result[i].Span[j] = (plus - minus) / (2 * Step);
            }
        }

        return result;
    }

    /// <summary>Weights for L: random W shaped like f's output (when f is not already a scalar loss) and Vᵢ per input.</summary>
    public static Weights MakeWeights(DenseTensor<double>[] inputs, Func<Var<double>[], Var<double>> f, Random rng, bool secondConsumer = true)
    {
        var tape = new Tape<double>();
        var vars = inputs.Select(tape.Constant).ToArray();
        var shape = f(vars).Shape;
        var output = Random(rng, -1, 1, shape.Dims.ToArray());
        var perInput = inputs.Select(x => secondConsumer ? Random(rng, -1, 1, x.Shape.Dims.ToArray()) : DenseTensor<double>.Zeros(x.Shape)).ToArray();
        return new Weights(output, perInput);
    }

    /// <summary>The largest violation max |a - n| / (1 + |n|) over all inputs and elements.</summary>
    public static double MaxError(DenseTensor<double>[] analytic, DenseTensor<double>[] numeric)
    {
        double worst = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            var a = analytic[i].ReadOnlySpan;
            var n = numeric[i].ReadOnlySpan;
            for (int j = 0; j < a.Length; j++)
            {
                worst = Math.Max(worst, Math.Abs(a[j] - n[j]) / (1 + Math.Abs(n[j])));
            }
        }

        return worst;
    }

    /// <summary>Asserts that analytic and numeric gradients agree for f at the given inputs.</summary>
    public static void Check(DenseTensor<double>[] inputs, Func<Var<double>[], Var<double>> f, int seed, bool secondConsumer = true)
    {
        var weights = MakeWeights(inputs, f, new Random(seed ^ 0x5bd1e995), secondConsumer);
        var analytic = Analytic(inputs, f, weights);
        var numeric = Numeric(inputs, f, weights);
        double error = MaxError(analytic, numeric);
        Assert.True(
            error < Tolerance,
            $"max |analytic - numeric| / (1 + |numeric|) = {error:E3} for input shapes {string.Join(" ", inputs.Select(x => x.Shape))}");
    }

    private static Var<double> Loss(Tape<double> tape, Var<double>[] vars, Func<Var<double>[], Var<double>> f, Weights weights)
    {
        var loss = Ops.Sum(f(vars) * tape.Constant(weights.Output!));
        for (int i = 0; i < vars.Length; i++)
        {
            loss += Ops.Sum(vars[i] * tape.Constant(weights.PerInput[i]));
        }

        return loss;
    }

    private static double Evaluate(Tape<double> tape, DenseTensor<double>[] inputs, Func<Var<double>[], Var<double>> f, Weights weights)
    {
        tape.Reset();
        var vars = inputs.Select(tape.Constant).ToArray();
        return Loss(tape, vars, f, weights).Value[0];
    }
}
