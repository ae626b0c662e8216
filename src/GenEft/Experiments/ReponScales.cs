using GenEft.Autodiff;
using GenEft.Models;
using GenEft.Relations;

namespace GenEft.Experiments;

/// <summary>
/// The initial scales sigma_a and sigma_c of GenEFT Eq. 12 (Theorem 3), measured on the autoencoder's actual
/// initialization rather than assumed equal; see <see cref="Measure"/>.
/// </summary>
/// <param name="SigmaA">sqrt(E[a2(0)²]): the RMS gain of the decoder along the line joining two same-class embeddings.</param>
/// <param name="SigmaC">sqrt(E[c(0)²]): the RMS half-distance between two same-class embeddings.</param>
/// <param name="Initializations">Initializations (seeds) measured.</param>
/// <param name="Samples">(seed, same-class pair, partner) triples behind <paramref name="SigmaA"/>.</param>
public sealed record ReponScales(double SigmaA, double SigmaC, int Initializations, long Samples)
{
    /// <summary>sigma_a / sigma_c, the factor in front of sqrt(eta_x / (2 eta_A)) in Eq. 12.</summary>
    public double Ratio => SigmaA / SigmaC;

    /// <summary>
    /// Eq. 12 with these scales: p = (2/pi) arctan((sigma_a / sigma_c) sqrt(eta_enc / (2 eta_dec))), the upper bound on
    /// the probability that two same-class repons collide (eta_x = the encoder rate, eta_A = the decoder rate).
    /// </summary>
    /// <param name="learningRateRatio">eta_dec / eta_enc, positive and finite.</param>
    /// <returns>The bound, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRateRatio"/> is not positive and finite.</exception>
    public double CollisionBound(double learningRateRatio)
    {
        if (!(learningRateRatio > 0) || !double.IsFinite(learningRateRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRateRatio), learningRateRatio, "The ratio eta_dec / eta_enc must be positive and finite.");
        }

        return Dynamics.Repons.ReponCollisionProbability.TwoRepons(SigmaA, SigmaC, learningRateRatio, 1);
    }

    /// <summary>
    /// Measures sigma_a and sigma_c on the model <see cref="TrainingRun.InitialModel"/> builds for
    /// <paramref name="settings"/> with seeds settings.Seed, settings.Seed + 1, ..., over every ordered pair (i, j),
    /// i ≠ j, of same-class elements (equal rows and equal columns of the relation: interchangeable elements, the
    /// repons that must collide for the model to generalize).
    /// </summary>
    /// <remarks>
    /// Eq. 7-10 linearize the decoder around the two embeddings: D(x) = A x + b, r = (x_i - x_j)/2 = c r0 with
    /// |r0| = 1, and A r0 = a2 A0 r0. Measured here, at initialization: c(0) = |x_i - x_j| / 2, and a2(0) =
    /// r0 · ∇_{x_i} D(x_i, x_b), the directional derivative of the logit of the pair (i, b) along r0, for every
    /// partner b ≠ i (by reverse-mode autodiff on the real network, one pair at a time). sigma_c = sqrt(mean c(0)²) over
    /// seeds and pairs; sigma_a = sqrt(mean a2(0)²) over seeds, pairs and partners. For embeddings drawn N(0, s²) in d
    /// dimensions E[c²] = d s² / 2, so sigma_c = s at d = 2. What this does not capture: Adam rescales each
    /// parameter's step, so its eta is not the gradient-flow rate of Eq. 7, and the pair decoder has one output per
    /// partner rather than one shared target; the measured ratio places Eq. 12 on a figure, it does not make it exact.
    /// </remarks>
    /// <param name="settings">The relation, model configuration (init scales) and first seed.</param>
    /// <param name="initializations">Seeds to measure, at least 1.</param>
    /// <param name="cancellationToken">Checked between seeds.</param>
    /// <returns>The measured scales.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initializations"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The relation has no two interchangeable elements (for example a total order), so there are no repons to collide.</exception>
    public static ReponScales Measure(TrainingRunSettings settings, int initializations = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(initializations, 1);
        var pairs = SameClassPairs(settings.Relation);
        if (pairs.Count == 0)
        {
            throw new ArgumentException(
                $"The relation on {settings.Relation.Size} elements has no two elements with equal rows and columns: no same-class repons to measure.",
                nameof(settings));
        }

        int n = settings.Relation.Size;
        double sumC2 = 0, sumA2 = 0;
        long countC = 0, countA = 0;
        var tape = new Tape<float>();
        int[] left = [0], right = [0];
        for (int s = 0; s < initializations; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = TrainingRun.InitialModel(settings with { Seed = unchecked(settings.Seed + (ulong)s) });
            var x = model.Embeddings;
            int d = x.Columns;

            // g[i, b] = ∇_{x_i} D(x_i, x_b): one backward pass per (i, b), b ≠ i, so the partner's row does not mix in.
            var gradient = new double[n, n, d];
            for (int i = 0; i < n; i++)
            {
                for (int b = 0; b < n; b++)
                {
                    if (b == i)
                    {
                        continue;
                    }

                    left[0] = i;
                    right[0] = b;
                    model.ZeroGrad();
                    tape.Reset();
                    tape.Backward(Ops.Sum(model.Forward(tape, left, right)));
                    var g = model.Encoder.Weight.Grad;
                    for (int k = 0; k < d; k++)
                    {
                        gradient[i, b, k] = g[i, k];
                    }
                }
            }

            foreach (var (i, j) in pairs)
            {
                var r = new double[d];
                double norm2 = 0;
                for (int k = 0; k < d; k++)
                {
                    r[k] = (x[i, k] - (double)x[j, k]) / 2;
                    norm2 += r[k] * r[k];
                }

                sumC2 += norm2;
                countC++;
                double norm = Math.Sqrt(norm2);
                if (norm == 0)
                {
                    continue;
                }

                for (int b = 0; b < n; b++)
                {
                    if (b == i)
                    {
                        continue;
                    }

                    double a2 = 0;
                    for (int k = 0; k < d; k++)
                    {
                        a2 += gradient[i, b, k] * r[k] / norm;
                    }

                    sumA2 += a2 * a2;
                    countA++;
                }
            }
        }

        return new ReponScales(Math.Sqrt(sumA2 / countA), Math.Sqrt(sumC2 / countC), initializations, countA);
    }

    /// <summary>Ordered pairs (i, j), i ≠ j, with R[i, k] = R[j, k] and R[k, i] = R[k, j] for every k.</summary>
    internal static List<(int I, int J)> SameClassPairs(Relation relation)
    {
        int n = relation.Size;
        var pairs = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j && Interchangeable(relation, i, j))
                {
                    pairs.Add((i, j));
                }
            }
        }

        return pairs;
    }

    private static bool Interchangeable(Relation relation, int i, int j)
    {
        for (int k = 0; k < relation.Size; k++)
        {
            if (relation[i, k] != relation[j, k] || relation[k, i] != relation[k, j])
            {
                return false;
            }
        }

        return true;
    }
}
