using FsCheck.Xunit;
using GenEft.Autodiff;
using GenEft.Tensors;
using Xunit;
using static GenEft.Tests.Autodiff.GradientCheck;

namespace GenEft.Tests.Autodiff;

/// <summary>
/// Forward values against naive loops and closed forms (the finite-difference properties check gradients
/// against the forward, so the forward needs its own oracle).
/// </summary>
public sealed class OpValueTests
{
    private static int Size(int v, int max) => 1 + (int)((uint)v % (uint)max);

    [Property(MaxTest = 20)]
    public void Batched_matmul_with_transposes_equals_the_triple_loop(int mm, int kk, int nn, int bb, int mode, bool ta, bool tb, int seed)
    {
        var rng = new Random(seed);
        int m = Size(mm, 5), k = Size(kk, 9), n = Size(nn, 6), batch = Size(bb, 3), kind = (int)((uint)mode % 4);
        int[] aDims = ta ? [k, m] : [m, k];
        int[] bDims = tb ? [n, k] : [k, n];
        bool aBatched = kind is 1 or 2, bBatched = kind is 1 or 3;
        var a = Random(rng, -1, 1, aBatched ? [batch, .. aDims] : aDims);
        var b = Random(rng, -1, 1, bBatched ? [batch, .. bDims] : bDims);
        var tape = new Tape<double>();
        var c = Ops.MatMul(tape.Constant(a), tape.Constant(b), ta, tb).Value;
        int batches = kind == 0 ? 1 : batch;
        Assert.Equal(kind == 0 ? new[] { m, n } : new[] { batch, m, n }, c.Shape.Dims.ToArray());
        for (int s = 0; s < batches; s++)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int p = 0; p < k; p++)
                    {
                        int ia = (aBatched ? s * m * k : 0) + (ta ? (p * m) + i : (i * k) + p);
                        int ib = (bBatched ? s * k * n : 0) + (tb ? (j * k) + p : (p * n) + j);
                        sum += a[ia] * b[ib];
                    }

                    Assert.Equal(sum, c[(s * m * n) + (i * n) + j], 1e-12);
                }
            }
        }
    }

    [Fact]
    public void Structural_ops_move_the_right_elements()
    {
        var tape = new Tape<double>();
        var x = tape.Constant(DenseTensor<double>.FromSpan([1.0, 2, 3, 4, 5, 6], 2, 3));
        Assert.Equal(new[] { 1.0, 4, 2, 5, 3, 6 }, Ops.Transpose(x).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 3, 2 }, Ops.Transpose(x).Shape.Dims.ToArray());
        var y = tape.Constant(DenseTensor<double>.FromSpan([7.0, 8], 2, 1));
        Assert.Equal(new[] { 1.0, 2, 3, 7, 4, 5, 6, 8 }, Ops.Concat(x, y).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 4.0, 5, 6, 1, 2, 3, 4, 5, 6 }, Ops.GatherRows(x, new[] { 1, 0, 1 }).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 6, 1 }, Ops.Reshape(x, 6, 1).Shape.Dims.ToArray());
        Assert.Equal(new[] { 5.0, 7, 9 }, Ops.Sum(x, 0).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 2.0, 5 }, Ops.Mean(x, -1).Value.ReadOnlySpan.ToArray());
        Assert.Equal(21.0, Ops.Sum(x).Value[0]);
        Assert.Equal(3.5, Ops.Mean(x).Value[0]);
        var cube = tape.Constant(DenseTensor<double>.FromSpan(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 2, 3, 4));
        var middle = Ops.Sum(cube, 1).Value; // [2, 4]: element (i, k) = Σ_j 12i + 4j + k
        Assert.Equal(new[] { 2, 4 }, middle.Shape.Dims.ToArray());
        Assert.Equal((3 * 12 * 1) + 12 + (3 * 2), middle[1, 2]);
    }

    [Fact]
    public void Arithmetic_and_losses_match_closed_forms()
    {
        var tape = new Tape<double>();
        var x = tape.Constant(DenseTensor<double>.FromSpan([1.0, -2, 3, -4], 2, 2));
        var row = tape.Constant(DenseTensor<double>.FromSpan([2.0, -1], 2));
        Assert.Equal(new[] { 3.0, -3, 5, -5 }, (x + row).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { -1.0, -1, 1, -3 }, (x - row).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 2.0, 2, 6, 4 }, (row * x).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 0.5, 2, 1.5, 4 }, (x / row).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { -0.9, 2.1, -2.9, 4.1 }, Ops.Affine(x, -1.0, 0.1).Value.ReadOnlySpan.ToArray().Select(v => Math.Round(v, 12)));
        Assert.Equal(new[] { 0.0, 2.1, 0, 4.1 }, Ops.ReluAffine(x, -1.0, 0.1).Value.ReadOnlySpan.ToArray().Select(v => Math.Round(v, 12)));
        var t = DenseTensor<double>.FromSpan([0.0, 0, 1, 1], 2, 2);
        Assert.Equal((1 + 4 + 4 + 25) / 4.0, Ops.MeanSquaredError(x, t).Value[0], 12);
        Assert.Equal(10.0, Ops.L1Penalty(x).Value[0]);
        Assert.Equal(30.0, Ops.L2Penalty(x).Value[0]);
        double bce = (Math.Log(1 + Math.Exp(1)) + Math.Log(1 + Math.Exp(-2)) + Math.Log(1 + Math.Exp(-3)) + Math.Log(1 + Math.Exp(4))) / 4;
        Assert.Equal(bce, Ops.BinaryCrossEntropyWithLogits(x, t).Value[0], 12);
        Assert.Equal(new[] { 1.0, 4, 9, 16 }, Ops.Square(x).Value.ReadOnlySpan.ToArray());
        Assert.Equal(new[] { 1.0, 0, 3, 0 }, Ops.Relu(x).Value.ReadOnlySpan.ToArray());
        Assert.Equal(1 / (1 + Math.Exp(2)), Ops.Sigmoid(x).Value[1], 15);
    }
}
