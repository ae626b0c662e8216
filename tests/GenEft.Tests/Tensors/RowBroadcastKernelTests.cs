using System.Runtime.Intrinsics;
using GenEft.Autodiff;
using GenEft.Tensors;
using GenEft.Tensors.Simd;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>
/// The bias kernels of a linear layer: the row broadcast, its column sums and the fused bias + tanh forward, each
/// against a plain scalar loop, bit for bit, at every row width from 1 to past two vectors (and GenEFT's 50), at every
/// SIMD width the machine has. Run again under narrower hardware by <see cref="SimdPathTests"/>.
/// </summary>
public sealed unsafe class RowBroadcastKernelTests
{
    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int width in new[] { 1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 50, 64, 70 })
        {
            foreach (int rows in new[] { 0, 1, 5, 37 })
            {
                data.Add(rows, width);
            }
        }

        return data;
    }

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);

        // Mixed magnitudes, so a wrong summation order or a dropped element shows in the bits.
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))).ToArray();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Add_to_rows_equals_the_scalar_loop_bit_for_bit(int rows, int width)
    {
        var y = Values(rows * width, 1);
        var bias = Values(width, 2);
        var expected = (float[])y.Clone();
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < width; j++)
            {
                expected[(r * width) + j] += bias[j];
            }
        }

        var actual = (float[])y.Clone();
        RowBroadcastKernels.AddToRows<float>(actual, bias);
        Assert.Equal(Bits(expected), Bits(actual));

        foreach (var path in Paths)
        {
            var copy = (float[])y.Clone();
            fixed (float* py = copy, pb = bias)
            {
                path.AddToRows(py, rows, width, pb);
            }

            Assert.Equal(Bits(expected), Bits(copy));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Column_sums_add_rows_in_order_bit_for_bit(int rows, int width)
    {
        var y = Values(rows * width, 3);
        var start = Values(width, 4);
        foreach (bool accumulate in new[] { false, true })
        {
            var expected = accumulate ? (float[])start.Clone() : new float[width];
            for (int r = 0; r < rows; r++)
            {
                for (int j = 0; j < width; j++)
                {
                    expected[j] += y[(r * width) + j];
                }
            }

            var actual = (float[])start.Clone();
            RowBroadcastKernels.ColumnSums<float>(y, actual, accumulate);
            Assert.Equal(Bits(expected), Bits(actual));

            foreach (var path in Paths)
            {
                var sums = accumulate ? (float[])start.Clone() : new float[width];
                fixed (float* py = y, ps = sums)
                {
                    path.ColumnSums(py, rows, width, ps);
                }

                Assert.Equal(Bits(expected), Bits(sums));
            }
        }
    }

    [Fact]
    public void Column_sums_in_double_match_the_scalar_loop()
    {
        var random = new Random(5);
        var y = Enumerable.Range(0, 9 * 13).Select(_ => random.NextDouble() - 0.5).ToArray();
        var expected = new double[13];
        for (int i = 0; i < y.Length; i++)
        {
            expected[i % 13] += y[i];
        }

        var actual = new double[13];
        RowBroadcastKernels.ColumnSums<double>(y, actual, accumulate: false);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Bias_tanh_equals_add_then_tanh_bit_for_bit(int rows, int width)
    {
        var y = Values(rows * width, 6);
        var bias = Values(width, 7);
        var expected = (float[])y.Clone();
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] += bias[i % width];
        }

        FastTanh.Tanh(expected, expected);
        var actual = (float[])y.Clone();
        FastTanh.BiasTanh(actual, bias);
        Assert.Equal(Bits(expected), Bits(actual));

        // And the value is tanh: within the approximation's 4e-7 relative error of the double tanh.
        for (int i = 0; i < actual.Length; i++)
        {
            double exact = Math.Tanh((double)(y[i] + bias[i % width]));
            Assert.True(Math.Abs(actual[i] - exact) <= 4e-7 * Math.Max(Math.Abs(exact), 1e-30) + 1e-45, $"element {i}: {actual[i]} against {exact}");
        }
    }

    [Fact]
    public void Bias_tanh_with_a_bias_period_too_long_for_the_stack_takes_the_two_pass_path()
    {
        // width 4099 is odd: lcm(4099, 16) = 65584 floats, past the stack pattern's bound.
        const int width = 4099;
        var y = Values(3 * width, 8);
        var bias = Values(width, 9);
        var expected = (float[])y.Clone();
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] += bias[i % width];
        }

        FastTanh.Tanh(expected, expected);
        FastTanh.BiasTanh(y, bias);
        Assert.Equal(Bits(expected), Bits(y));
    }

    [Fact]
    public void Tanh_of_an_element_does_not_depend_on_its_place_in_the_span()
    {
        // The tail (under a mask on AVX-512, scalar otherwise) must give the bits the vector body gives.
        var x = Values(16 * 5, 10);
        var whole = new float[x.Length];
        FastTanh.Tanh(x, whole);
        for (int length = 1; length <= 40; length++)
        {
            for (int offset = 0; offset + length <= x.Length; offset += 13)
            {
                var part = new float[length];
                FastTanh.Tanh(x.AsSpan(offset, length), part);
                Assert.Equal(Bits(whole.AsSpan(offset, length).ToArray()), Bits(part));
            }
        }
    }

    private static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();

    private sealed record Path(string Name, AddRows AddToRows, Sums ColumnSums);

    private delegate void AddRows(float* rows, int count, int width, float* bias);

    private delegate void Sums(float* rows, int count, int width, float* dst);

    private static IEnumerable<Path> Paths
    {
        get
        {
            var paths = new List<Path>
            {
                new("scalar", RowBroadcastKernels.AddToRows<float, float, SimdScalar<float>>, RowBroadcastKernels.ColumnSums<float, float, SimdScalar<float>>),
            };
            if (Vector128.IsHardwareAccelerated)
            {
                paths.Add(new("128", RowBroadcastKernels.AddToRows<float, Vector128<float>, Simd128<float>>, RowBroadcastKernels.ColumnSums<float, Vector128<float>, Simd128<float>>));
            }

            if (Vector256.IsHardwareAccelerated)
            {
                paths.Add(new("256", RowBroadcastKernels.AddToRows<float, Vector256<float>, Simd256<float>>, RowBroadcastKernels.ColumnSums<float, Vector256<float>, Simd256<float>>));
            }

            if (Vector512.IsHardwareAccelerated)
            {
                paths.Add(new("512", RowBroadcastKernels.AddToRows<float, Vector512<float>, Simd512<float>>, RowBroadcastKernels.ColumnSums<float, Vector512<float>, Simd512<float>>));
            }

            return paths;
        }
    }
}
