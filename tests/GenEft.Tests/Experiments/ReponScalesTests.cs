using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>
/// sigma_a and sigma_c of Eq. 12 measured on the autoencoder's initialization: the same-class pairs by counting, the
/// scales against an independent computation from the model's own weights (exact for a linear decoder, central finite
/// differences of the logits for the Table 3 tanh decoder), sigma_c against its expectation, Eq. 12 written out.
/// </summary>
public sealed class ReponScalesTests
{
    [Fact]
    public void Same_class_pairs_are_the_interchangeable_elements()
    {
        Assert.Equal(30 * 9, ReponScales.SameClassPairs(RelationGenerators.EqualityModulo(30, 3)).Count);
        Assert.Equal(30 * 14, ReponScales.SameClassPairs(RelationGenerators.CompleteBipartite(30, 15)).Count);
        Assert.Equal((12 * 11) + (8 * 7), ReponScales.SameClassPairs(RelationGenerators.CompleteBipartite(20, 12)).Count); // parts of 12 and 8
        Assert.Empty(ReponScales.SameClassPairs(RelationGenerators.LessThan(10)));
        Assert.All(ReponScales.SameClassPairs(RelationGenerators.EqualityModulo(12, 4)), p => Assert.Equal(p.I % 4, p.J % 4));
    }

    [Fact]
    public void A_relation_without_interchangeable_elements_is_rejected()
    {
        var settings = new TrainingRunSettings(RelationGenerators.LessThan(10));
        var e = Assert.Throws<ArgumentException>(() => ReponScales.Measure(settings, 1, TestContext.Current.CancellationToken));
        Assert.Equal("settings", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReponScales.Measure(new TrainingRunSettings(RelationGenerators.EqualityModulo(9, 3)), 0, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>(() => ReponScales.Measure(null!, 1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_linear_decoder_gives_the_projection_of_its_left_weights()
    {
        // D(x_a, x_b) = w · [x_a; x_b] + b0, so grad_{x_a} D = w[0..d) for every partner: a2 = w_left · r0.
        var settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(12, 3))
        {
            Seed = 5,
            Model = new AutoencoderConfig { DecoderDepth = 0 },
        };
        const int seeds = 3;
        double sumA2 = 0, sumC2 = 0;
        long countA = 0, countC = 0;
        var pairs = ReponScales.SameClassPairs(settings.Relation);
        for (int s = 0; s < seeds; s++)
        {
            var model = TrainingRun.InitialModel(settings with { Seed = settings.Seed + (ulong)s });
            var w = model.Decoder.Parameters()[0].Value; // [1, 4]
            Assert.Equal(4, w.Length);
            var x = model.Embeddings;
            foreach (var (i, j) in pairs)
            {
                double r0 = (x[i, 0] - (double)x[j, 0]) / 2, r1 = (x[i, 1] - (double)x[j, 1]) / 2;
                double norm = Math.Sqrt((r0 * r0) + (r1 * r1));
                sumC2 += norm * norm;
                countC++;
                double a2 = ((w[0] * r0) + (w[1] * r1)) / norm;
                sumA2 += (settings.Relation.Size - 1) * a2 * a2; // the same for all n - 1 partners
                countA += settings.Relation.Size - 1;
            }
        }

        var scales = ReponScales.Measure(settings, seeds, TestContext.Current.CancellationToken);
        Assert.Equal(seeds, scales.Initializations);
        Assert.Equal(countA, scales.Samples);
        Assert.Equal(Math.Sqrt(sumA2 / countA), scales.SigmaA, 1e-6);
        Assert.Equal(Math.Sqrt(sumC2 / countC), scales.SigmaC, 1e-12);
    }

    [Fact]
    public void The_table_3_decoder_matches_finite_differences_of_its_logits()
    {
        var settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(9, 3)) { Seed = 2 };
        var model = TrainingRun.InitialModel(settings);
        var x = model.Embeddings;
        int n = settings.Relation.Size;
        const float h = 1e-2f;
        double sumA2 = 0;
        long count = 0;
        var logitsPlus = new float[1];
        var logitsMinus = new float[1];
        foreach (var (i, j) in ReponScales.SameClassPairs(settings.Relation))
        {
            double r0 = (x[i, 0] - (double)x[j, 0]) / 2, r1 = (x[i, 1] - (double)x[j, 1]) / 2;
            double norm = Math.Sqrt((r0 * r0) + (r1 * r1));
            float u0 = (float)(r0 / norm), u1 = (float)(r1 / norm);
            float xi0 = x[i, 0], xi1 = x[i, 1];
            for (int b = 0; b < n; b++)
            {
                if (b == i)
                {
                    continue;
                }

                // Central difference of the logit of (i, b) along r0, moving only x_i (b ≠ i, so x_b stays put).
                x[i, 0] = xi0 + (h * u0);
                x[i, 1] = xi1 + (h * u1);
                model.PredictLogits([i], [b], logitsPlus);
                x[i, 0] = xi0 - (h * u0);
                x[i, 1] = xi1 - (h * u1);
                model.PredictLogits([i], [b], logitsMinus);
                x[i, 0] = xi0;
                x[i, 1] = xi1;
                double a2 = (logitsPlus[0] - (double)logitsMinus[0]) / (2 * h);
                sumA2 += a2 * a2;
                count++;
            }
        }

        var scales = ReponScales.Measure(settings, 1, TestContext.Current.CancellationToken);
        Assert.Equal(count, scales.Samples);
        Assert.Equal(Math.Sqrt(sumA2 / count), scales.SigmaA, Math.Sqrt(sumA2 / count) * 2e-3);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Sigma_c_is_the_embedding_scale_in_two_dimensions(double scale)
    {
        // x ~ N(0, s²) per coordinate, d = 2: E|x_i - x_j|²/4 = s². Per seed the mean of c² over the pairs is a
        // within-class variance with 3 classes x 9 x 2 = 54 degrees of freedom (relative sd sqrt(2/54) = 0.19); over 40
        // seeds 0.03, so sigma_c has a relative sd of 1.5% and ±6% is a 4-sigma band.
        var settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Seed = 9,
            Model = new AutoencoderConfig { EmbeddingInitScale = scale, DecoderDepth = 0 },
        };
        var scales = ReponScales.Measure(settings, 40, TestContext.Current.CancellationToken);
        Assert.InRange(scales.SigmaC / scale, 0.94, 1.06);
    }

    [Fact]
    public void The_collision_bound_is_equation_12_with_the_measured_ratio()
    {
        var scales = new ReponScales(0.3, 1.2, 1, 1);
        Assert.Equal(0.25, scales.Ratio, 1e-15);
        foreach (double q in new[] { 0.1, 1, 10, 1000 })
        {
            Assert.Equal(2 / Math.PI * Math.Atan(0.25 * Math.Sqrt(1 / (2 * q))), scales.CollisionBound(q), 1e-15);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => scales.CollisionBound(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scales.CollisionBound(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => scales.CollisionBound(double.PositiveInfinity));
    }
}
