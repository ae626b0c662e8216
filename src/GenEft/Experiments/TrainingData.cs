using System.Numerics;
using GenEft.Models;

namespace GenEft.Experiments;

/// <summary>
/// What <see cref="TrainingLoop"/> trains on and evaluates: the training batches of each step, and the training and test
/// sets for evaluation, each as one or more batches of the model's kind.
/// </summary>
/// <typeparam name="TBatch">The model's batch type.</typeparam>
public sealed class TrainingData<TBatch>
{
    /// <summary>Creates the data of one run.</summary>
    /// <param name="batches">The training batches (stateful: one source per run).</param>
    /// <param name="train">The training set for evaluation, as one or more batches (pooled: correct and count are summed, losses averaged by count).</param>
    /// <param name="test">The held-out set, as batches; null or empty for none (test accuracy NaN).</param>
    /// <exception cref="ArgumentNullException"><paramref name="batches"/> or <paramref name="train"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="train"/> is empty, or the source has fewer than 1 batch per epoch.</exception>
    public TrainingData(IBatchSource<TBatch> batches, IReadOnlyList<TBatch> train, IReadOnlyList<TBatch>? test = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set for evaluation needs at least one batch.", nameof(train));
        }

        if (batches.BatchesPerEpoch < 1)
        {
            throw new ArgumentException($"The batch source reports {batches.BatchesPerEpoch} batches per epoch; at least 1 is needed.", nameof(batches));
        }

        Batches = batches;
        Train = train;
        Test = test ?? [];
    }

    /// <summary>The training batches.</summary>
    public IBatchSource<TBatch> Batches { get; }

    /// <summary>The training set for evaluation.</summary>
    public IReadOnlyList<TBatch> Train { get; }

    /// <summary>The held-out set for evaluation (empty for none).</summary>
    public IReadOnlyList<TBatch> Test { get; }
}

/// <summary>Builds <see cref="TrainingData{TBatch}"/> from a <see cref="SupervisedSplit{T}"/>.</summary>
public static class TrainingData
{
    /// <summary>Full-batch training (<paramref name="batchSize"/> 0) or seeded minibatches on the split's training set; both sets evaluated whole.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="split">The split; its training set must not be empty.</param>
    /// <param name="batchSize">0 for full batch, else in [1, training-set size].</param>
    /// <param name="seed">Seed of the minibatch order (unused for full batch).</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="split"/> is null.</exception>
    /// <exception cref="ArgumentException">The training set is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is negative or exceeds the training set.</exception>
    public static TrainingData<SupervisedBatch<T>> FromSplit<T>(SupervisedSplit<T> split, int batchSize = 0, ulong seed = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(split);
        if (split.Train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(split));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        var batches = batchSize == 0 ? split.Train.FullBatches() : split.Train.Minibatches(batchSize, seed);
        return new TrainingData<SupervisedBatch<T>>(batches, [split.Train.AsBatch()], split.Test.Count > 0 ? [split.Test.AsBatch()] : []);
    }
}
