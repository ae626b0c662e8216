namespace GenEft.Relations;

/// <summary>
/// A set of samples ((Left[t], Right[t]) -> Label[t]) of a relation, as parallel arrays (label 1 when the pair
/// is in the relation, 0 otherwise). The arrays are owned by this object: do not modify them.
/// </summary>
/// <param name="Left">Left elements.</param>
/// <param name="Right">Right elements.</param>
/// <param name="Label">Labels, 0 or 1.</param>
public sealed record RelationSamples(int[] Left, int[] Right, int[] Label)
{
    /// <summary>The number of samples.</summary>
    public int Count => Left.Length;
}

/// <summary>A train/test split of a <see cref="RelationDataset"/>; the two parts are disjoint and cover all n^2 samples.</summary>
/// <param name="Train">The training samples.</param>
/// <param name="Test">The test samples.</param>
public sealed record RelationSplit(RelationSamples Train, RelationSamples Test);
