using GenEft.Relations;

namespace GenEft.Tests.Relations;

/// <summary>Brute-force oracle: every one of the 2^(n^2) relations on n elements, from its bit mask.</summary>
internal static class AllRelations
{
    public static IEnumerable<Relation> On(int n)
    {
        int cells = n * n;
        for (long mask = 0; mask < 1L << cells; mask++)
        {
            long m = mask;
            yield return Relation.FromPredicate(n, (i, j) => (m >> (i * n + j) & 1) != 0);
        }
    }
}
