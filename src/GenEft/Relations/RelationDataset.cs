namespace GenEft.Relations;

/// <summary>
/// The learning task of GenEFT Section II: the N = n^2 samples ((i, j) -> R_ij) of a relation, numbered
/// row-major (sample s is the pair (s / n, s % n)), and seeded train/test splits of them.
/// </summary>
public sealed class RelationDataset
{
    /// <summary>Wraps a relation as its n^2 labelled samples.</summary>
    /// <param name="relation">The relation to learn.</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n^2 exceeds <see cref="int.MaxValue"/> (n &gt; 46340).</exception>
    public RelationDataset(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        if ((long)relation.Size * relation.Size > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(relation), relation.Size, "n^2 must fit in an int (n <= 46340).");
        Relation = relation;
    }

    /// <summary>The relation the samples come from.</summary>
    public Relation Relation { get; }

    /// <summary>The number of samples N = n^2.</summary>
    public int SampleCount => Relation.Size * Relation.Size;

    /// <summary>
    /// The number of training samples for a fraction: round(fraction * N), halves rounded away from zero
    /// (0.75 of 900 gives 675, as in GenEFT Table 3).
    /// </summary>
    /// <param name="trainingFraction">Fraction in [0, 1].</param>
    /// <returns>The training-set size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public int TrainingCount(double trainingFraction)
    {
        if (!(trainingFraction >= 0 && trainingFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainingFraction), trainingFraction, "Must be in [0, 1].");
        return (int)Math.Round(trainingFraction * SampleCount, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A uniformly random split: the samples are shuffled (Fisher-Yates with <c>new Random(seed)</c> for seeds up to
    /// int.MaxValue; larger seeds are mixed into that range first), the first <see cref="TrainingCount"/> form the
    /// training set, the rest the test set, both in shuffled order. The same seed always gives the same split.
    /// </summary>
    /// <param name="trainingFraction">Fraction in [0, 1].</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public RelationSplit Split(double trainingFraction, ulong seed) => Split(trainingFraction, SeededRandom.Create(seed));

    /// <summary>A uniformly random split drawn from the caller's generator (one Fisher-Yates shuffle of the n^2 samples).</summary>
    /// <param name="trainingFraction">Fraction in [0, 1].</param>
    /// <param name="random">The generator; advanced by the shuffle.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public RelationSplit Split(double trainingFraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int trainCount = TrainingCount(trainingFraction);
        int n = Relation.Size, total = SampleCount;
        var order = new int[total];
        for (int s = 0; s < total; s++) order[s] = s;
        random.Shuffle(order);
        return new RelationSplit(
            Part(order.AsSpan(0, trainCount), n),
            Part(order.AsSpan(trainCount), n));

        RelationSamples Part(ReadOnlySpan<int> ids, int size)
        {
            var left = new int[ids.Length];
            var right = new int[ids.Length];
            var label = new int[ids.Length];
            for (int t = 0; t < ids.Length; t++)
            {
                left[t] = ids[t] / size;
                right[t] = ids[t] % size;
                label[t] = Relation.Get(left[t], right[t]) ? 1 : 0;
            }
            return new RelationSamples(left, right, label);
        }
    }
}
