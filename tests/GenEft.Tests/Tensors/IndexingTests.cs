using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>Gather/scatter, concat/split and transpose against index loops.</summary>
public class IndexingTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(30, 2, 675)]
    [InlineData(7, 17, 40)]
    [InlineData(5, 65, 3)]
    public void GatherThenScatterAddAreAdjoint(int rows, int width, int count)
    {
        var random = new Random(rows * width + count);
        var table = Oracle.Random<double>(random, rows, width);
        int[] indices = Enumerable.Range(0, count).Select(_ => random.Next(rows)).ToArray();
        var gathered = DenseTensor<double>.Full(double.NaN, count, width);
        DenseTensor.GatherRows(table, indices, gathered);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < width; j++)
            {
                Assert.Equal(table[indices[i], j], gathered[i, j]);
            }
        }

        // Scatter-add: destination[r] += Σ_{i: indices[i] = r} source[i], repeated indices accumulate.
        var source = Oracle.Random<double>(random, count, width);
        var destination = Oracle.Random<double>(random, rows, width);
        var expected = destination.Clone();
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < width; j++)
            {
                expected[indices[i], j] += source[i, j];
            }
        }

        DenseTensor.ScatterAddRows(source, indices, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            Assert.True(Math.Abs(destination[i] - expected[i]) <= 1e-12, $"element {i}");
        }
    }

    [Fact]
    public void GatherRejectsOutOfRangeIndexAndBadShapes()
    {
        var table = DenseTensor<float>.Zeros(4, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DenseTensor.GatherRows(table, [0, 4], DenseTensor<float>.Zeros(2, 3)));
        Assert.Equal("indices", ex.ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => DenseTensor.ScatterAddRows(DenseTensor<float>.Zeros(1, 3), [-1], table)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.GatherRows(table, [0], DenseTensor<float>.Zeros(1, 4))).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => DenseTensor.GatherRows(DenseTensor<float>.Zeros(12), [0], DenseTensor<float>.Zeros(1, 4))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.GatherRows(table, [0], table)).ParamName);
    }

    [Theory]
    [InlineData(new[] { 1 }, new[] { 1, 2, 3 })]
    [InlineData(new[] { 675 }, new[] { 2, 2 })]
    [InlineData(new[] { 3, 5 }, new[] { 17, 1, 33 })]
    public void ConcatPlacesPartsSideBySideAndSplitInvertsIt(int[] leading, int[] widths)
    {
        var random = new Random(widths.Sum());
        var parts = widths.Select(w => Oracle.Random<float>(random, [.. leading, w])).ToArray();
        int total = widths.Sum(), rows = leading.Aggregate(1, (p, d) => p * d);
        var whole = DenseTensor<float>.Full(float.NaN, [.. leading, total]);
        DenseTensor.ConcatLastAxis<float>(parts, whole);
        for (int r = 0; r < rows; r++)
        {
            int column = 0;
            foreach (var part in parts)
            {
                for (int j = 0; j < part.Columns; j++)
                {
                    Assert.Equal(part[(r * part.Columns) + j], whole[(r * total) + column + j]);
                }

                column += part.Columns;
            }
        }

        var back = widths.Select(w => DenseTensor<float>.Zeros([.. leading, w])).ToArray();
        DenseTensor.SplitLastAxis<float>(whole, back);
        for (int p = 0; p < parts.Length; p++)
        {
            Assert.Equal(parts[p].ToArray(), back[p].ToArray());
        }
    }

    [Fact]
    public void ConcatRejectsMismatchedParts()
    {
        var a = DenseTensor<float>.Zeros(2, 3);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => DenseTensor.ConcatLastAxis<float>([a, DenseTensor<float>.Zeros(3, 3)], DenseTensor<float>.Zeros(2, 6))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.ConcatLastAxis<float>([a, a], DenseTensor<float>.Zeros(2, 5))).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => DenseTensor.ConcatLastAxis<float>([], DenseTensor<float>.Zeros(2, 5))).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => DenseTensor.SplitLastAxis<float>(DenseTensor<float>.Zeros(2, 7), [a, a])).ParamName);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 675, 50)]
    [InlineData(1, 33, 65)]
    [InlineData(3, 17, 1)]
    [InlineData(4, 31, 29)]
    public void TransposeSwapsLastTwoAxes(int batch, int m, int n)
    {
        var x = batch == 1 ? Oracle.Random<float>(new Random(m), m, n) : Oracle.Random<float>(new Random(m), batch, m, n);
        var t = batch == 1 ? DenseTensor<float>.Zeros(n, m) : DenseTensor<float>.Zeros(batch, n, m);
        DenseTensor.Transpose(x, t);
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Assert.Equal(x[(b * m * n) + (i * n) + j], t[(b * m * n) + (j * m) + i]);
                }
            }
        }
    }

    [Fact]
    public void TransposeRejectsWrongShapeAndAlias()
    {
        var x = DenseTensor<float>.Zeros(3, 4);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.Transpose(x, DenseTensor<float>.Zeros(3, 4))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.Transpose(x, x.Reshape(4, 3))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => DenseTensor.Transpose(DenseTensor<float>.Zeros(12), x)).ParamName);
    }
}
