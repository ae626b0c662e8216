namespace GenEft.Analysis;

/// <summary>One spike of a loss curve found by <see cref="LossSpikeDetector"/>.</summary>
/// <param name="Start">The first index above Factor x Baseline.</param>
/// <param name="Peak">The index of the largest loss in [Start, End).</param>
/// <param name="End">The first index after Start back at or below Factor x Baseline (the spike is [Start, End)).</param>
/// <param name="Baseline">b, the median of the Window losses before Start.</param>
/// <param name="PeakLoss">loss[Peak].</param>
/// <param name="PeakTime">The time of the peak: times[Peak] when times were given, otherwise Peak.</param>
public sealed record LossSpike(int Start, int Peak, int End, double Baseline, double PeakLoss, double PeakTime)
{
    /// <summary>PeakLoss / Baseline (infinite for a zero baseline).</summary>
    public double Magnitude => PeakLoss / Baseline;

    /// <summary>End - Start, the number of points above the threshold.</summary>
    public int Duration => End - Start;
}
