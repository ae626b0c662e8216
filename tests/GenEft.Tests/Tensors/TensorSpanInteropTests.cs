using System.Numerics.Tensors;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>
/// DenseTensor interop with System.Numerics.Tensors, in a file that imports both namespaces (no CS0104): views share
/// memory both ways, copies are independent, strided sources are read element by element, and System.Numerics.Tensors
/// operations accept a DenseTensor through the implicit conversions.
/// </summary>
public class TensorSpanInteropTests
{
    private static DenseTensor<float> Iota(params int[] dims)
    {
        var t = DenseTensor<float>.Zeros(dims);
        for (int i = 0; i < t.Length; i++) t[i] = i + 1;
        return t;
    }

    [Fact]
    public void TensorSpanViewHasTheShapeAndRowMajorStridesAndSharesMemoryBothWays()
    {
        var t = Iota(2, 3, 4);
        var view = t.AsTensorSpan();
        Assert.Equal(new nint[] { 2, 3, 4 }, view.Lengths.ToArray());
        Assert.Equal(new nint[] { 12, 4, 1 }, view.Strides.ToArray());
        Assert.True(view.IsDense);
        Assert.Equal(24, view.FlattenedLength);

        view[1, 2, 3] = -7f;
        Assert.Equal(-7f, t[1 * 12 + 2 * 4 + 3]);
        t[0] = 42f;
        Assert.Equal(42f, view[0, 0, 0]);

        var readOnly = t.AsReadOnlyTensorSpan();
        Assert.Equal(-7f, readOnly[1, 2, 3]);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    Assert.Equal(t[(i * 12) + (j * 4) + k], readOnly[i, j, k]);
    }

    [Fact]
    public void ViewOfAReshapeSeesTheSameStorage()
    {
        var t = Iota(6);
        TensorSpan<float> matrix = t.Reshape(2, 3);
        matrix[1, 0] = 100f;
        Assert.Equal(100f, t[3]);
    }

    [Fact]
    public void FromTensorSpanCopiesADenseSpan()
    {
        float[] values = [1, 2, 3, 4, 5, 6];
        var span = new ReadOnlyTensorSpan<float>(values, [2, 3]);
        var t = DenseTensor<float>.FromTensorSpan(span);
        Assert.Equal(new[] { 2, 3 }, t.Shape.Dims.ToArray());
        Assert.Equal(values, t.ReadOnlySpan.ToArray());
        values[0] = -1;
        Assert.Equal(1f, t[0]);
    }

    [Fact]
    public void FromTensorSpanReadsATransposedViewInLogicalRowMajorOrder()
    {
        double[] storage = [0, 1, 2, 3, 4, 5];
        // Element (i, j) of the 3 x 2 view is storage[i + 3 j]: the transpose of the 2 x 3 row-major matrix.
        var transposed = new TensorSpan<double>(storage, 0, [3, 2], [1, 3]);
        var t = DenseTensor<double>.FromTensorSpan(transposed);
        Assert.Equal(new[] { 3, 2 }, t.Shape.Dims.ToArray());
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(storage[i + (3 * j)], t[i, j]);
    }

    [Fact]
    public void FromTensorSpanExpandsABroadcastView()
    {
        float[] row = [7, 8, 9];
        var broadcast = new ReadOnlyTensorSpan<float>(row, 0, [4, 3], [0, 1]);
        var t = DenseTensor<float>.FromTensorSpan(broadcast);
        for (int i = 0; i < 4; i++)
            Assert.Equal(row, t.Row(i).ToArray());
    }

    [Fact]
    public void FromTensorSpanRejectsRankZeroAndEmptyAxes()
    {
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => DenseTensor<float>.FromTensorSpan(default)).ParamName);
        var e = Assert.Throws<ArgumentException>(
            () => DenseTensor<float>.FromTensorSpan(new ReadOnlyTensorSpan<float>(Array.Empty<float>(), [3, 0])));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("Axis 1", e.Message);
    }

    [Fact]
    public void FromTensorAndToTensorRoundTripAndAreCopies()
    {
        var source = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [2, 2, 2]);
        var t = DenseTensor<float>.FromTensor(source);
        Assert.Equal(new[] { 2, 2, 2 }, t.Shape.Dims.ToArray());
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, t.ReadOnlySpan.ToArray());

        var back = t.ToTensor();
        Assert.Equal(new nint[] { 2, 2, 2 }, back.Lengths.ToArray());
        Assert.Equal(5f, back[1, 0, 0]);
        back[1, 0, 0] = -5f;
        Assert.Equal(5f, t[1, 0, 0]);
        t[0] = -1f;
        Assert.Equal(1f, back[0, 0, 0]);
        Assert.Equal(1f, source[0, 0, 0]);

        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => DenseTensor<float>.FromTensor(null!)).ParamName);
    }

    [Fact]
    public void SystemNumericsTensorsOperationsTakeDenseTensorsThroughTheImplicitConversions()
    {
        var a = Iota(3, 5);
        var b = DenseTensor<float>.Full(0.5f, 3, 5);
        var ours = DenseTensor<float>.Zeros(3, 5);
        var theirs = DenseTensor<float>.Zeros(3, 5);
        DenseTensor.Multiply(a, b, ours);
        Tensor.Multiply<float>(a, b, theirs);
        Assert.Equal(ours.ReadOnlySpan.ToArray(), theirs.ReadOnlySpan.ToArray());
        for (int i = 0; i < a.Length; i++) Assert.Equal((i + 1) * 0.5f, theirs[i]);

        Assert.Equal(15 * 16 / 2f, Tensor.Sum<float>(a));
    }

    [Fact]
    public void NullConvertsToTheEmptySpan()
    {
        DenseTensor<float>? none = null;
        TensorSpan<float> span = none;
        ReadOnlyTensorSpan<float> readOnly = none;
        Assert.True(span.IsEmpty);
        Assert.True(readOnly.IsEmpty);
    }
}
