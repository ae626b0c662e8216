using System.Runtime.InteropServices;

namespace GenEft.Graphs;

/// <summary>
/// nauty's digraph6 format (directed graphs, loops allowed, no colours): '&amp;', N(n), then the full
/// adjacency matrix row by row, six bits per printable byte. One digraph per line; an optional
/// <c>&gt;&gt;digraph6&lt;&lt;</c> header is accepted, and so are trailing whitespace and line ends.
/// </summary>
public static class Digraph6Format
{
    /// <summary>Parses one digraph6 string.</summary>
    /// <param name="text">The encoded digraph; trailing whitespace is ignored.</param>
    /// <param name="limits">Caps on vertices and edges; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The directed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid digraph6, is shorter than its vertex count needs, or passes a limit; the message gives the byte position.</exception>
    public static Graph Parse(string text, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0, limits ?? GraphReadLimits.Default);
    }

    internal static Graph Parse(string text, int lineNumber, GraphReadLimits limits)
    {
        int pos = SixBitReader.HeaderLength(text, ">>digraph6<<");
        int end = SixBitReader.ContentEnd(text);
        var reader = new SixBitReader(text, pos, end, lineNumber);
        if (pos >= end || text[pos] != '&') throw reader.Error("digraph6 must start with '&'.");
        reader = new SixBitReader(text, pos + 1, end, lineNumber);
        int n = reader.ReadSize(limits.MaxVertices);
        reader.RequireBits((long)n * n, n);
        var edges = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (!reader.ReadBit()) continue;
                reader.CheckEdgeCount(edges.Count, limits.MaxEdges);
                edges.Add((i, j));
            }
        }
        reader.ExpectEnd();
        return Graph.FromEdges(n, CollectionsMarshal.AsSpan(edges), directed: true);
    }

    /// <summary>Reads every digraph of a digraph6 stream, one per line; blank lines are skipped.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="limits">Caps on vertices and edges of each digraph; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The digraphs in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is not valid digraph6 or passes a limit; the message gives line and byte.</exception>
    public static List<Graph> ReadAll(TextReader reader, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SixBitLines.ReadAll(reader, limits ?? GraphReadLimits.Default, Parse);
    }

    /// <summary>Encodes a directed graph without colours as digraph6 (no header, no newline).</summary>
    /// <param name="graph">The digraph.</param>
    /// <returns>The digraph6 string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph is undirected or coloured.</exception>
    public static string Format(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.IsDirected) throw new ArgumentException("digraph6 holds directed graphs only; use Graph6Format or Sparse6Format.", nameof(graph));
        if (graph.IsColored) throw new ArgumentException("digraph6 cannot hold vertex colours; use DimacsFormat.", nameof(graph));
        int n = graph.VertexCount;
        var writer = new SixBitWriter();
        writer.WriteRaw('&');
        writer.WriteSize(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                writer.WriteBit(graph.HasEdge(i, j));
        return writer.Finish(padWithOnes: false);
    }
}
