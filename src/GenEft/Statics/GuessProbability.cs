namespace GenEft.Statics;

/// <summary>
/// p*, the probability that a pair not inferable from the data is in the relation (GenEFT Eq. 5 and the text after it).
/// </summary>
public static class GuessProbability
{
    /// <summary>Equivalence with k classes: p* = 1/k.</summary>
    /// <param name="classCount">k &gt;= 1.</param>
    /// <returns>1/k.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> &lt; 1.</exception>
    public static double Equivalence(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        return 1.0 / classCount;
    }

    /// <summary>Complete bipartite: p* = 1/2 (two clusters an element can belong to).</summary>
    public const double CompleteBipartite = 0.5;

    /// <summary>
    /// Total order (the GenEFT Table 1 "greater-than" relation, <see cref="Relations.RelationGenerators.LessThan"/>):
    /// p* ~ 1/3. Given x &lt; y, a third element z lies below, between or above with equal odds, so a guessed pair
    /// (x, z) or (y, z) is right with probability 1/3 (GenEFT text after Eq. 5).
    /// </summary>
    public const double TotalOrder = 1.0 / 3;

    /// <summary>The total-order value under its old name, after the paper's "greater-than" relation; equal to <see cref="TotalOrder"/>.</summary>
    [Obsolete("Use GuessProbability.TotalOrder (the same value; the classes here are named by relation class, like DescriptionLength.TotalOrder).")]
    public const double GreaterThan = TotalOrder;
}
