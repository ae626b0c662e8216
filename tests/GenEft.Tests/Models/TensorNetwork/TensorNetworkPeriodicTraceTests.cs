using GenEft.Models.TensorNetwork;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

/// <summary>The PeriodicTrace boundary: w_j(i) = Tr(B_j C_i), C_i the normalised ring product skipping x_i.</summary>
public class TensorNetworkPeriodicTraceTests
{
    private static readonly TensorNetworkAttentionOptions Linear = new() { Boundary = TensorNetworkBoundary.PeriodicTrace, Head = TensorNetworkHead.Linear };
    private static readonly TensorNetworkAttentionOptions Sigmoid = new() { Boundary = TensorNetworkBoundary.PeriodicTrace, Head = TensorNetworkHead.NormalizedSigmoid };

    // The oracle: multiply the M - 1 transfer matrices around the ring without any intermediate normalisation, in
    // double, normalise once (the intermediate normalisations only change the scale), take the trace with B_j.
    private static double[] NaiveW(double[] a, double[] b, int d, byte[] seq)
    {
        int m = seq.Length;
        var result = new double[2 * m];
        for (int i = 0; i < m; i++)
        {
            var c = new double[d, d];
            for (int k = 0; k < d; k++) c[k, k] = 1;
            for (int step = 1; step < m; step++)
            {
                int x = seq[(i + step) % m];
                var next = new double[d, d];
                for (int r = 0; r < d; r++) for (int s = 0; s < d; s++) for (int t = 0; t < d; t++) next[r, t] += c[r, s] * a[(((s * d) + t) * 2) + x];
                c = next;
            }

            double norm = 0;
            foreach (double v in c) norm += v * v;
            norm = Math.Sqrt(norm);
            for (int j = 0; j < 2; j++)
            {
                double w = 0;
                for (int r = 0; r < d; r++) for (int s = 0; s < d; s++) w += b[(((r * d) + s) * 2) + j] * c[s, r] / norm;
                result[(2 * i) + j] = w;
            }
        }

        return result;
    }

    private static byte[] Bits(int seed, int n)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (byte)random.Next(2)).ToArray();
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 7)]
    [InlineData(1, 5)]
    public void OutputsEqualTheExplicitRingProduct(int d, int m)
    {
        var model = new TensorNetworkAttention<double>(d, Linear, seed: 3);
        const int count = 3;
        var x = Bits(1, count * m);
        var yhat = new double[count * m];
        model.PreActivations(x, count, yhat);
        var a = model.Attention.Value.ReadOnlySpan.ToArray();
        var b = model.Classifier.Value.ReadOnlySpan.ToArray();
        for (int p = 0; p < count; p++)
        {
            var seq = x.AsSpan(p * m, m).ToArray();
            var w = NaiveW(a, b, d, seq);
            for (int i = 0; i < m; i++)
            {
                Assert.Equal(w[(2 * i) + seq[i]], yhat[(p * m) + i], 1e-12);
            }
        }
    }

    [Fact]
    public void RotatingTheRingRotatesTheOutputs()
    {
        var model = new TensorNetworkAttention<double>(4, Linear, seed: 9);
        var x = Bits(4, 11);
        var rotated = x.Skip(3).Concat(x.Take(3)).ToArray();
        var y = new double[11];
        var yr = new double[11];
        model.PreActivations(x, 1, y);
        model.PreActivations(rotated, 1, yr);
        for (int i = 0; i < 11; i++)
        {
            Assert.Equal(y[(i + 3) % 11], yr[i], 1e-12);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void GradientsMatchCentralFiniteDifferences(int head)
    {
        const int d = 4, count = 3, m = 6;
        var model = new TensorNetworkAttention<double>(d, head == 0 ? Linear : Sigmoid, seed: 5);
        model.Scale.Value.Span[0] = 1.3;
        var teacher = new LocalRule(30, 1, SequenceBoundary.Periodic);
        var x = Bits(7, count * m);
        var y = new byte[x.Length];
        teacher.Apply(x, m, y);
        int checkedCount = TensorNetworkGradientCheck.AssertMatchesFiniteDifferences(model, x, y, count);
        Assert.True(checkedCount > 2 * d * d, "most gradients are non-zero");
    }

    [Fact]
    public void TheFeatureViewReproducesThePreActivations()
    {
        const int d = 3, count = 4, m = 5;
        var model = new TensorNetworkAttention<double>(d, Linear, seed: 2);
        var x = Bits(3, count * m);
        var yhat = new double[count * m];
        model.PreActivations(x, count, yhat);
        var z = model.Features(x, count);
        Assert.Equal(new TensorShape(count * m, 2 * d * d), z.Shape);
        var b = model.Classifier.Value.ReadOnlySpan;
        for (int row = 0; row < count * m; row++)
        {
            double dot = 0;
            for (int k = 0; k < 2 * d * d; k++) dot += z.ReadOnlySpan[(row * 2 * d * d) + k] * b[k];
            Assert.Equal(yhat[row], dot, 1e-12);
        }

        Assert.Throws<InvalidOperationException>(() => model.LeftContexts(x, count));
    }

    [Fact]
    public void Rule30OnRingsIsLearnedInFloat()
    {
        // Scenario A with periodic sequences: the teacher wraps around and the model uses traces.
        var run = TensorNetworkScenarioA.Run(new TensorNetworkScenarioASettings
        {
            BondDimension = 4,
            Boundary = SequenceBoundary.Periodic,
            Model = Sigmoid,
            MinCrop = 10,
            MaxCrop = 10,
            MaxEpochs = 400,
            EpochsAfterGrokking = 0,
            EvaluationInterval = 10,
            TestCount = 10,
            TestLength = 200,
            FinalTestCount = 50,
            Seed = 1,
        }, null, TestContext.Current.CancellationToken);
        Assert.NotNull(run.TestZeroTime);
        Assert.Equal(0, run.FinalTestError);
        Assert.InRange(Assert.Single(run.Training.Curve[^1].Metrics).Value, 1, 16);
    }
}
