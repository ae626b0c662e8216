using GenEft.Autodiff;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Autodiff;

/// <summary>Tape mechanics: reuse across steps, validation, handles, allocation-free steady state.</summary>
public sealed class TapeTests
{
    private static (DenseTensor<float> W, DenseTensor<float> Wg, DenseTensor<float> X, DenseTensor<float> T) Problem()
    {
        var rng = new Random(3);
        var w = DenseTensor<float>.Zeros(4, 3);
        var x = DenseTensor<float>.Zeros(6, 3);
        var t = DenseTensor<float>.Zeros(6, 4);
        foreach (var s in new[] { w, x, t })
        {
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = (float)rng.NextDouble() - 0.5f;
            }
        }

        return (w, DenseTensor<float>.Zeros(4, 3), x, t);
    }

    private static float Step(Tape<float> tape, DenseTensor<float> w, DenseTensor<float> wg, DenseTensor<float> x, DenseTensor<float> t)
    {
        tape.Reset();
        wg.Fill(0);
        var h = Ops.Tanh(Ops.Linear(tape.Constant(x), tape.Parameter(w, wg)));
        var loss = Ops.MeanSquaredError(h, t) + (0.5f * Ops.L2Penalty(tape.Parameter(w, wg)));
        tape.Backward(loss);
        return loss.Value[0];
    }

    [Fact]
    public void Reused_tape_gives_the_same_loss_and_gradient_as_a_fresh_tape()
    {
        var (w, wg, x, t) = Problem();
        var reused = new Tape<float>();
        Step(reused, w, wg, x, t);
        float second = Step(reused, w, wg, x, t);
        var g2 = wg.Clone();
        float fresh = Step(new Tape<float>(), w, wg, x, t);
        Assert.Equal(fresh, second);
        Assert.Equal(wg.ReadOnlySpan.ToArray(), g2.ReadOnlySpan.ToArray());
    }

    /// <summary>Minibatches of changing size: buffers are reallocated when a shape changes and reused when it repeats.</summary>
    [Fact]
    public void Reused_tape_follows_changing_shapes()
    {
        var rng = new Random(8);
        var table = DenseTensor<double>.FromSpan(Enumerable.Range(0, 12).Select(_ => rng.NextDouble()).ToArray(), 6, 2);
        var w = DenseTensor<double>.FromSpan(Enumerable.Range(0, 12).Select(_ => rng.NextDouble() - 0.5).ToArray(), 3, 4);
        (double Loss, double[] TableGrad, double[] WGrad) Step(Tape<double> tape, int[] left, int[] right)
        {
            tape.Reset();
            var tg = DenseTensor<double>.Zeros(6, 2);
            var wg = DenseTensor<double>.Zeros(3, 4);
            var t = tape.Parameter(table, tg);
            var x = Ops.Reshape(Ops.Concat(Ops.GatherRows(t, left), Ops.GatherRows(t, right)), left.Length, 4);
            var loss = Ops.Mean(Ops.Square(Ops.Tanh(Ops.Linear(x, tape.Parameter(w, wg)))));
            tape.Backward(loss);
            return (loss.Value[0], tg.ReadOnlySpan.ToArray(), wg.ReadOnlySpan.ToArray());
        }

        int[][] lefts = [[0, 1, 2, 3, 4], [5, 5], [0, 1, 2, 3, 4], [2]];
        int[][] rights = [[1, 1, 3, 0, 5], [0, 2], [1, 1, 3, 0, 5], [4]];
        var reused = new Tape<double>();
        for (int i = 0; i < lefts.Length; i++)
        {
            var a = Step(reused, lefts[i], rights[i]);
            var b = Step(new Tape<double>(), lefts[i], rights[i]);
            Assert.Equal(b.Loss, a.Loss);
            Assert.Equal(b.TableGrad, a.TableGrad);
            Assert.Equal(b.WGrad, a.WGrad);
        }
    }

    [Fact]
    public void Parameter_gradients_accumulate_across_backward_calls_until_cleared()
    {
        var (w, wg, x, t) = Problem();
        var tape = new Tape<float>();
        Step(tape, w, wg, x, t);
        var once = wg.Clone();
        var h = Ops.Tanh(Ops.Linear(tape.Constant(x), tape.Parameter(w, wg)));
        tape.Backward(Ops.MeanSquaredError(h, t) + (0.5f * Ops.L2Penalty(tape.Parameter(w, wg))));
        for (int i = 0; i < wg.Length; i++)
        {
            Assert.Equal(2 * once[i], wg[i], 1e-6f);
        }
    }

    [Fact]
    public void Steady_state_step_allocates_nothing()
    {
        var (w, wg, x, t) = Problem();
        var tape = new Tape<float>();
        for (int i = 0; i < 50; i++)
        {
            Step(tape, w, wg, x, t);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Step(tape, w, wg, x, t);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_var_from_before_reset_is_rejected()
    {
        var tape = new Tape<double>();
        var v = tape.Constant(DenseTensor<double>.Zeros(2));
        tape.Reset();
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Ops.Tanh(v)).ParamName);
        Assert.Throws<InvalidOperationException>(() => v.Value);
    }

    [Fact]
    public void Vars_from_different_tapes_are_rejected()
    {
        var a = new Tape<double>().Constant(DenseTensor<double>.Zeros(2));
        var b = new Tape<double>().Constant(DenseTensor<double>.Zeros(2));
        var ex = Assert.Throws<ArgumentException>(() => Ops.Add(a, b));
        Assert.Equal("y", ex.ParamName);
    }

    [Fact]
    public void Shape_mismatches_name_the_operand_and_both_shapes()
    {
        var tape = new Tape<double>();
        var a = tape.Constant(DenseTensor<double>.Zeros(2, 3));
        var b = tape.Constant(DenseTensor<double>.Zeros(3, 2));
        var ex = Assert.Throws<ArgumentException>(() => Ops.Multiply(a, b));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[3, 2]", ex.Message);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Ops.MatMul(a, a)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => Ops.Linear(a, b)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Ops.MeanSquaredError(a, DenseTensor<double>.Zeros(3, 2))).ParamName);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => Ops.Reshape(a, 5)).ParamName);
        Assert.Equal("axis", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Sum(a, 2)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.NormalizeLastAxis(a, 0.0)).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.GatherRows(a, new[] { 2 })).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => tape.Backward(a)).ParamName);
        Assert.Equal("grad", Assert.Throws<ArgumentException>(() => tape.Parameter(DenseTensor<double>.Zeros(2), DenseTensor<double>.Zeros(3))).ParamName);
    }

    [Fact]
    public void Values_not_on_the_loss_path_get_no_gradient()
    {
        var tape = new Tape<double>();
        var w = tape.Parameter(DenseTensor<double>.Full(2.0, 3), DenseTensor<double>.Zeros(3));
        var unused = Ops.Exp(w);
        var loss = Ops.Sum(Ops.Square(w));
        tape.Backward(loss);
        Assert.Null(unused.Grad);
        Assert.Equal(new[] { 4.0, 4.0, 4.0 }, w.Grad!.ReadOnlySpan.ToArray());
        Assert.False(tape.Constant(DenseTensor<double>.Zeros(1)).RequiresGrad);
    }

    [Fact]
    public void Bce_with_logits_is_finite_for_extreme_logits_and_matches_the_closed_form()
    {
        var tape = new Tape<double>();
        var z = tape.Parameter(DenseTensor<double>.FromSpan([-800.0, 800.0, 0.0], 3), DenseTensor<double>.Zeros(3));
        var t = DenseTensor<double>.FromSpan([1.0, 0.0, 1.0], 3);
        var loss = Ops.BinaryCrossEntropyWithLogits(z, t);
        tape.Backward(loss);
        Assert.Equal((800 + 800 + Math.Log(2)) / 3, loss.Value[0], 12);
        Assert.Equal(new[] { -1.0 / 3, 1.0 / 3, -0.5 / 3 }, z.Grad!.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void NormalizeLastAxis_makes_unit_rows_and_clamps_tiny_rows()
    {
        var tape = new Tape<double>();
        var x = tape.Constant(DenseTensor<double>.FromSpan([3.0, 4.0, 1e-14, 0.0], 2, 2));
        var y = Ops.NormalizeLastAxis(x, 1e-12).Value;
        Assert.Equal(new[] { 0.6, 0.8, 1e-2, 0.0 }, y.ReadOnlySpan.ToArray());
    }
}
