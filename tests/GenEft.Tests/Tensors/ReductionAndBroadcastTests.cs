using System.Numerics;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>Whole and per-axis reductions and row broadcasts against index loops in double.</summary>
public class ReductionAndBroadcastTests
{
    public static TheoryData<int[]> Shapes => new(
        [1], [7], [70], [1, 1], [1, 33], [33, 1], [3, 17], [675, 50], [2, 1, 5], [4, 3, 19], [1, 16, 1], [3, 65, 2]);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void WholeReductionsMatchLoops(int[] dims)
    {
        var x = Oracle.Random<float>(new Random(dims.Sum()), dims);
        double[] values = x.ToArray().Select(v => (double)v).ToArray();
        double absSum = values.Sum(Math.Abs), tol = (values.Length + 1) * Oracle.Epsilon<float>() * absSum;
        Assert.True(Math.Abs(DenseTensor.Sum(x) - values.Sum()) <= tol);
        Assert.True(Math.Abs(DenseTensor.Mean(x) - (values.Sum() / values.Length)) <= (tol / values.Length) + 1e-7);
        Assert.Equal(values.Max(), DenseTensor.Max(x));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AxisReductionsMatchLoops(int[] dims)
    {
        var random = new Random(dims.Length * 100 + dims.Sum());
        var x = Oracle.Random<double>(random, dims);
        for (int axis = -dims.Length; axis < dims.Length; axis++)
        {
            int a = axis < 0 ? axis + dims.Length : axis;
            var reduced = DenseTensor.ReducedShape(x.Shape, axis);
            var sum = DenseTensor<double>.Zeros(reduced);
            var mean = DenseTensor<double>.Zeros(reduced);
            var max = DenseTensor<double>.Zeros(reduced);
            DenseTensor.Sum(x, axis, sum);
            DenseTensor.Mean(x, axis, mean);
            DenseTensor.Max(x, axis, max);

            // Index arithmetic from the definition: outer index o, reduced index s, inner index q.
            int size = dims[a], inner = dims.Skip(a + 1).Aggregate(1, (p, d) => p * d), outer = x.Length / (size * inner);
            for (int o = 0; o < outer; o++)
            {
                for (int q = 0; q < inner; q++)
                {
                    var run = Enumerable.Range(0, size).Select(s => x[(((o * size) + s) * inner) + q]).ToArray();
                    int r = (o * inner) + q;
                    Assert.True(Math.Abs(sum[r] - run.Sum()) <= 1e-14 * size, $"sum axis {axis}");
                    Assert.True(Math.Abs(mean[r] - run.Average()) <= 1e-14 * size, $"mean axis {axis}");
                    Assert.Equal(run.Max(), max[r]);
                }
            }
        }
    }

    [Fact]
    public void ReductionRejectsBadAxisAndShape()
    {
        var x = DenseTensor<float>.Zeros(3, 4);
        Assert.Equal("axis", Assert.Throws<ArgumentOutOfRangeException>(() => DenseTensor.Sum(x, 2, DenseTensor<float>.Zeros(3))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.Sum(x, 0, DenseTensor<float>.Zeros(3))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.Max(x, 1, x.Reshape(12).Reshape(3, 4))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RowBroadcastsMatchLoopsAndWorkInPlace(int[] dims)
    {
        var random = new Random(dims.Sum() + 7);
        var x = Oracle.Random<float>(random, dims);
        var row = Oracle.Random<float>(random, dims[^1]);
        for (int i = 0; i < row.Length; i++)
        {
            row[i] += row[i] >= 0 ? 0.5f : -0.5f; // keep divisors away from 0
        }

        var ops = new (Action<DenseTensor<float>, DenseTensor<float>, DenseTensor<float>> Op, Func<double, double, double> Formula)[]
        {
            (DenseTensor.AddRow, (a, b) => a + b),
            (DenseTensor.SubtractRow, (a, b) => a - b),
            (DenseTensor.MultiplyRow, (a, b) => a * b),
            (DenseTensor.DivideRow, (a, b) => a / b),
        };
        foreach (var (op, formula) in ops)
        {
            var d = DenseTensor<float>.Full(float.NaN, dims);
            op(x, row, d);
            var inPlace = x.Clone();
            op(inPlace, row, inPlace);
            for (int i = 0; i < x.Length; i++)
            {
                double expected = formula(x[i], row[i % row.Length]);
                Assert.True(Math.Abs(d[i] - expected) <= Oracle.Epsilon<float>() * Math.Abs(expected), $"element {i}");
                Assert.Equal(d[i], inPlace[i]);
            }
        }
    }

    [Fact]
    public void RowBroadcastRejectsWrongRowLength()
    {
        var x = DenseTensor<float>.Zeros(3, 4);
        var ex = Assert.Throws<ArgumentException>(() => DenseTensor.AddRow(x, DenseTensor<float>.Zeros(3), x));
        Assert.Equal("row", ex.ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => DenseTensor.AddRow(x, DenseTensor<float>.Zeros(1, 4), x)).ParamName);
    }
}
