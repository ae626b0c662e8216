namespace GenEft.Analysis;

/// <summary>
/// An error curve of one run, from any model: times (continuous time or steps, strictly increasing) and the error at
/// each. Optionally carries the exact time its error first reaches 0 (t_eps) when the caller knows it better than the
/// samples do, e.g. from a located event.
/// </summary>
public sealed class LearningCurve
{
    private readonly double[] times;
    private readonly double[] errors;

    /// <summary>Creates a curve (the arrays are copied).</summary>
    /// <param name="times">Strictly increasing finite times; at least one.</param>
    /// <param name="errors">Finite, non-negative errors, one per time.</param>
    /// <param name="zeroErrorTime">t_eps if known (finite), else null to take the first sample with zero error.</param>
    /// <exception cref="ArgumentException">The arrays are empty, of different lengths, not finite, errors negative or times not increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroErrorTime"/> is not finite.</exception>
    public LearningCurve(ReadOnlySpan<double> times, ReadOnlySpan<double> errors, double? zeroErrorTime = null)
    {
        if (times.IsEmpty)
        {
            throw new ArgumentException("A curve needs at least one point.", nameof(times));
        }

        if (errors.Length != times.Length)
        {
            throw new ArgumentException($"errors has length {errors.Length}; expected {times.Length} (one per time).", nameof(errors));
        }

        AnalysisArguments.ThrowIfNotFinite(times, nameof(times));
        AnalysisArguments.ThrowIfNotFinite(errors, nameof(errors));
        for (int i = 0; i < times.Length; i++)
        {
            if (errors[i] < 0)
            {
                throw new ArgumentException($"errors[{i}] = {errors[i]} is negative.", nameof(errors));
            }

            if (i > 0 && !(times[i] > times[i - 1]))
            {
                throw new ArgumentException($"times must be strictly increasing; times[{i}] = {times[i]} follows {times[i - 1]}.", nameof(times));
            }
        }

        if (zeroErrorTime is double z && !double.IsFinite(z))
        {
            throw new ArgumentOutOfRangeException(nameof(zeroErrorTime), z, "zeroErrorTime must be finite (pass null when unknown).");
        }

        this.times = times.ToArray();
        this.errors = errors.ToArray();
        int first = Array.FindIndex(this.errors, e => e == 0);
        ZeroErrorTime = zeroErrorTime ?? (first >= 0 ? this.times[first] : double.NaN);
    }

    /// <summary>The sample times.</summary>
    public ReadOnlySpan<double> Times => times;

    /// <summary>The errors.</summary>
    public ReadOnlySpan<double> Errors => errors;

    /// <summary>t_eps: the given zero-error time, or the first sample time with error 0; NaN if the error never reaches 0.</summary>
    public double ZeroErrorTime { get; }

    /// <summary>The error at time t by linear interpolation, with (t_eps, 0) as an extra node when t_eps lies past the last sample before it; NaN outside [first time, last time or t_eps].</summary>
    /// <param name="time">t.</param>
    /// <returns>The interpolated error.</returns>
    public double ErrorAt(double time)
    {
        double end = double.IsNaN(ZeroErrorTime) ? times[^1] : Math.Max(times[^1], ZeroErrorTime);
        if (!(time >= times[0] && time <= end))
        {
            return double.NaN;
        }

        int upper = Array.BinarySearch(times, time);
        if (upper >= 0)
        {
            return errors[upper];
        }

        upper = ~upper;
        double t0 = times[upper - 1], e0 = errors[upper - 1];
        double t1 = upper < times.Length ? times[upper] : ZeroErrorTime, e1 = upper < times.Length ? errors[upper] : 0;
        if (!double.IsNaN(ZeroErrorTime) && ZeroErrorTime > t0 && ZeroErrorTime < t1)
        {
            (t1, e1) = (ZeroErrorTime, 0);
        }

        return time >= t1 ? e1 : e0 + ((e1 - e0) * (time - t0) / (t1 - t0));
    }
}
