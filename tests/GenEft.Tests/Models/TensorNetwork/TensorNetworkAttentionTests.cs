using System.Text.Json;
using GenEft.Models.TensorNetwork;
using GenEft.Tensors;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public class TensorNetworkAttentionTests
{
    private static byte[] Rule30(byte[] x, int count)
    {
        int m = x.Length / count;
        var y = new byte[x.Length];
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                int l = i > 0 ? x[(p * m) + i - 1] : 0, c = x[(p * m) + i], r = i < m - 1 ? x[(p * m) + i + 1] : 0;
                y[(p * m) + i] = (byte)((30 >> ((4 * l) + (2 * c) + r)) & 1);
            }
        }

        return y;
    }

    private static byte[] RandomBits(Random random, int n)
    {
        var x = new byte[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (byte)random.Next(2);
        }

        return x;
    }

    // An explicit loop-by-loop contraction of one sequence, independent of the batched code.
    private static double[] NaiveYhat(double[] a, double[] b, int d, byte[] seq, double[]? vl = null, double[]? vr = null)
    {
        int m = seq.Length;
        var result = new double[m];
        for (int i = 0; i < m; i++)
        {
            var hl = vl is null ? new double[d] : (double[])vl.Clone();
            if (vl is null) hl[0] = 1;
            for (int k = 0; k < i; k++)
            {
                var g = new double[d];
                for (int r = 0; r < d; r++) for (int l = 0; l < d; l++) g[r] += hl[l] * a[(((l * d) + r) * 2) + seq[k]];
                double n = Math.Sqrt(g.Sum(v => v * v));
                hl = g.Select(v => v / n).ToArray();
            }

            var hr = vr is null ? new double[d] : (double[])vr.Clone();
            if (vr is null) hr[0] = 1;
            for (int k = m - 1; k > i; k--)
            {
                var g = new double[d];
                for (int l = 0; l < d; l++) for (int r = 0; r < d; r++) g[l] += a[(((l * d) + r) * 2) + seq[k]] * hr[r];
                double n = Math.Sqrt(g.Sum(v => v * v));
                hr = g.Select(v => v / n).ToArray();
            }

            for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) result[i] += hl[p] * b[(((p * d) + q) * 2) + seq[i]] * hr[q];
        }

        return result;
    }

    public static TheoryData<int, int, int> Widths => new() { { 0, 7, 5 }, { 1, 7, 5 }, { 2, 7, 5 }, { 3, 7, 5 }, { 0, 13, 4 }, { 2, 13, 4 }, { 3, 1, 3 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public void OutputEqualsNaiveContractionOnEveryKernelPath(int width, int d, int m)
    {
        var model = new TensorNetworkAttention<double>(d, seed: 3) { KernelWidth = (TensorNetworkKernelWidth)width };
        var x = RandomBits(new Random(5), 6 * m);
        var yhat = new double[x.Length];
        model.PreActivations(x, 6, yhat);
        var a = model.Attention.Value.ReadOnlySpan.ToArray();
        var b = model.Classifier.Value.ReadOnlySpan.ToArray();
        for (int p = 0; p < 6; p++)
        {
            var naive = NaiveYhat(a, b, d, x.AsSpan(p * m, m).ToArray());
            for (int i = 0; i < m; i++) Assert.Equal(naive[i], yhat[(p * m) + i], 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    public void GradientsMatchCentralFiniteDifferences(int head, int width)
    {
        const int d = 5, count = 3, m = 5;
        var options = new TensorNetworkAttentionOptions { Head = (TensorNetworkHead)head };
        var model = new TensorNetworkAttention<double>(d, options, seed: 11) { KernelWidth = (TensorNetworkKernelWidth)width };
        model.Scale.Value.Span[0] = 1.3;
        var x = RandomBits(new Random(2), count * m);
        var y = Rule30(x, count);
        TensorNetworkGradientCheck.AssertMatchesFiniteDifferences(model, x, y, count);
    }

    [Fact]
    public void LossOutputsAndGradientsEqualThePyTorchOracle()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests/GenEft.Tests/Data/TensorNetwork/tensor-network-reference.json")));
        var cases = json.RootElement.GetProperty("cases");
        Assert.Equal(12, cases.GetArrayLength());
        foreach (var c in cases.EnumerateArray())
        {
            int d = c.GetProperty("d").GetInt32(), count = c.GetProperty("count").GetInt32();
            static double[] D(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            static byte[] B(JsonElement e) => e.EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray();
            var head = c.GetProperty("head").GetString() == "linear" ? TensorNetworkHead.Linear : TensorNetworkHead.NormalizedSigmoid;
            var model = TensorNetworkAttention<double>.FromTensors(
                DenseTensor<double>.FromSpan(D(c.GetProperty("attention")), d, d, 2),
                DenseTensor<double>.FromSpan(D(c.GetProperty("classifier")), d, d, 2),
                c.GetProperty("scale").GetDouble(),
                new TensorNetworkAttentionOptions { Head = head });
            var x = B(c.GetProperty("inputs"));
            var y = B(c.GetProperty("labels"));
            Assert.Equal(Rule30(x, count), y);
            var yhat = new double[x.Length];
            model.PreActivations(x, count, yhat);
            AssertClose(D(c.GetProperty("yhat")), yhat, 1e-10);
            double loss = model.ComputeGradients(x, y, count).Loss;
            Assert.Equal(c.GetProperty("loss").GetDouble(), loss, 1e-12);
            AssertClose(D(c.GetProperty("grad_attention")), model.Attention.Grad.ReadOnlySpan.ToArray(), 1e-10);
            AssertClose(D(c.GetProperty("grad_classifier")), model.Classifier.Grad.ReadOnlySpan.ToArray(), 1e-10);
            Assert.Equal(c.GetProperty("grad_scale").GetDouble(), model.Scale.Grad.ReadOnlySpan[0], 1e-12);
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * Math.Max(1, Math.Abs(expected[k])), $"[{k}] expected {expected[k]}, got {actual[k]}");
        }
    }

    [Fact]
    public void FloatAgreesWithDouble()
    {
        var md = new TensorNetworkAttention<double>(10, seed: 7);
        var mf = TensorNetworkAttention<float>.FromTensors(
            DenseTensor<float>.FromSpan(md.Attention.Value.ReadOnlySpan.ToArray().Select(v => (float)v).ToArray(), 10, 10, 2),
            DenseTensor<float>.FromSpan(md.Classifier.Value.ReadOnlySpan.ToArray().Select(v => (float)v).ToArray(), 10, 10, 2),
            1f);
        var x = RandomBits(new Random(9), 16 * 10);
        var y = Rule30(x, 16);
        double ld = md.ComputeGradients(x, y, 16).Loss;
        double lf = mf.ComputeGradients(x, y, 16).Loss;
        Assert.Equal(ld, lf, 1e-5);
        var gd = md.Attention.Grad.ReadOnlySpan.ToArray();
        var gf = mf.Attention.Grad.ReadOnlySpan.ToArray();
        double scale = gd.Max(Math.Abs);
        for (int k = 0; k < gd.Length; k++) Assert.True(Math.Abs(gd[k] - gf[k]) <= 1e-4 * scale, $"[{k}] {gd[k]} vs {gf[k]}");
    }

    [Fact]
    public void FeaturesDotClassifierReproducesPreActivations()
    {
        var model = new TensorNetworkAttention<double>(4, seed: 1);
        var x = RandomBits(new Random(4), 5 * 7);
        var z = model.Features(x, 5);
        Assert.Equal(35, z.Shape[0]);
        Assert.Equal(32, z.Shape[1]);
        var yhat = new double[x.Length];
        model.PreActivations(x, 5, yhat);
        var b = model.Classifier.Value.ReadOnlySpan;
        for (int row = 0; row < 35; row++)
        {
            double s = 0;
            for (int k = 0; k < 32; k++) s += z.ReadOnlySpan[(row * 32) + k] * b[k];
            Assert.Equal(yhat[row], s, 1e-12);
        }
    }

    [Fact]
    public void ExactD4SolutionClassifiesEverySequenceOfRule30()
    {
        // A(1) rows [1,1,0,0],[0,0,0,0],[1,1,0,0],[0,0,0,0]; A(0) rows [0,0,0,0],[0,0,1,1],[0,0,0,0],[0,0,1,1].
        // With the leading eigenvectors of A(0) the left context is (1,1,0,0)/sqrt2 after a 1 and (0,0,1,1)/sqrt2 after
        // a 0 (or the boundary), the right one (1,0,1,0)/sqrt2 before a 1 and (0,1,0,1)/sqrt2 before a 0, so
        // B_j = sum over (a, c) of 2 t(a, j, c) e_alpha(a) e_gamma(c)^T with alpha(1) = 0, alpha(0) = 2, gamma(1) = 0,
        // gamma(0) = 1 gives w_j = t(a, j, c) = 2 rule30(a, j, c) - 1 exactly.
        var a = new double[32];
        void SetA(int l, int r, int k) => a[(((l * 4) + r) * 2) + k] = 1;
        SetA(0, 0, 1); SetA(0, 1, 1); SetA(2, 0, 1); SetA(2, 1, 1);
        SetA(1, 2, 0); SetA(1, 3, 0); SetA(3, 2, 0); SetA(3, 3, 0);
        var b = new double[32];
        int[] alpha = [2, 0], gamma = [1, 0];
        for (int l = 0; l < 2; l++) for (int j = 0; j < 2; j++) for (int r = 0; r < 2; r++)
        {
            b[(((alpha[l] * 4) + gamma[r]) * 2) + j] = 2 * ((2 * ((30 >> ((4 * l) + (2 * j) + r)) & 1)) - 1);
        }

        foreach (var head in new[] { TensorNetworkHead.Linear, TensorNetworkHead.NormalizedSigmoid })
        {
            var model = TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.FromSpan(a, 4, 4, 2), DenseTensor<double>.FromSpan(b, 4, 4, 2), 1.0,
                new TensorNetworkAttentionOptions { Boundary = TensorNetworkBoundary.LeadingEigenvectors, Head = head });
            var all = new byte[1024 * 10];
            for (int s = 0; s < 1024; s++) for (int i = 0; i < 10; i++) all[(s * 10) + i] = (byte)((s >> (9 - i)) & 1);
            var e = model.Evaluate(all, Rule30(all, 1024), 1024);
            Assert.Equal(e.Count, e.Correct);
            var longX = RandomBits(new Random(1), 20 * 1000);
            var el = model.Evaluate(longX, Rule30(longX, 20), 20);
            Assert.Equal(el.Count, el.Correct);
            if (head == TensorNetworkHead.Linear) Assert.True(e.Loss < 1e-24);
        }
    }

    [Fact]
    public void BadInputGetsClearExceptions()
    {
        Assert.Equal("bondDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkAttention<double>(0)).ParamName);
        var model = new TensorNetworkAttention<double>(3);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => model.Evaluate([], [], 1)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate([0, 2, 1], [0, 0, 0], 1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate([0, 1, 1], [0, 3, 0], 1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => model.Evaluate([0, 1, 1], [0, 1], 1)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => model.Evaluate([0, 1, 1], [0, 1, 1], 2)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate([0, 1], [0, 1], 0)).ParamName);
        Assert.Equal("attention", Assert.Throws<ArgumentException>(() => TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.Zeros(2, 3, 2), DenseTensor<double>.Zeros(2, 3, 2), 1)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.Zeros(2, 2, 2), DenseTensor<double>.Zeros(2, 2, 2), double.NaN)).ParamName);
        // A(0) a rotation: complex leading pair, no zero-padded fixed point.
        var a = new double[8];
        a[(((0 * 2) + 1) * 2) + 0] = 1; a[(((1 * 2) + 0) * 2) + 0] = -1;
        var rot = TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.FromSpan(a, 2, 2, 2), DenseTensor<double>.Zeros(2, 2, 2), 1, new TensorNetworkAttentionOptions { Boundary = TensorNetworkBoundary.LeadingEigenvectors });
        Assert.Throws<InvalidOperationException>(() => rot.Evaluate([0, 1], [0, 1], 1));
    }
}
