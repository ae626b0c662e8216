namespace GenEft.Statics;

/// <summary>
/// The approximate description lengths b (bits) of GenEFT Table 2, one per relation class: the number of
/// independent bits needed to single out one relation of the class. These are the table's leading-order
/// estimates; <see cref="ExactDescriptionLength"/> gives log2 of the exact class sizes beside them.
/// </summary>
public static class DescriptionLength
{
    /// <summary>Generic relation: n^2 bits (Table 2).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Generic(int n) => Square(Checked(n));

    /// <summary>Symmetric relation: n(n+1)/2 bits (Table 2; exact).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Symmetric(int n) => Checked(n) * (n + 1.0) / 2;

    /// <summary>
    /// Antisymmetric relation: n(n-1)/2 bits (Table 2). The table counts one bit per unordered pair; the exact count
    /// 2^n 3^(n(n-1)/2) gives n + n(n-1)/2 log2 3 (see <see cref="ExactDescriptionLength.Antisymmetric"/>).
    /// </summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Antisymmetric(int n) => Checked(n) * (n - 1.0) / 2;

    /// <summary>Reflexive relation: n(n-1) bits (Table 2; exact).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double Reflexive(int n) => Checked(n) * (n - 1.0);

    /// <summary>
    /// Transitive relation: about n^2 / (&lt;k&gt; - 1)! bits, &lt;k&gt; the mean transitive chain length (Table 2,
    /// a heuristic: each chain of length k makes about (k - 1)! of its pairs inferable). The factorial is
    /// Gamma(&lt;k&gt;) so non-integer means are allowed.
    /// </summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <param name="meanChainLength">&lt;k&gt; &gt;= 1, finite.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="meanChainLength"/> is below 1, infinite or NaN.</exception>
    public static double Transitive(int n, double meanChainLength)
    {
        Checked(n);
        if (!(meanChainLength >= 1) || double.IsInfinity(meanChainLength))
            throw new ArgumentOutOfRangeException(nameof(meanChainLength), meanChainLength, "Must be finite and >= 1.");
        return n == 0 ? 0 : Math.Exp(2 * Math.Log(n) - LogCombinatorics.LogFactorial(meanChainLength - 1));
    }

    /// <summary>Equivalence with k classes: about n log2 k bits (Table 2; each element names its class).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <param name="classCount">k &gt;= 1.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="classCount"/> &lt; 1.</exception>
    public static double Equivalence(int n, int classCount)
    {
        Checked(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        return n * Math.Log2(classCount);
    }

    /// <summary>Total order: log2 n! ~ n log2(n / e) bits (Table 2, Stirling's approximation; 0 for n = 0).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double TotalOrder(int n) => Checked(n) == 0 ? 0 : n * Math.Log2(n / Math.E);

    /// <summary>Complete bipartite: n bits (Table 2; one bit per element says its side).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double CompleteBipartite(int n) => Checked(n);

    /// <summary>Incomplete bipartite with parts S1, S2: |S1||S2| bits (Table 2; one bit per cross pair).</summary>
    /// <param name="firstPartSize">|S1| &gt;= 0.</param>
    /// <param name="secondPartSize">|S2| &gt;= 0.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part size is negative.</exception>
    public static double IncompleteBipartite(int firstPartSize, int secondPartSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPartSize);
        ArgumentOutOfRangeException.ThrowIfNegative(secondPartSize);
        return (double)firstPartSize * secondPartSize;
    }

    /// <summary>Tree (ancestor relation): about n log2 &lt;d&gt; bits, &lt;d&gt; the mean node depth (Table 2).</summary>
    /// <param name="n">Number of elements, n &gt;= 0.</param>
    /// <param name="meanDepth">&lt;d&gt; &gt;= 1, finite.</param>
    /// <returns>b in bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="meanDepth"/> is below 1, infinite or NaN.</exception>
    public static double Tree(int n, double meanDepth)
    {
        Checked(n);
        if (!(meanDepth >= 1) || double.IsInfinity(meanDepth))
            throw new ArgumentOutOfRangeException(nameof(meanDepth), meanDepth, "Must be finite and >= 1.");
        return n * Math.Log2(meanDepth);
    }

    private static double Square(int n) => (double)n * n;

    private static int Checked(int n, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(n))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n, name);
        return n;
    }
}
