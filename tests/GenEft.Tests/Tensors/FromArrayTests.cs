using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

public class FromArrayTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 0)]
    public void AnEmptyMatrixNamesTheValuesParameter(int rows, int cols)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("values", () => DenseTensor<float>.FromArray(new float[rows, cols]));
        Assert.Contains($"{rows} x {cols}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopiesRowMajor()
    {
        var t = DenseTensor<float>.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([1f, 2, 3, 4, 5, 6], t.Span.ToArray());
        Assert.Equal(2, t.Shape[0]);
        Assert.Equal(3, t.Shape[1]);
    }
}
