namespace GenEft.Analysis;

/// <summary>
/// Finds spikes in a loss curve (model-agnostic), by the explicit criterion of <see cref="LossSpikeCriterion"/>:
/// with b(t) = median(loss[t-W..t-1]), t starts a spike when loss[t] &gt; f b(t), loss[t] - b(t) &gt; delta and
/// loss[t-1] &lt;= f b(t) (the rise starts at t, so the tail of a longer rise never counts), and the
/// spike is [t, e) with e the first index in (t, t + D] where loss[e] &lt;= f b(t). A rise that is not back within D
/// points (or before the curve ends) is not a spike. The first W points can not start a spike (no baseline); the
/// search resumes at e, so spikes do not overlap.
/// </summary>
public static class LossSpikeDetector
{
    /// <summary>The spikes of <paramref name="loss"/>, by index.</summary>
    /// <param name="loss">The loss curve; finite and non-negative.</param>
    /// <param name="criterion">The criterion (null: the defaults W = 10, f = 2, D = 10, delta = 0).</param>
    /// <returns>The spikes in order of Start; PeakTime is the index.</returns>
    /// <exception cref="ArgumentException">A loss is negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A criterion parameter is outside its range.</exception>
    public static IReadOnlyList<LossSpike> Detect(ReadOnlySpan<double> loss, LossSpikeCriterion? criterion = null)
        => Detect(loss, default, hasTimes: false, criterion ?? new LossSpikeCriterion());

    /// <summary>The spikes of a loss curve sampled at <paramref name="times"/> (e.g. epoch x learning rate).</summary>
    /// <param name="times">The times of the points; finite, as many as losses.</param>
    /// <param name="loss">The loss curve; finite and non-negative.</param>
    /// <param name="criterion">The criterion (null: the defaults).</param>
    /// <returns>The spikes in order of Start, PeakTime = times[Peak].</returns>
    /// <exception cref="ArgumentException">The lengths differ, a time is not finite, or a loss is negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A criterion parameter is outside its range.</exception>
    public static IReadOnlyList<LossSpike> Detect(ReadOnlySpan<double> times, ReadOnlySpan<double> loss, LossSpikeCriterion? criterion = null)
    {
        if (times.Length != loss.Length)
        {
            throw new ArgumentException($"times has {times.Length} points and loss {loss.Length}; they must be equal.", nameof(times));
        }

        AnalysisArguments.ThrowIfNotFinite(times, nameof(times));
        return Detect(loss, times, hasTimes: true, criterion ?? new LossSpikeCriterion());
    }

    private static List<LossSpike> Detect(ReadOnlySpan<double> loss, ReadOnlySpan<double> times, bool hasTimes, LossSpikeCriterion criterion)
    {
        criterion.Validate();
        AnalysisArguments.ThrowIfNotFinite(loss, nameof(loss));
        for (int i = 0; i < loss.Length; i++)
        {
            if (loss[i] < 0)
            {
                throw new ArgumentException($"loss[{i}] = {loss[i]} is negative; the spike criterion is a ratio of non-negative losses.", nameof(loss));
            }
        }

        int w = criterion.Window;
        var spikes = new List<LossSpike>();
        var window = new double[w];
        int t = w;
        while (t < loss.Length)
        {
            double baseline = Median(loss.Slice(t - w, w), window);
            double threshold = criterion.Factor * baseline;
            if (!(loss[t] > threshold && loss[t] - baseline > criterion.MinIncrease && loss[t - 1] <= threshold))
            {
                t++;
                continue;
            }

            int last = Math.Min(loss.Length - 1, t + criterion.MaxDuration);
            int end = -1;
            int peak = t;
            for (int j = t + 1; j <= last; j++)
            {
                if (loss[j] <= threshold)
                {
                    end = j;
                    break;
                }

                if (loss[j] > loss[peak])
                {
                    peak = j;
                }
            }

            if (end < 0)
            {
                t++;
                continue;
            }

            spikes.Add(new LossSpike(t, peak, end, baseline, loss[peak], hasTimes ? times[peak] : peak));
            t = end;
        }

        return spikes;
    }

    private static double Median(ReadOnlySpan<double> values, double[] scratch)
    {
        values.CopyTo(scratch);
        Array.Sort(scratch);
        int n = scratch.Length;
        return (n & 1) == 1 ? scratch[n / 2] : 0.5 * (scratch[(n / 2) - 1] + scratch[n / 2]);
    }
}
