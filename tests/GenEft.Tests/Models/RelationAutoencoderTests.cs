using GenEft.Models;
using GenEft.Nn;
using Xunit;

namespace GenEft.Tests.Models;

public sealed class RelationAutoencoderTests
{
    private static readonly int[] Left = [0, 1, 2, 3, 4, 0, 2, 4, 1, 3, 3];
    private static readonly int[] Right = [1, 1, 0, 4, 2, 0, 3, 4, 3, 0, 3];
    private static readonly int[] Labels = [0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1];

    public static TheoryData<CombineMode, Activation, OutputHead, int> Variants() => new()
    {
        { CombineMode.Concat, Activation.Tanh, OutputHead.Linear, 3 },
        { CombineMode.Difference, Activation.Tanh, OutputHead.Linear, 2 },
        { CombineMode.SquaredDifference, Activation.Tanh, OutputHead.Linear, 1 },
        { CombineMode.Concat, Activation.Relu, OutputHead.Linear, 2 },
        { CombineMode.SquaredDifference, Activation.Tanh, OutputHead.ProximityRelu, 0 },
        { CombineMode.Difference, Activation.Tanh, OutputHead.Linear, 0 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void GradientsMatchCentralFiniteDifferences(CombineMode mode, Activation activation, OutputHead head, int depth)
    {
        var config = new AutoencoderConfig
        {
            ElementCount = 5, EmbeddingDimension = 3, DecoderDepth = depth, DecoderWidth = 4,
            Combine = mode, Activation = activation, Head = head,
        };
        var model = new RelationAutoencoder<double>(config, seed: 11);
        if (head == OutputHead.ProximityRelu)
        {
            // Put z = w.u + b on both sides of 0.1 for these pairs so both branches of ReLU(0.1 - z) are exercised.
            model.Parameters()[2].Value.Span[0] = -0.05;
            model.Parameters()[1].Value.Span.Fill(0.02);
        }

        double loss = model.ComputeGradients(Left, Right, Labels);
        Assert.True(double.IsFinite(loss));
        var analytic = model.Parameters().Select(p => p.Grad.ReadOnlySpan.ToArray()).ToArray();
        const double h = 1e-6;
        int checkedCount = 0;
        for (int p = 0; p < model.Parameters().Count; p++)
        {
            var span = model.Parameters()[p].Value.Span;
            for (int i = 0; i < span.Length; i++)
            {
                double saved = span[i];
                span[i] = saved + h;
                double plus = model.Loss(Left, Right, Labels);
                span[i] = saved - h;
                double minus = model.Loss(Left, Right, Labels);
                span[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                Assert.True(
                    Math.Abs(numeric - analytic[p][i]) <= 1e-7 + (1e-6 * Math.Abs(numeric)),
                    $"parameter {p}[{i}]: analytic {analytic[p][i]}, numeric {numeric}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 10);
        Assert.Contains(analytic[0], g => g != 0); // the embeddings do receive gradient
    }

    // depth 0, d = 2, n = 2 with E_0 = (1, 2), E_1 = (3, 5), output weight (w1, w2) (or 4 weights for concat), bias b.
    private static RelationAutoencoder<double> TwoElements(CombineMode mode, OutputHead head = OutputHead.Linear, int depth = 0, int width = 1)
    {
        var model = new RelationAutoencoder<double>(new AutoencoderConfig
        {
            ElementCount = 2, EmbeddingDimension = 2, DecoderDepth = depth, DecoderWidth = width, Combine = mode, Head = head,
        });
        double[] e = [1, 2, 3, 5];
        e.CopyTo(model.Embeddings.Span);
        return model;
    }

    private static double Logit(RelationAutoencoder<double> model, int x1, int x2)
    {
        var logit = new double[1];
        model.PredictLogits(new int[] { x1 }, new int[] { x2 }, logit);
        return logit[0];
    }

    [Fact]
    public void ConcatFeedsBothEmbeddingsInOrder()
    {
        var model = TwoElements(CombineMode.Concat);
        double[] w = [0.5, -1, 2, 0.25];
        w.CopyTo(model.Parameters()[1].Value.Span);
        model.Parameters()[2].Value.Span[0] = 0.125;
        Assert.Equal((0.5 * 1) - (1 * 2) + (2 * 3) + (0.25 * 5) + 0.125, Logit(model, 0, 1), 14);
        Assert.Equal((0.5 * 3) - (1 * 5) + (2 * 1) + (0.25 * 2) + 0.125, Logit(model, 1, 0), 14);
    }

    [Fact]
    public void DifferenceIsAntisymmetricAndLinear()
    {
        var model = TwoElements(CombineMode.Difference);
        double[] w = [0.5, -1];
        w.CopyTo(model.Parameters()[1].Value.Span);
        model.Parameters()[2].Value.Span[0] = 0.125;
        Assert.Equal((0.5 * -2) + (-1 * -3) + 0.125, Logit(model, 0, 1), 14);
        Assert.Equal((0.5 * 2) + (-1 * 3) + 0.125, Logit(model, 1, 0), 14);
        Assert.Equal(0.125, Logit(model, 1, 1), 14);
    }

    [Fact]
    public void SquaredDifferenceIsSymmetric()
    {
        var model = TwoElements(CombineMode.SquaredDifference);
        double[] w = [0.5, -1];
        w.CopyTo(model.Parameters()[1].Value.Span);
        model.Parameters()[2].Value.Span[0] = 0.125;
        Assert.Equal((0.5 * 4) + (-1 * 9) + 0.125, Logit(model, 0, 1), 14);
        Assert.Equal(Logit(model, 0, 1), Logit(model, 1, 0));
    }

    [Fact]
    public void TanhHiddenLayerMatchesHandComputation()
    {
        var model = TwoElements(CombineMode.Difference, depth: 1, width: 2);
        double[] w0 = [0.5, 1, -0.25, 0.75]; // [out = 2, in = 2]: unit 0 sees (0.5, 1), unit 1 sees (-0.25, 0.75)
        w0.CopyTo(model.Parameters()[1].Value.Span);
        double[] b0 = [0.1, -0.2];
        b0.CopyTo(model.Parameters()[2].Value.Span);
        double[] w1 = [2, -3];
        w1.CopyTo(model.Parameters()[3].Value.Span);
        model.Parameters()[4].Value.Span[0] = 0.3;
        double u1 = -2, u2 = -3;
        double h1 = Math.Tanh((u1 * 0.5) + (u2 * 1) + 0.1), h2 = Math.Tanh((u1 * -0.25) + (u2 * 0.75) - 0.2);
        Assert.Equal((2 * h1) - (3 * h2) + 0.3, Logit(model, 0, 1), 14);
        Assert.Equal(1 / (1 + Math.Exp(-Logit(model, 0, 1))), model.PredictProbability(0, 1), 14);
    }

    [Fact]
    public void ProximityReluHeadIsPositiveOnlyForCloseEmbeddings()
    {
        var model = TwoElements(CombineMode.SquaredDifference, OutputHead.ProximityRelu);
        double[] w = [1, 1];
        w.CopyTo(model.Parameters()[1].Value.Span);
        model.Parameters()[2].Value.Span[0] = 0;
        // Same element: z = 0, q = 0.1, logit = 10 * 0.1 - 0.5 = 0.5; distinct: z = 13, q = 0, logit = -0.5.
        Assert.Equal(0.5, Logit(model, 1, 1), 14);
        Assert.Equal(-0.5, Logit(model, 0, 1), 14);
    }

    [Fact]
    public void LossAndAccuracyMatchTheirDefinitions()
    {
        var model = new RelationAutoencoder<double>(new AutoencoderConfig { ElementCount = 5, DecoderWidth = 6 }, seed: 3);
        var logits = new double[Left.Length];
        model.PredictLogits(Left, Right, logits);
        double expected = 0;
        int correct = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(-logits[i]));
            expected -= Labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
            correct += (logits[i] > 0) == (Labels[i] == 1) ? 1 : 0;
        }

        Assert.Equal(expected / logits.Length, model.Loss(Left, Right, Labels), 12);
        Assert.Equal(correct, model.CountCorrect(Left, Right, Labels));
    }

    [Fact]
    public void DefaultsAreTable3()
    {
        var config = new AutoencoderConfig();
        Assert.Equal(30, config.ElementCount);
        Assert.Equal(2, config.EmbeddingDimension);
        Assert.Equal(3, config.DecoderDepth);
        Assert.Equal(50, config.DecoderWidth);
        Assert.Equal(Activation.Tanh, config.Activation);
        Assert.Equal(CombineMode.Concat, config.Combine);
        var model = new RelationAutoencoder<float>();
        // 30x2 embeddings; 4->50, 50->50, 50->50, 50->1 with biases.
        Assert.Equal(60 + (4 * 50) + 50 + (2 * ((50 * 50) + 50)) + 50 + 1, model.Parameters().Sum(p => p.Value.Length));
        Assert.Equal(["encoder.weight", "decoder.layer0.weight", "decoder.layer0.bias"], model.NamedParameters().Take(3).Select(kv => kv.Key));
    }

    [Fact]
    public void InitializationFollowsTheSeedAndScales()
    {
        var a = new RelationAutoencoder<double>(seed: 5);
        var b = new RelationAutoencoder<double>(seed: 5);
        var c = new RelationAutoencoder<double>(seed: 6);
        Assert.True(a.Parameters().Zip(b.Parameters()).All(t => t.First.Value.ReadOnlySpan.SequenceEqual(t.Second.Value.ReadOnlySpan)));
        Assert.False(a.Embeddings.ReadOnlySpan.SequenceEqual(c.Embeddings.ReadOnlySpan));
        var scaled = new RelationAutoencoder<double>(new AutoencoderConfig { EmbeddingInitScale = 0.5 }, seed: 5);
        for (int i = 0; i < a.Embeddings.Length; i++)
        {
            Assert.Equal(a.Embeddings.ReadOnlySpan[i] * 0.5, scaled.Embeddings.ReadOnlySpan[i], 15);
        }

        // Decoder weights lie within ±1/sqrt(fan in).
        Assert.All(a.Parameters()[1].Value.ReadOnlySpan.ToArray(), v => Assert.InRange(v, -0.5, 0.5));
        Assert.All(a.Parameters()[3].Value.ReadOnlySpan.ToArray(), v => Assert.InRange(v, -1 / Math.Sqrt(50), 1 / Math.Sqrt(50)));
        var decoderScaled = new RelationAutoencoder<double>(new AutoencoderConfig { DecoderInitScale = 0.25 }, seed: 5);
        Assert.Equal(a.Parameters()[3].Value.ReadOnlySpan[7] * 0.25, decoderScaled.Parameters()[3].Value.ReadOnlySpan[7], 15);

        // 60 standard-normal draws: mean within 4 standard errors of 0, variance within a generous band of 1.
        double[] e = a.Embeddings.ReadOnlySpan.ToArray();
        Assert.InRange(e.Average(), -4 / Math.Sqrt(60), 4 / Math.Sqrt(60));
        Assert.InRange(e.Select(x => x * x).Average(), 0.5, 1.6);
    }

    [Fact]
    public void SaveAndLoadRoundTrip()
    {
        var config = new AutoencoderConfig { ElementCount = 7, DecoderDepth = 2, DecoderWidth = 5, Combine = CombineMode.Difference, Activation = Activation.Relu };
        var model = new RelationAutoencoder<double>(config, seed: 9);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = RelationAutoencoder<double>.Load(stream);
        Assert.Equal(config, loaded.Config);
        Assert.True(model.Parameters().Zip(loaded.Parameters()).All(t => t.First.Value.ReadOnlySpan.SequenceEqual(t.Second.Value.ReadOnlySpan)));
        Assert.Throws<InvalidDataException>(() => RelationAutoencoder<double>.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));
        stream.SetLength(stream.Length - 20);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => RelationAutoencoder<double>.Load(stream));
    }

    [Theory]
    [InlineData(0, Activation.Tanh)]
    [InlineData(1, Activation.Relu)]
    public void VersionTwoFilesWithTheFormerDecoderActivationCodesStillLoad(int oldCode, Activation expected)
    {
        // Version 2 wrote the removed DecoderActivation enum (0 = tanh, 1 = relu) at byte 24 (after magic, version
        // and four int sizes); version 3 writes GenEft.Nn.Activation there (tanh = 1, relu = 2).
        var config = new AutoencoderConfig { ElementCount = 5, DecoderDepth = 1, DecoderWidth = 4, Activation = expected };
        var model = new RelationAutoencoder<float>(config, seed: 4);
        using var stream = new MemoryStream();
        model.Save(stream);
        byte[] bytes = stream.ToArray();
        Assert.Equal(3, BitConverter.ToInt32(bytes, 4));
        Assert.Equal((int)expected, BitConverter.ToInt32(bytes, 24));
        BitConverter.GetBytes(2).CopyTo(bytes, 4);
        BitConverter.GetBytes(oldCode).CopyTo(bytes, 24);
        var loaded = RelationAutoencoder<float>.Load(new MemoryStream(bytes));
        Assert.Equal(config, loaded.Config);
        Assert.True(model.Parameters().Zip(loaded.Parameters()).All(t => t.First.Value.ReadOnlySpan.SequenceEqual(t.Second.Value.ReadOnlySpan)));
        BitConverter.GetBytes(2).CopyTo(bytes, 24);
        Assert.Throws<InvalidDataException>(() => RelationAutoencoder<float>.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void InvalidInputsAreRejected()
    {
        var model = new RelationAutoencoder<double>(new AutoencoderConfig { ElementCount = 4 });
        Assert.Throws<ArgumentException>("left", () => model.Loss(Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>()));
        Assert.Throws<ArgumentException>("right", () => model.Loss(new int[] { 0 }, new int[] { 0, 1 }, new int[] { 0 }));
        Assert.Throws<ArgumentException>("labels", () => model.Loss(new int[] { 0 }, new int[] { 1 }, new int[] { 2 }));
        Assert.Throws<ArgumentException>("left", () => model.Loss(new int[] { 4 }, new int[] { 1 }, new int[] { 0 }));
        Assert.Throws<ArgumentException>("right", () => model.Loss(new int[] { 0 }, new int[] { -1 }, new int[] { 0 }));
        Assert.Throws<ArgumentException>("logits", () => model.PredictLogits(new int[] { 0 }, new int[] { 1 }, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>("x2", () => model.PredictProbability(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>("ElementCount", () => new AutoencoderConfig { ElementCount = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("DecoderDepth", () => new AutoencoderConfig { DecoderDepth = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("EmbeddingInitScale", () => new AutoencoderConfig { EmbeddingInitScale = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>("Combine", () => new AutoencoderConfig { Combine = (CombineMode)7 });
    }

    [Fact]
    public void PairMethodsTakeCollectionExpressionsAndStackSpansWithTheArraysResults()
    {
        // Issue 13: index arguments accept spans (collection expressions, stackalloc), not only ReadOnlyMemory<int>.
        var model = new RelationAutoencoder<double>(new AutoencoderConfig { ElementCount = 5, DecoderWidth = 6 }, seed: 3);
        int[] left = [0, 1, 2, 4], right = [1, 3, 0, 4], labels = [0, 1, 0, 1];
        double fromArrays = model.Loss(left, right, labels);
        Assert.Equal(fromArrays, model.Loss([0, 1, 2, 4], [1, 3, 0, 4], [0, 1, 0, 1]));
        Span<int> l = stackalloc int[] { 0, 1, 2, 4 }, r = stackalloc int[] { 1, 3, 0, 4 };
        Assert.Equal(fromArrays, model.Loss(l, r, labels));
        Assert.Equal(model.CountCorrect(left, right, labels), model.CountCorrect([0, 1, 2, 4], [1, 3, 0, 4], [0, 1, 0, 1]));
        // A longer call after a shorter one and a shorter after a longer reuse the staging buffers correctly.
        Assert.Equal(model.Loss([0], [1], [0]), model.Loss(new[] { 0 }, new[] { 1 }, new[] { 0 }));
        Assert.Equal(fromArrays, model.Loss(l, r, labels));
        double gradLoss = model.ComputeGradients([0, 1, 2, 4], [1, 3, 0, 4], [0, 1, 0, 1]);
        Assert.Equal(fromArrays, gradLoss);
    }
}
