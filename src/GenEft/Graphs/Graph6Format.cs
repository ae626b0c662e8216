using System.Runtime.InteropServices;

namespace GenEft.Graphs;

/// <summary>
/// nauty's graph6 format (simple undirected graphs, no loops or colours): N(n) followed by the upper
/// triangle of the adjacency matrix, column by column, six bits per printable byte (value + 63).
/// One graph per line; an optional <c>&gt;&gt;graph6&lt;&lt;</c> header is accepted, and so are trailing
/// whitespace and line ends (a string read with File.ReadAllText parses).
/// </summary>
public static class Graph6Format
{
    /// <summary>Parses one graph6 string.</summary>
    /// <param name="text">The encoded graph; trailing whitespace is ignored.</param>
    /// <param name="limits">Caps on vertices and edges; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The undirected graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid graph6, is shorter than its vertex count needs, or passes a limit; the message gives the byte position.</exception>
    public static Graph Parse(string text, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0, limits ?? GraphReadLimits.Default);
    }

    internal static Graph Parse(string text, int lineNumber, GraphReadLimits limits)
    {
        int pos = SixBitReader.HeaderLength(text, ">>graph6<<");
        var reader = new SixBitReader(text, pos, SixBitReader.ContentEnd(text), lineNumber);
        int n = reader.ReadSize(limits.MaxVertices);
        reader.RequireBits((long)n * (n - 1) / 2, n);
        var edges = new List<(int, int)>();
        for (int j = 1; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                if (!reader.ReadBit()) continue;
                reader.CheckEdgeCount(edges.Count, limits.MaxEdges);
                edges.Add((i, j));
            }
        }
        reader.ExpectEnd();
        return Graph.FromEdges(n, CollectionsMarshal.AsSpan(edges), directed: false);
    }

    /// <summary>Reads every graph of a graph6 stream, one per line; blank lines are skipped.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="limits">Caps on vertices and edges of each graph; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The graphs in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is not valid graph6 or passes a limit; the message gives line and byte.</exception>
    public static List<Graph> ReadAll(TextReader reader, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SixBitLines.ReadAll(reader, limits ?? GraphReadLimits.Default, Parse);
    }

    /// <summary>Encodes an undirected graph without loops or colours as graph6 (no header, no newline).</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The graph6 string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph is directed, coloured or has a self-loop (graph6 cannot hold them).</exception>
    public static string Format(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected) throw new ArgumentException("graph6 holds undirected graphs only; use Digraph6Format.", nameof(graph));
        if (graph.IsColored) throw new ArgumentException("graph6 cannot hold vertex colours; use DimacsFormat.", nameof(graph));
        int n = graph.VertexCount;
        for (int v = 0; v < n; v++)
            if (graph.HasEdge(v, v)) throw new ArgumentException($"graph6 cannot hold the self-loop at vertex {v}; use Sparse6Format.", nameof(graph));
        var writer = new SixBitWriter();
        writer.WriteSize(n);
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
                writer.WriteBit(graph.HasEdge(i, j));
        return writer.Finish(padWithOnes: false);
    }
}
