using GenEft.Relations;

namespace GenEft.Graphs;

/// <summary>
/// Conversion between a relation and the directed graph whose automorphism group gives its description length
/// b = log2(n! / |Aut(G)|) (GenEFT Section III): vertex i per element, an arc i -> j for every (i, j) in R with
/// i != j, and self-loops (i, i) in R marked as vertex colour 1 (colour 0 otherwise), so automorphisms map
/// reflexive elements to reflexive elements.
/// </summary>
public static class RelationGraphs
{
    /// <summary>The directed graph of a relation (arcs for off-diagonal pairs, colour 1 for (i, i) in R).</summary>
    /// <param name="relation">The relation.</param>
    /// <returns>A directed graph on n vertices with |R| - (number of self-loops) arcs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public static Graph ToGraph(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        int n = relation.Size;
        var colors = new int[n];
        var arcs = new List<(int From, int To)>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (!relation.Get(i, j)) continue;
                if (i == j) colors[i] = 1;
                else arcs.Add((i, j));
            }
        return Graph.FromEdges(n, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(arcs), directed: true, colors);
    }

    /// <summary>
    /// The relation of a graph: (i, j) in R for every arc i -> j (both directions for an undirected edge), and (i, i)
    /// in R when i has a self-loop or a non-zero colour. Inverse of <see cref="ToGraph"/>.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The relation on the graph's vertices.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph has too many vertices for a relation's dense n x n bit matrix in one array (n above about 370,000).</exception>
    public static Relation ToRelation(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        long words = (long)graph.VertexCount * Relation.WordsFor(graph.VertexCount);
        if (words > Array.MaxLength)
            throw new ArgumentException($"A relation on {graph.VertexCount} elements needs a {graph.VertexCount} x {graph.VertexCount} bit matrix ({words} words), more than one array holds.", nameof(graph));
        var builder = new RelationBuilder(graph.VertexCount);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (graph.Color(v) != 0) builder.Add(v, v);
            foreach (int w in graph.OutNeighbors(v)) builder.Add(v, w);
        }
        return builder.ToRelation();
    }
}
