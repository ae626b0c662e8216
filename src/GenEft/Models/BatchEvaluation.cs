namespace GenEft.Models;

/// <summary>What a model computed on one batch: its mean loss and how many of its predictions were right.</summary>
public readonly record struct BatchEvaluation
{
    /// <summary>Creates an evaluation.</summary>
    /// <param name="loss">The mean loss over the batch (any value: NaN or infinite means the model diverged).</param>
    /// <param name="correct">Correct predictions, in [0, <paramref name="count"/>].</param>
    /// <param name="count">Predictions made, at least 1 (pairs, samples, or sequence positions: the model's unit).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="correct"/> is outside [0, count].</exception>
    public BatchEvaluation(double loss, long correct, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, count);
        Loss = loss;
        Correct = correct;
        Count = count;
    }

    /// <summary>The mean loss over the batch.</summary>
    public double Loss { get; }

    /// <summary>Correct predictions.</summary>
    public long Correct { get; }

    /// <summary>Predictions made.</summary>
    public long Count { get; }

    /// <summary>Correct / Count, in [0, 1]; exactly 1 only when every prediction is right.</summary>
    public double Accuracy => (double)Correct / Count;
}
