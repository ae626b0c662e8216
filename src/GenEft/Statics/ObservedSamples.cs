using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>Validation of training samples handed to an <see cref="IAccuracyBound"/>.</summary>
internal static class ObservedSamples
{
    public static void Validate(RelationSamples observed, int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(random);
        if (observed.Right.Length != observed.Count || observed.Label.Length != observed.Count)
            throw new ArgumentException("Left, Right and Label must have the same length.", nameof(observed));
        for (int t = 0; t < observed.Count; t++)
        {
            if ((uint)observed.Left[t] >= (uint)n || (uint)observed.Right[t] >= (uint)n)
                throw new ArgumentException($"Sample {t} has a pair outside [0, {n}).", nameof(observed));
            if ((uint)observed.Label[t] > 1)
                throw new ArgumentException($"Sample {t} has label {observed.Label[t]}; labels must be 0 or 1.", nameof(observed));
        }
    }
}
