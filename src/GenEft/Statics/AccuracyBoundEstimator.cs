using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// Averages an <see cref="IAccuracyBound"/> over random training samples (GenEFT Appendix D, step 4), in parallel.
/// Sampling s draws its training set with <see cref="RelationDataset.Split(double, ulong)"/> and seed Mix(seed, s), the same for
/// every fraction (so the curves use common random numbers and the training sets are nested across fractions), and
/// its inner randomness from Mix(that seed, fraction); every task's result goes to its own slot, so the answer is
/// the same whatever the thread count.
/// </summary>
public static class AccuracyBoundEstimator
{
    /// <summary>The bound at one training fraction.</summary>
    /// <param name="bound">The per-sample bound.</param>
    /// <param name="trainingFraction">Fraction in [0, 1].</param>
    /// <param name="samplings">Number of training samples, &gt;= 1.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="progress">Receives the number of finished samplings.</param>
    /// <param name="cancellationToken">Cancels the work (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Mean and standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bound"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1], <paramref name="samplings"/> &lt; 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static AccuracyBoundEstimate Estimate(IAccuracyBound bound, double trainingFraction, int samplings, ulong seed,
        int maxDegreeOfParallelism = -1, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        => EstimateCurve(bound, new[] { trainingFraction }, samplings, seed, maxDegreeOfParallelism, progress, cancellationToken)[0];

    /// <summary>The bound at several training fractions (the curve of GenEFT Figure 2); all (fraction, sampling) tasks run in parallel.</summary>
    /// <param name="bound">The per-sample bound.</param>
    /// <param name="trainingFractions">Fractions, each in [0, 1].</param>
    /// <param name="samplings">Training samples per fraction, &gt;= 1.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="progress">Receives the number of finished (fraction, sampling) tasks.</param>
    /// <param name="cancellationToken">Cancels the work (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>One estimate per fraction, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bound"/> or <paramref name="trainingFractions"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1], <paramref name="samplings"/> &lt; 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static AccuracyBoundEstimate[] EstimateCurve(IAccuracyBound bound, IReadOnlyList<double> trainingFractions,
        int samplings, ulong seed, int maxDegreeOfParallelism = -1, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(trainingFractions);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplings, 1);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Must be -1 (all cores) or >= 1.");
        foreach (double f in trainingFractions)
            if (!(f >= 0 && f <= 1))
                throw new ArgumentOutOfRangeException(nameof(trainingFractions), f, "Every fraction must be in [0, 1].");

        var dataset = new RelationDataset(bound.Relation);
        int fractions = trainingFractions.Count;
        var values = new double[fractions * samplings];
        int finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, values.Length, options, task =>
        {
            int f = task / samplings, s = task % samplings;
            double fraction = trainingFractions[f];
            int splitSeed = SeedMixer.Mix(unchecked((long)seed), s);
            var observed = dataset.Split(fraction, (ulong)splitSeed).Train;
            var random = new Random(SeedMixer.Mix(splitSeed, BitConverter.DoubleToInt64Bits(fraction)));
            values[task] = bound.Evaluate(observed, random);
            int done = Interlocked.Increment(ref finished);
            progress?.Report(done);
        });

        var result = new AccuracyBoundEstimate[fractions];
        for (int f = 0; f < fractions; f++)
        {
            var slice = values.AsSpan(f * samplings, samplings);
            double mean = 0;
            foreach (double v in slice) mean += v;
            mean /= samplings;
            double squares = 0;
            foreach (double v in slice) squares += (v - mean) * (v - mean);
            double se = samplings > 1 ? Math.Sqrt(squares / (samplings - 1) / samplings) : double.NaN;
            result[f] = new AccuracyBoundEstimate(trainingFractions[f], mean, se, samplings);
        }
        return result;
    }
}
