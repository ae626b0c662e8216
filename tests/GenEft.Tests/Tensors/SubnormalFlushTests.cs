using System.Numerics;
using System.Reflection;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>
/// Software flush-to-zero: the span kernel at every width, and the flushing backward kernels (loss gradient, tanh,
/// fused linear + tanh) and Adam moments, each against an explicit bit-level oracle: a float whose exponent bits are
/// all 0 and whose mantissa is not 0 becomes the zero of its sign; every other value keeps its bits. Run again under
/// narrower hardware by <see cref="SimdPathTests"/>.
/// </summary>
public sealed class SubnormalFlushTests
{
    private static float Oracle(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        bool subnormal = (bits & 0x7F800000u) == 0 && (bits & 0x007FFFFFu) != 0;
        return subnormal ? BitConverter.UInt32BitsToSingle(bits & 0x80000000u) : x;
    }

    private static double Oracle(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        bool subnormal = (bits & 0x7FF0000000000000ul) == 0 && (bits & 0x000FFFFFFFFFFFFFul) != 0;
        return subnormal ? BitConverter.UInt64BitsToDouble(bits & 0x8000000000000000ul) : x;
    }

    private static readonly float[] FloatSpecials =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, 1.1754942e-38f, -1.1754942e-38f, // largest subnormal
        1.17549435e-38f, -1.17549435e-38f, 1.2e-38f, 1f, -3.5f, float.MaxValue, float.PositiveInfinity,
        float.NegativeInfinity, float.NaN, 3e-39f, -7e-45f, 1e-30f,
    ];

    private static readonly double[] DoubleSpecials =
    [
        0d, -0d, double.Epsilon, -double.Epsilon, 1e-310, -1e-310, 2.2250738585072009e-308, 2.2250738585072014e-308,
        -2.2250738585072014e-308, 1e-300, 1d, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -5e-324, 1e-40,
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(37)]
    [InlineData(64)]
    [InlineData(101)]
    public void Float_span_flush_matches_the_bit_oracle(int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            // Specials at every lane position, spread over vector bodies and tails.
            values[i] = FloatSpecials[(i * 7) % FloatSpecials.Length];
        }

        var expected = values.Select(Oracle).ToArray();
        SubnormalFlush.InPlace<float>(values);
        Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), values.Select(BitConverter.SingleToUInt32Bits));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(33)]
    public void Double_span_flush_matches_the_bit_oracle(int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = DoubleSpecials[(i * 5) % DoubleSpecials.Length];
        }

        var expected = values.Select(Oracle).ToArray();
        SubnormalFlush.InPlace<double>(values);
        Assert.Equal(expected.Select(BitConverter.DoubleToUInt64Bits), values.Select(BitConverter.DoubleToUInt64Bits));
    }

    [Fact]
    public void Vector_and_scalar_flush_agree_with_the_oracle()
    {
        var lanes = new float[Vector<float>.Count];
        for (int start = 0; start < FloatSpecials.Length; start++)
        {
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = FloatSpecials[(start + i) % FloatSpecials.Length];
            }

            var flushed = SubnormalFlush.Flush(new Vector<float>(lanes));
            for (int i = 0; i < lanes.Length; i++)
            {
                Assert.Equal(BitConverter.SingleToUInt32Bits(Oracle(lanes[i])), BitConverter.SingleToUInt32Bits(flushed[i]));
                Assert.Equal(BitConverter.SingleToUInt32Bits(Oracle(lanes[i])), BitConverter.SingleToUInt32Bits(SubnormalFlush.Flush(lanes[i])));
            }
        }
    }

    [Fact]
    public void Bce_gradient_is_flushed_exactly_where_it_is_subnormal()
    {
        // z = -100, t = 0: σ(z) = e^-100 / (1 + e^-100) ≈ 3.7e-44 is subnormal, and so is (σ - t) / n.
        float[] z = [-100f, 100f, -0.5f, 2f, -95f, -90f, 0.25f, -88f, -101f, 3f, -99f];
        float[] t = [0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f, 0f, 1f, 0f];
        var plain = BceGradient(z, t, flush: false);
        var flushed = BceGradient(z, t, flush: true);
        Assert.Contains(plain, float.IsSubnormal);
        Assert.Equal(plain.Select(g => BitConverter.SingleToUInt32Bits(Oracle(g))), flushed.Select(BitConverter.SingleToUInt32Bits));

        // The unflushed gradient is (σ(z) - t) / n itself (double oracle), so the flush is all that differs.
        for (int i = 0; i < z.Length; i++)
        {
            double expected = ((1 / (1 + Math.Exp(-(double)z[i]))) - t[i]) / z.Length;
            Assert.Equal(expected, plain[i], Math.Max(1e-45, Math.Abs(expected) * 1e-6));
        }
    }

    [Fact]
    public void Tanh_backward_is_flushed_exactly_where_it_is_subnormal()
    {
        // loss = s Σ tanh(x) with s = 2e-38 (normal): dx = s (1 - tanh²x) is subnormal wherever 1 - tanh² < 0.59.
        float[] x = Enumerable.Range(0, 29).Select(i => (i - 14) * 0.23f).ToArray();
        var plain = TanhGradient(x, flush: false);
        var flushed = TanhGradient(x, flush: true);
        Assert.Contains(plain, float.IsSubnormal);
        Assert.Contains(plain, g => float.IsNormal(g));
        Assert.Equal(plain.Select(g => BitConverter.SingleToUInt32Bits(Oracle(g))), flushed.Select(BitConverter.SingleToUInt32Bits));
    }

    [Fact]
    public void Fused_linear_tanh_bias_gradient_sums_the_flushed_products()
    {
        // 5 rows x 19 columns; the bias gradient is Σ_rows s (1 - y²), each term flushed first when asked.
        const int rows = 5, cols = 19;
        const float s = 2e-38f;
        var rng = new Random(5);
        var x = DenseTensor<float>.Zeros(rows, 3);
        var w = DenseTensor<float>.Zeros(cols, 3);
        var b = DenseTensor<float>.Zeros(cols);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((rng.NextDouble() * 4) - 2);
        }

        for (int i = 0; i < w.Length; i++)
        {
            w[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        foreach (bool flush in new[] { false, true })
        {
            var tape = new Tape<float> { FlushSubnormals = flush };
            var (wg, bg) = (DenseTensor<float>.Zeros(cols, 3), DenseTensor<float>.Zeros(cols));
            var y = Ops.LinearTanh(tape.Constant(x), tape.Parameter(w, wg), tape.Parameter(b, bg));
            tape.Backward(s * Ops.Sum(y));
            var yv = y.Value.ReadOnlySpan;
            for (int c = 0; c < cols; c++)
            {
                float expected = 0f;
                for (int r = 0; r < rows; r++)
                {
                    float yy = yv[(r * cols) + c];
                    float term = s * (1f - (yy * yy));
                    expected += flush ? Oracle(term) : term;
                }

                Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(bg[c]));
            }
        }
    }

    [Fact]
    public void Adam_moments_are_flushed_and_the_update_matches_an_explicit_loop()
    {
        // Gradients from 1e-25 to 1: v = β₂v + (1 - β₂)g² is subnormal for the small ones (g² underflows first).
        const int n = 37;
        var grads = Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 1f : -1f) * MathF.Pow(10f, -25f + (i * 25f / (n - 1)))).ToArray();
        foreach (bool flush in new[] { false, true })
        {
            var p = new Parameter<float>("w", DenseTensor<float>.FromSpan(Enumerable.Range(0, n).Select(i => 0.1f * i).ToArray(), n));
            var adam = new AdamW<float>([new([p], 1e-3, weightDecay: 1e-2)]) { FlushSubnormals = flush };
            float[] m = new float[n], v = new float[n], value = p.Value.ReadOnlySpan.ToArray();
            bool sawSubnormal = false;
            for (int step = 1; step <= 3; step++)
            {
                grads.CopyTo(p.Grad.Span);
                adam.Step();
                float stepSize = (float)(1e-3 / (1 - Math.Pow(0.9, step)));
                float sqrtBc2 = (float)Math.Sqrt(1 - Math.Pow(0.999, step));
                for (int i = 0; i < n; i++)
                {
                    value[i] *= (float)(1 - (1e-3 * 1e-2));
                    m[i] = (m[i] * (float)0.9) + (grads[i] * (float)(1 - 0.9));
                    v[i] = (v[i] * (float)0.999) + ((float)(1 - 0.999) * grads[i] * grads[i]);
                    sawSubnormal |= float.IsSubnormal(v[i]) || float.IsSubnormal(m[i]);
                    if (flush)
                    {
                        m[i] = Oracle(m[i]);
                        v[i] = Oracle(v[i]);
                    }

                    value[i] += -stepSize * (m[i] / ((MathF.Sqrt(v[i]) / sqrtBc2) + 1e-8f));
                }

                Assert.Equal(m.Select(BitConverter.SingleToUInt32Bits), Moment(adam, "_m").Select(BitConverter.SingleToUInt32Bits));
                Assert.Equal(v.Select(BitConverter.SingleToUInt32Bits), Moment(adam, "_v").Select(BitConverter.SingleToUInt32Bits));
                Assert.Equal(value.Select(BitConverter.SingleToUInt32Bits), p.Value.ReadOnlySpan.ToArray().Select(BitConverter.SingleToUInt32Bits));
            }

            Assert.True(sawSubnormal, "the gradients must drive some moment subnormal");
            Assert.Equal(flush, Moment(adam, "_v").All(x => !float.IsSubnormal(x)));
        }
    }

    private static float[] Moment(Adam<float> adam, string field)
        => ((DenseTensor<float>[])typeof(Adam<float>).GetField(field, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(adam)!)[0].ReadOnlySpan.ToArray();

    private static float[] BceGradient(float[] z, float[] t, bool flush)
    {
        var tape = new Tape<float> { FlushSubnormals = flush };
        var grad = DenseTensor<float>.Zeros(z.Length);
        var loss = Ops.BinaryCrossEntropyWithLogits(tape.Parameter(DenseTensor<float>.FromSpan(z, z.Length), grad), DenseTensor<float>.FromSpan(t, t.Length));
        tape.Backward(loss);
        return grad.ReadOnlySpan.ToArray();
    }

    private static float[] TanhGradient(float[] x, bool flush)
    {
        var tape = new Tape<float> { FlushSubnormals = flush };
        var grad = DenseTensor<float>.Zeros(x.Length);
        var y = Ops.Tanh(tape.Parameter(DenseTensor<float>.FromSpan(x, x.Length), grad));
        tape.Backward(2e-38f * Ops.Sum(y));
        return grad.ReadOnlySpan.ToArray();
    }
}
