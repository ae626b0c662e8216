namespace GenEft.Experiments;

/// <summary>A number of optimizer steps or of epochs (an epoch is <c>IBatchSource.BatchesPerEpoch</c> steps).</summary>
public readonly record struct TrainingInterval
{
    private TrainingInterval(long count, bool epochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        IsEpochs = epochs;
    }

    /// <summary>The number of steps or epochs, &gt;= 0.</summary>
    public long Count { get; }

    /// <summary>Whether <see cref="Count"/> counts epochs (else steps).</summary>
    public bool IsEpochs { get; }

    /// <summary><paramref name="count"/> optimizer steps.</summary>
    /// <param name="count">At least 0.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static TrainingInterval Steps(long count) => new(count, epochs: false);

    /// <summary><paramref name="count"/> epochs.</summary>
    /// <param name="count">At least 0.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static TrainingInterval Epochs(long count) => new(count, epochs: true);

    /// <summary>The interval in steps.</summary>
    /// <param name="batchesPerEpoch">Steps per epoch, at least 1.</param>
    /// <returns>Count, or Count x batchesPerEpoch for epochs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchesPerEpoch"/> is below 1.</exception>
    /// <exception cref="OverflowException">The product does not fit a long.</exception>
    public long ToSteps(int batchesPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesPerEpoch, 1);
        return IsEpochs ? checked(Count * batchesPerEpoch) : Count;
    }

    /// <summary>"10 steps" or "1 epochs".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsEpochs ? $"{Count} epochs" : $"{Count} steps";
}
