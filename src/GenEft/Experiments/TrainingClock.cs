namespace GenEft.Experiments;

/// <summary>
/// Turns steps into time (<see cref="TimeUnit"/>): t(s) = t(s0) + (s - s0) w, re-based at s0 whenever the reference
/// learning rate changes, so a constant rate gives t = s x lr exactly (one rounding), not a drifting running sum.
/// </summary>
internal struct TrainingClock(TimeUnit unit, int batchesPerEpoch)
{
    private long _baseStep;
    private double _baseTime;
    private double _rate;

    /// <summary>Whether the unit scales by the learning rate.</summary>
    public readonly bool UsesLearningRate => unit is TimeUnit.StepsTimesLearningRate or TimeUnit.EpochsTimesLearningRate;

    /// <summary>The time after <paramref name="step"/> steps.</summary>
    public readonly double Time(long step)
    {
        long n = step - _baseStep;
        return _baseTime + unit switch
        {
            TimeUnit.Steps => n,
            TimeUnit.Epochs => (double)n / batchesPerEpoch,
            TimeUnit.StepsTimesLearningRate => n * _rate,
            _ => n * _rate / batchesPerEpoch,
        };
    }

    /// <summary>Records the learning rate used by the update from <paramref name="step"/> to step + 1.</summary>
    public void BeforeUpdate(long step, double learningRate)
    {
        if (UsesLearningRate && learningRate != _rate)
        {
            _baseTime = Time(step);
            _baseStep = step;
            _rate = learningRate;
        }
    }
}
