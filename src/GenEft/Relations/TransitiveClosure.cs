namespace GenEft.Relations;

/// <summary>Warshall's algorithm on bit rows: O(n^3 / 64).</summary>
internal static class TransitiveClosure
{
    public static Relation Of(Relation relation)
    {
        int n = relation.Size, words = relation.WordsPerRow;
        var bits = new ulong[n * words];
        for (int i = 0; i < n; i++) relation.Row(i).CopyTo(bits.AsSpan(i * words, words));
        for (int k = 0; k < n; k++)
        {
            var rowK = bits.AsSpan(k * words, words);
            for (int i = 0; i < n; i++)
            {
                if ((bits[i * words + (k >> 6)] >> (k & 63) & 1UL) == 0) continue;
                var rowI = bits.AsSpan(i * words, words);
                for (int w = 0; w < words; w++) rowI[w] |= rowK[w];
            }
        }
        return new Relation(n, bits);
    }
}
