using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>
/// A batch of labelled examples of a <see cref="SupervisedDataset{T}"/>: dense features [Count, d], index columns
/// (column j holds the j-th index of each example, e.g. the two elements of a pair), or both; one integer label per
/// example. Minibatch sources reuse one batch object and overwrite its buffers on every step.
/// </summary>
/// <typeparam name="T">The element type of the features.</typeparam>
public sealed class SupervisedBatch<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReadOnlyMemory<int>[] _indices;

    /// <summary>Wraps the given arrays (not copied).</summary>
    /// <param name="features">[Count, d], or null when the examples are index tuples only.</param>
    /// <param name="indices">The index columns, each of length Count (empty when the examples are dense only).</param>
    /// <param name="labels">One label per example.</param>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/> is null.</exception>
    /// <exception cref="ArgumentException">No features and no index columns, features not rank 2, or the lengths disagree.</exception>
    public SupervisedBatch(DenseTensor<T>? features, IReadOnlyList<ReadOnlyMemory<int>> indices, ReadOnlyMemory<int> labels)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (features is null && indices.Count == 0)
        {
            throw new ArgumentException("A batch needs dense features, index columns, or both.", nameof(indices));
        }

        if (features is not null && (features.Rank != 2 || features.Rows != labels.Length))
        {
            throw new ArgumentException($"features has shape {features.Shape}; it must be [{labels.Length}, d] for {labels.Length} labels.", nameof(features));
        }

        for (int j = 0; j < indices.Count; j++)
        {
            if (indices[j].Length != labels.Length)
            {
                throw new ArgumentException($"Index column {j} has length {indices[j].Length}; it must match the {labels.Length} labels.", nameof(indices));
            }
        }

        Features = features;
        _indices = indices.ToArray();
        Labels = labels;
    }

    /// <summary>The number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>The dense features [Count, d], or null.</summary>
    public DenseTensor<T>? Features { get; }

    /// <summary>The index columns (column j: the j-th index of every example).</summary>
    public IReadOnlyList<ReadOnlyMemory<int>> Indices => _indices;

    /// <summary>The labels, one per example.</summary>
    public ReadOnlyMemory<int> Labels { get; }
}
