using GenEft.Graphs;
using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// The exact description length of one concrete relation, b = log2(n! / |Aut(G)|) (GenEFT Section III): the number
/// of distinct relations isomorphic to it, with G its directed graph (<see cref="RelationGraphs.ToGraph"/>, self-loops
/// as a vertex colour) and Aut(G) computed by an <see cref="IAutomorphismEngine"/>.
/// </summary>
public static class OrbitDescriptionLength
{
    /// <summary>b = log2 n! - log2 |Aut(G)|.</summary>
    /// <param name="relation">The relation.</param>
    /// <param name="engine">The automorphism engine; null for <see cref="AutomorphismSearch.Default"/>.</param>
    /// <param name="cancellationToken">Cancels a long automorphism search.</param>
    /// <returns>b in bits (0 for a relation fixed by every relabelling, log2 n! for a total order).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static double Of(Relation relation, IAutomorphismEngine? engine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relation);
        var group = (engine ?? AutomorphismSearch.Default).Compute(RelationGraphs.ToGraph(relation), cancellationToken);
        return Math.Max(0, ExactDescriptionLength.TotalOrder(relation.Size) - group.Log2Order);
    }
}
