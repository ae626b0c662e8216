using System.Globalization;
using GenEft.Relations;
using GenEft.Statics;

namespace GenEft.Cli.Input;

/// <summary>The relation classes the statics commands know, with their GenEFT Table 2 description length and Eq. 5 guess probability.</summary>
internal enum RelationKind
{
    /// <summary>An equivalence relation (reflexive, symmetric, transitive).</summary>
    Equivalence,

    /// <summary>A strict total order (irreflexive, transitive, total), such as x &lt; y.</summary>
    StrictTotalOrder,

    /// <summary>A non-strict total order (reflexive, antisymmetric, transitive, total), such as x &lt;= y.</summary>
    TotalOrder,

    /// <summary>A complete bipartite relation: (x, y) in R iff x and y lie on different sides of a split.</summary>
    CompleteBipartite,

    /// <summary>None of the above.</summary>
    Other,
}

/// <summary>What the statics commands know about a relation's class.</summary>
/// <param name="Kind">The class.</param>
/// <param name="Description">A short human description, e.g. "equivalence, 3 classes of sizes 10, 10, 10".</param>
/// <param name="Table2Bits">The GenEFT Table 2 estimate of b for the class.</param>
/// <param name="Table2Formula">How <paramref name="Table2Bits"/> is computed, e.g. "n log2 k".</param>
/// <param name="GuessProbability">p* of Eq. 5, or null when the class has none.</param>
internal sealed record RelationClass(RelationKind Kind, string Description, double Table2Bits, string Table2Formula, double? GuessProbability)
{
    /// <summary>Classifies a relation by its properties (GenEFT Table 2's classes).</summary>
    public static RelationClass Of(Relation relation)
    {
        int n = relation.Size;
        var inv = CultureInfo.InvariantCulture;
        if (relation.IsEquivalence)
        {
            int[] sizes = ClassSizes(relation.EquivalenceClassIndices());
            int k = sizes.Length;
            return new(RelationKind.Equivalence,
                string.Create(inv, $"equivalence, {k} {(k == 1 ? "class" : "classes")} of sizes {string.Join(", ", sizes)}"),
                DescriptionLength.Equivalence(n, k), "n log2 k", Statics.GuessProbability.Equivalence(k));
        }

        if (relation.IsStrictTotalOrder)
            return new(RelationKind.StrictTotalOrder, "strict total order", DescriptionLength.TotalOrder(n), "n log2(n/e)", Statics.GuessProbability.TotalOrder);
        if (relation.IsTotalOrder)
            return new(RelationKind.TotalOrder, "total order", DescriptionLength.TotalOrder(n), "n log2(n/e)", Statics.GuessProbability.TotalOrder);

        if (relation.IsIrreflexive && relation.IsSymmetric && n >= 2)
        {
            var sameSide = Relation.FromPredicate(n, (i, j) => !relation[i, j]);
            if (sameSide.IsEquivalence)
            {
                int[] sides = ClassSizes(sameSide.EquivalenceClassIndices());
                if (sides.Length == 2)
                    return new(RelationKind.CompleteBipartite, string.Create(inv, $"complete bipartite, parts of sizes {sides[0]} and {sides[1]}"),
                        DescriptionLength.CompleteBipartite(n), "n", Statics.GuessProbability.CompleteBipartite);
            }
        }

        return new(RelationKind.Other, "no Table 2 class beyond generic", DescriptionLength.Generic(n), "n^2 (generic)", null);
    }

    private static int[] ClassSizes(int[] labels) => [.. labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count())];
}
