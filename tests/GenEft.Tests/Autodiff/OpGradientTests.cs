using Xunit;
using FsCheck.Xunit;
using GenEft.Autodiff;
using GenEft.Tensors;
using static GenEft.Tests.Autodiff.GradientCheck;

namespace GenEft.Tests.Autodiff;

/// <summary>Every op's gradient against central finite differences, over random shapes including size-1 axes and widths that are not multiples of the vector width.</summary>
public sealed class OpGradientTests
{
    private const int Cases = 20;

    /// <summary>A size in [1, max].</summary>
    private static int Size(int v, int max) => 1 + (int)((uint)v % (uint)max);

    private static void CheckUnary(Func<Var<double>, Var<double>> op, int r, int c, int seed, double low = -2, double high = 2, bool awayFromZero = false)
    {
        var rng = new Random(seed);
        int rows = Size(r, 5), cols = Size(c, 19);
        var x = awayFromZero ? AwayFromZero(rng, low, high, rows, cols) : Random(rng, low, high, rows, cols);
        Check([x], v => op(v[0]), seed);
    }

    [Property(MaxTest = Cases)]
    public void Tanh_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Tanh, r, c, seed);

    [Property(MaxTest = Cases)]
    public void Sigmoid_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Sigmoid, r, c, seed, -4, 4);

    [Property(MaxTest = Cases)]
    public void Relu_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Relu, r, c, seed, 0.1, 2, awayFromZero: true);

    [Property(MaxTest = Cases)]
    public void Abs_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Abs, r, c, seed, 0.1, 2, awayFromZero: true);

    [Property(MaxTest = Cases)]
    public void Exp_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Exp, r, c, seed);

    [Property(MaxTest = Cases)]
    public void Log_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Log, r, c, seed, 0.3, 3);

    [Property(MaxTest = Cases)]
    public void Square_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(Ops.Square, r, c, seed);

    [Property(MaxTest = Cases)]
    public void Affine_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(x => Ops.Affine(x, -1.7, 0.3), r, c, seed);

    [Property(MaxTest = Cases)]
    public void Scale_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(x => 2.5 * x, r, c, seed);

    /// <summary>ReLU(0.1 - x) (the GenEFT hinge) with |x| ≥ 0.2 keeps the argument away from the kink.</summary>
    [Property(MaxTest = Cases)]
    public void ReluAffine_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(x => Ops.ReluAffine(x, -1.0, 0.1), r, c, seed, 0.2, 2, awayFromZero: true);

    [Property(MaxTest = Cases)]
    public void Negation_gradient_matches_finite_differences(int r, int c, int seed) => CheckUnary(x => -x, r, c, seed);

    [Property(MaxTest = Cases)]
    public void Sum_and_mean_gradients_match_finite_differences(int r, int c, int seed)
    {
        CheckUnary(Ops.Sum, r, c, seed);
        CheckUnary(Ops.Mean, r, c, seed);
    }

    [Property(MaxTest = Cases)]
    public void Axis_reduction_gradients_match_finite_differences(int d0, int d1, int d2, int axis, int seed)
    {
        var rng = new Random(seed);
        var x = Random(rng, -2, 2, Size(d0, 4), Size(d1, 5), Size(d2, 11));
        int ax = (int)((uint)axis % 6) - 3; // negative axes count from the end
        Check([x], v => Ops.Sum(v[0], ax), seed);
        Check([x], v => Ops.Mean(v[0], ax), seed);
        var row = Random(rng, -2, 2, Size(d2, 11));
        Check([row], v => Ops.Sum(v[0], 0), seed);
    }

    [Property(MaxTest = Cases)]
    public void Elementwise_binary_gradients_match_finite_differences(int r, int c, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(r, 5), cols = Size(c, 19);
        var x = Random(rng, -2, 2, rows, cols);
        var y = AwayFromZero(rng, 0.5, 2, rows, cols);
        Check([x, y], v => v[0] + v[1], seed);
        Check([x, y], v => v[0] - v[1], seed);
        Check([x, y], v => v[0] * v[1], seed);
        Check([x, y], v => v[0] / v[1], seed);
    }

    /// <summary>An input used twice by one op must receive both contributions.</summary>
    [Property(MaxTest = Cases)]
    public void Binary_ops_on_the_same_input_accumulate(int r, int c, int seed)
    {
        var x = AwayFromZero(new Random(seed), 0.5, 2, Size(r, 5), Size(c, 19));
        Check([x], v => v[0] * v[0], seed);
        Check([x], v => v[0] + v[0], seed);
        Check([x], v => Ops.Tanh(v[0]) / v[0], seed);
        Check([x], v => Ops.Square(v[0]) - Ops.Exp(v[0]), seed);
    }

    [Property(MaxTest = Cases)]
    public void Row_broadcast_gradients_match_finite_differences(int d0, int d1, int c, int rank3, int seed)
    {
        var rng = new Random(seed);
        int cols = Size(c, 19);
        int[] dims = rank3 % 2 == 0 ? [Size(d0, 5), cols] : [Size(d0, 3), Size(d1, 4), cols];
        var x = Random(rng, -2, 2, dims);
        var row = AwayFromZero(rng, 0.5, 2, cols);
        Check([x, row], v => v[0] + v[1], seed);
        Check([x, row], v => v[1] + v[0], seed);
        Check([x, row], v => v[0] - v[1], seed);
        Check([x, row], v => v[0] * v[1], seed);
        Check([x, row], v => v[1] * v[0], seed);
        Check([x, row], v => v[0] / v[1], seed);
    }

    [Property(MaxTest = Cases)]
    public void MatMul_gradients_match_finite_differences(int mm, int kk, int nn, int bb, int mode, bool transposeA, bool transposeB, int seed)
    {
        var rng = new Random(seed);
        int m = Size(mm, 5), k = Size(kk, 9), n = Size(nn, 6), batch = Size(bb, 3);
        int[] aDims = transposeA ? [k, m] : [m, k];
        int[] bDims = transposeB ? [n, k] : [k, n];
        // mode 0: both rank 2; 1: both batched; 2: batched a, shared b; 3: shared a, batched b.
        int kind = (int)((uint)mode % 4);
        if (kind is 1 or 2)
        {
            aDims = [batch, .. aDims];
        }

        if (kind is 1 or 3)
        {
            bDims = [batch, .. bDims];
        }

        var a = Random(rng, -1, 1, aDims);
        var b = Random(rng, -1, 1, bDims);
        Check([a, b], v => Ops.MatMul(v[0], v[1], transposeA, transposeB), seed);
    }

    [Property(MaxTest = Cases)]
    public void MatMul_of_a_matrix_with_itself_accumulates(int mm, int kk, int seed)
    {
        var a = Random(new Random(seed), -1, 1, Size(mm, 6), Size(kk, 6));
        Check([a], v => Ops.MatMul(v[0], v[0], transposeA: true), seed);
        Check([a], v => Ops.MatMul(v[0], v[0], transposeB: true), seed);
    }

    [Property(MaxTest = Cases)]
    public void Linear_gradients_match_finite_differences(int rr, int ii, int oo, bool withBias, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(rr, 7), inputs = Size(ii, 9), outputs = Size(oo, 9);
        var x = Random(rng, -1, 1, rows, inputs);
        var w = Random(rng, -1, 1, outputs, inputs);
        var b = Random(rng, -1, 1, outputs);
        if (withBias)
        {
            Check([x, w, b], v => Ops.Linear(v[0], v[1], v[2]), seed);
        }
        else
        {
            Check([x, w], v => Ops.Linear(v[0], v[1]), seed);
        }
    }

    [Property(MaxTest = Cases)]
    public void GatherRows_gradient_matches_finite_differences_with_repeated_indices(int tr, int w, int count, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(tr, 6);
        var table = Random(rng, -1, 1, rows, Size(w, 5));
        var indices = Enumerable.Range(0, Size(count, 12)).Select(_ => rng.Next(rows)).ToArray();
        Check([table], v => Ops.GatherRows(v[0], indices), seed);
    }

    [Property(MaxTest = Cases)]
    public void Concat_gradient_matches_finite_differences(int r, int w0, int w1, int w2, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(r, 5);
        var a = Random(rng, -1, 1, rows, Size(w0, 7));
        var b = Random(rng, -1, 1, rows, Size(w1, 7));
        var c = Random(rng, -1, 1, rows, Size(w2, 7));
        Check([a, b, c], v => Ops.Concat(v[0], v[1], v[2]), seed);
        Check([a], v => Ops.Concat(v[0], v[0]), seed);
        Check([a, b], v => Ops.Concat(v[1], Ops.Tanh(v[0]), v[1]), seed);
    }

    [Property(MaxTest = Cases)]
    public void Reshape_gradient_matches_finite_differences(int r, int c, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(r, 5), cols = Size(c, 7);
        var x = Random(rng, -1, 1, rows, cols);
        Check([x], v => Ops.Tanh(Ops.Reshape(v[0], cols, rows)), seed);
        Check([x], v => Ops.Reshape(v[0], 1, rows * cols, 1), seed);
    }

    [Property(MaxTest = Cases)]
    public void NormalizeLastAxis_gradient_matches_finite_differences(int d0, int d1, int c, int seed)
    {
        var rng = new Random(seed);
        var x = AwayFromZero(rng, 0.2, 2, Size(d0, 3), Size(d1, 4), Size(c, 11));
        Check([x], v => Ops.NormalizeLastAxis(v[0], 1e-12), seed);
    }

    [Property(MaxTest = Cases)]
    public void Loss_gradients_match_finite_differences(int r, int c, int seed)
    {
        var rng = new Random(seed);
        int rows = Size(r, 6), cols = Size(c, 11);
        var logits = Random(rng, -6, 6, rows, cols);
        var targets = Random(rng, 0, 1, rows, cols);
        Check([logits], v => Ops.BinaryCrossEntropyWithLogits(v[0], targets), seed);
        Check([logits], v => Ops.MeanSquaredError(v[0], targets), seed);
        var x = AwayFromZero(rng, 0.1, 2, rows, cols);
        Check([x], v => Ops.L1Penalty(v[0]), seed);
        Check([x], v => Ops.L2Penalty(v[0]), seed);
        Check([x], v => 0.3 * Ops.L1Penalty(v[0]) + (0.7 * Ops.L2Penalty(v[0])), seed);
    }

    /// <summary>A two-layer tanh network through the whole op stack, one property over many compositions.</summary>
    [Property(MaxTest = Cases)]
    public void Composite_network_gradient_matches_finite_differences(int r, int h, int seed)
    {
        var rng = new Random(seed);
        int n = 5, rows = Size(r, 9), hidden = Size(h, 9);
        var table = Random(rng, -1, 1, n, 2);
        var w1 = Random(rng, -1, 1, hidden, 4);
        var b1 = Random(rng, -1, 1, hidden);
        var w2 = Random(rng, -1, 1, 1, hidden);
        var left = Enumerable.Range(0, rows).Select(_ => rng.Next(n)).ToArray();
        var right = Enumerable.Range(0, rows).Select(_ => rng.Next(n)).ToArray();
        var targets = Random(rng, 0, 1, rows, 1);
        Check(
            [table, w1, b1, w2],
            v =>
            {
                var x = Ops.Concat(Ops.GatherRows(v[0], left), Ops.GatherRows(v[0], right));
                var z = Ops.Linear(Ops.Tanh(Ops.Linear(x, v[1], v[2])), v[3]);
                return Ops.BinaryCrossEntropyWithLogits(z, targets) + (1e-2 * Ops.L1Penalty(v[1]));
            },
            seed);
    }
}
