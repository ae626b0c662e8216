using FsCheck.Xunit;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Autodiff;

/// <summary>Argmax/argmin (tensor and tape op), the inference tape, and the backward dispatch's refusal of unknown kinds.</summary>
public sealed class ArgExtremumAndInferenceTests
{
    // Brute force: for each position of the other axes, scan the axis with LINQ over explicit multi-indices.
    private static int[] Oracle(double[] values, int[] dims, int axis, bool max)
    {
        int size = dims[axis];
        int inner = dims.Skip(axis + 1).Aggregate(1, (p, d) => p * d);
        int outer = values.Length / (size * inner);
        var result = new List<int>();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                var line = Enumerable.Range(0, size).Select(k => values[(((o * size) + k) * inner) + i]).ToArray();
                int nan = Array.FindIndex(line, double.IsNaN);
                double extreme = max ? line.Max() : line.Min();
                result.Add(nan >= 0 ? nan : Array.IndexOf(line, extreme));
            }
        }

        return [.. result];
    }

    [Property(MaxTest = 60)]
    public void Argmax_and_argmin_along_any_axis_match_brute_force(int seed, byte rankByte, byte axisByte)
    {
        var random = new Random(seed);
        int rank = 1 + (rankByte % 3);
        int[] dims = Enumerable.Range(0, rank).Select(_ => 1 + random.Next(5)).ToArray();
        int axis = axisByte % rank;
        // Few distinct values so ties are common; occasionally a NaN.
        double[] values = Enumerable.Range(0, dims.Aggregate(1, (p, d) => p * d))
            .Select(_ => random.NextDouble() < 0.05 ? double.NaN : random.Next(4) - 1.5).ToArray();
        var x = DenseTensor<double>.FromSpan(values, dims);
        foreach (bool max in new[] { true, false })
        {
            int[] expected = Oracle(values, dims, axis, max);
            var actual = new int[expected.Length];
            if (max)
            {
                DenseTensor.ArgMax(x, axis, actual);
            }
            else
            {
                DenseTensor.ArgMin(x, axis - rank, actual); // negative axis, same axis
            }

            Assert.Equal(expected, actual);
            var tape = new Tape<double>();
            var op = max ? Ops.ArgMax(tape.Constant(x), axis) : Ops.ArgMin(tape.Constant(x), axis);
            Assert.Equal(expected.Select(i => (double)i), op.Value.ReadOnlySpan.ToArray());
        }

        Assert.Equal(Oracle(values, [values.Length], 0, true)[0], DenseTensor.ArgMax(x));
        Assert.Equal(Oracle(values, [values.Length], 0, false)[0], DenseTensor.ArgMin(x));
    }

    [Fact]
    public void Argmax_has_no_gradient_and_does_not_block_other_gradients()
    {
        var tape = new Tape<double>();
        var w = DenseTensor<double>.FromArray(new double[,] { { 1, 5, 2 }, { 7, 0, 3 } });
        var grad = DenseTensor<double>.Zeros(2, 3);
        var p = tape.Parameter(w, grad);
        var index = Ops.ArgMax(p, 1);
        Assert.False(index.RequiresGrad);
        Assert.Equal([1.0, 0.0], index.Value.ReadOnlySpan.ToArray());
        Assert.Equal([2], index.Shape.Dims.ToArray());
        tape.Backward(Ops.Sum(p));
        Assert.Null(index.Grad);
        Assert.All(grad.ReadOnlySpan.ToArray(), g => Assert.Equal(1.0, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.ArgMin(p, 2));
        Assert.Throws<ArgumentException>("x", () => Ops.ArgMax(default(Var<double>), 0));
        Assert.Throws<ArgumentException>("destination", () => DenseTensor.ArgMax(w, 0, new int[2]));
    }

    [Fact]
    public void Inference_tape_gives_the_training_tapes_values_without_gradients()
    {
        var random = new Random(5);
        var mlp = new Mlp<float>(3, 6, 2, 1, Activation.Tanh, random);
        var x = Initializers.Normal<float>(random, 1.0, 9, 3);
        var targets = DenseTensor<float>.Zeros(9, 1);
        var training = new Tape<float>();
        var trained = Ops.BinaryCrossEntropyWithLogits(mlp.Forward(training.Constant(x)), targets);
        var inference = Tape<float>.ForInference();
        Assert.False(inference.RecordsGradients);
        Assert.True(training.RecordsGradients);
        for (int repeat = 0; repeat < 2; repeat++)
        {
            inference.Reset();
            var logits = mlp.Forward(inference.Constant(x));
            var loss = Ops.BinaryCrossEntropyWithLogits(logits, targets);
            Assert.False(loss.RequiresGrad);
            Assert.Equal(trained.Value.ReadOnlySpan[0], loss.Value.ReadOnlySpan[0]); // bit for bit: the same ops
            Assert.Throws<InvalidOperationException>(() => inference.Backward(loss));
        }

        Assert.False(mlp.Layers[0].Weight.On(inference).RequiresGrad);
        Assert.All(mlp.Parameters(), p => Assert.All(p.Grad.ReadOnlySpan.ToArray(), g => Assert.Equal(0f, g)));
    }

    [Fact]
    public void Inference_tape_allocates_nothing_in_steady_state()
    {
        var mlp = new Mlp<float>(4, 16, 2, 1, Activation.Tanh, new Random(1));
        var x = Initializers.Uniform<float>(2UL, 1.0, 50, 4);
        var tape = Tape<float>.ForInference();
        void Evaluate()
        {
            tape.Reset();
            mlp.Forward(tape.Constant(x));
        }

        Evaluate();
        Evaluate();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Evaluate();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Backward_of_an_unknown_kind_throws_instead_of_using_another_ops_rule()
    {
        var tape = new Tape<double>();
        var node = tape.Record((OpKind)999, requiresGrad: true);
        Assert.Throws<InvalidOperationException>(() => Tape<double>.BackwardOf(node));
        foreach (var kind in new[] { OpKind.ArgMax, OpKind.ArgMin })
        {
            node.Kind = kind;
            Assert.Throws<InvalidOperationException>(() => Tape<double>.BackwardOf(node));
        }

        // Every other kind reaches its own rule (which then fails on the empty node), never the "no case" throw.
        foreach (var kind in Enum.GetValues<OpKind>().Except([OpKind.Constant, OpKind.Parameter, OpKind.ArgMax, OpKind.ArgMin]))
        {
            node.Kind = kind;
            var error = Record.Exception(() => Tape<double>.BackwardOf(node));
            Assert.False(error is InvalidOperationException, $"{kind}: {error?.Message}");
        }
    }
}
