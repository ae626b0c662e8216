namespace GenEft.Analysis;

/// <summary>
/// The criterion of <see cref="LossSpikeDetector"/>. With b(t) the median of the <see cref="Window"/> losses before t,
/// a spike starts at t when loss[t] &gt; <see cref="Factor"/> b(t), loss[t] - b(t) &gt; <see cref="MinIncrease"/> and
/// loss[t-1] &lt;= Factor b(t) (the rise starts at t),
/// and it counts only if the loss returns to at most Factor b(t) within <see cref="MaxDuration"/> points after t
/// (a rise that does not come back is a level change, not a spike).
/// </summary>
/// <param name="Window">The number of previous points whose median is the baseline b(t); at least 1.</param>
/// <param name="Factor">How many times the baseline a point must exceed; greater than 1 and finite.</param>
/// <param name="MaxDuration">The most points after the start by which the loss must be back at or below Factor b; at least 1.</param>
/// <param name="MinIncrease">The least absolute excess loss[t] - b(t) (keeps relative noise on a loss near 0 from counting); at least 0 and finite.</param>
public sealed record LossSpikeCriterion(int Window = 10, double Factor = 2, int MaxDuration = 10, double MinIncrease = 0)
{
    /// <summary>Throws when a parameter is outside its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public void Validate()
    {
        if (Window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be at least 1.");
        }

        if (!(Factor > 1 && double.IsFinite(Factor)))
        {
            throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "Factor must be greater than 1 and finite.");
        }

        if (MaxDuration < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDuration), MaxDuration, "MaxDuration must be at least 1.");
        }

        if (!(MinIncrease >= 0 && double.IsFinite(MinIncrease)))
        {
            throw new ArgumentOutOfRangeException(nameof(MinIncrease), MinIncrease, "MinIncrease must be at least 0 and finite.");
        }
    }
}
