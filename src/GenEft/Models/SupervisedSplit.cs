using System.Numerics;

namespace GenEft.Models;

/// <summary>A train/test split of a <see cref="SupervisedDataset{T}"/>: disjoint, together every example once.</summary>
/// <typeparam name="T">The element type of the features.</typeparam>
/// <param name="Train">The training examples.</param>
/// <param name="Test">The held-out examples (may be empty).</param>
public sealed record SupervisedSplit<T>(SupervisedDataset<T> Train, SupervisedDataset<T> Test)
    where T : unmanaged, IFloatingPointIeee754<T>;
