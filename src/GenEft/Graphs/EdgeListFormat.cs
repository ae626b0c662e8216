using System.Globalization;
using System.Runtime.InteropServices;

namespace GenEft.Graphs;

/// <summary>
/// Plain edge lists as networkx's <c>read_edgelist</c> writes them: one edge <c>u v</c> per line,
/// vertices numbered from 0, blank lines and <c>#</c> comments ignored.
/// </summary>
public static class EdgeListFormat
{
    /// <summary>Reads an edge list.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="directed">Whether <c>u v</c> is the ordered pair (u, v).</param>
    /// <param name="vertexCount">Number of vertices, or -1 for one more than the largest vertex seen.</param>
    /// <param name="limits">Caps on vertices and edge lines; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The uncoloured graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vertexCount"/> is below -1 or above the limit MaxVertices.</exception>
    /// <exception cref="FormatException">A line is malformed, names a vertex outside [0, vertexCount) (or, with vertexCount = -1, at or above MaxVertices), or passes MaxEdges; the message gives the line.</exception>
    public static Graph Read(TextReader reader, bool directed = false, int vertexCount = -1, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        limits ??= GraphReadLimits.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(vertexCount, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vertexCount, limits.MaxVertices);
        int max = (vertexCount < 0 ? limits.MaxVertices : vertexCount) - 1;
        string? limitName = vertexCount < 0 ? "MaxVertices - 1" : null;
        var edges = new List<(int, int)>();
        int largest = -1, lineNumber = 0;
        Span<Range> parts = stackalloc Range[4];
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var span = line.AsSpan();
            int hash = span.IndexOf('#');
            if (hash >= 0) span = span[..hash];
            span = span.Trim();
            if (span.IsEmpty) continue;
            int count = span.SplitAny(parts, " \t,", StringSplitOptions.RemoveEmptyEntries);
            if (count < 2) throw DimacsFormat.Error(lineNumber, "expected '<u> <v>'.");
            int a = DimacsFormat.ParseInt(span[parts[0]], lineNumber, 0, max, limitName);
            int b = DimacsFormat.ParseInt(span[parts[1]], lineNumber, 0, max, limitName);
            if (edges.Count >= limits.MaxEdges)
                throw DimacsFormat.Error(lineNumber, $"more than MaxEdges = {limits.MaxEdges} edges (see GraphReadLimits).");
            edges.Add((a, b));
            largest = Math.Max(largest, Math.Max(a, b));
        }
        return Graph.FromEdges(vertexCount < 0 ? largest + 1 : vertexCount, CollectionsMarshal.AsSpan(edges), directed);
    }

    /// <summary>Writes one <c>u v</c> line per edge (colours are not representable and are dropped).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Graph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (a, b) in graph.Edges()) writer.Write(string.Create(CultureInfo.InvariantCulture, $"{a} {b}\n"));
    }
}
