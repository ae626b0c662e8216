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

    /// <summary>Greater-than: p* ~ 1/3 (given x &lt; y, a third element z lies between, below or above with equal odds).</summary>
    public const double GreaterThan = 1.0 / 3;
}
