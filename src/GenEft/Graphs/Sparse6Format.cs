using System.Runtime.InteropServices;

namespace GenEft.Graphs;

/// <summary>
/// nauty's sparse6 format (undirected graphs, loops allowed, no colours): ':', N(n), then a stream of
/// (b, x) pairs with k bits per x, k the number of bits of n - 1 (so k = 0 for n = 1, as in nauty), decoded as in
/// nauty's formats.txt. Multiple edges collapse to one. One graph per line; an optional <c>&gt;&gt;sparse6&lt;&lt;</c>
/// header is accepted, and so are trailing whitespace and line ends. The writer reproduces nauty's bytes, padding
/// included. The incremental variant (lines starting with ';') is not supported.
/// </summary>
public static class Sparse6Format
{
    /// <summary>Parses one sparse6 string.</summary>
    /// <param name="text">The encoded graph; trailing whitespace is ignored.</param>
    /// <param name="limits">Caps on vertices and edges; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The undirected graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid sparse6 or passes a limit; the message gives the byte position.</exception>
    public static Graph Parse(string text, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0, limits ?? GraphReadLimits.Default);
    }

    internal static Graph Parse(string text, int lineNumber, GraphReadLimits limits)
    {
        int pos = SixBitReader.HeaderLength(text, ">>sparse6<<");
        int end = SixBitReader.ContentEnd(text);
        var reader = new SixBitReader(text, pos, end, lineNumber);
        if (pos >= end || text[pos] != ':') throw reader.Error("sparse6 must start with ':'.");
        reader = new SixBitReader(text, pos + 1, end, lineNumber);
        int n = reader.ReadSize(limits.MaxVertices);
        int k = BitWidth(n);
        var edges = new List<(int, int)>();
        long v = 0;
        while (reader.BitsRemaining >= 1 + k)
        {
            bool b = reader.ReadBit();
            long x = 0;
            for (int i = 0; i < k; i++) x = (x << 1) | (reader.ReadBit() ? 1L : 0L);
            if (b) v++;
            if (x >= n || v >= n) break; // padding with ones; nothing after it can be an edge
            if (x > v) v = x;
            else
            {
                reader.CheckEdgeCount(edges.Count, limits.MaxEdges);
                edges.Add(((int)x, (int)v));
            }
        }
        while (reader.BitsRemaining > 0) reader.ReadBit(); // validates the remaining characters
        return Graph.FromEdges(n, CollectionsMarshal.AsSpan(edges), directed: false);
    }

    /// <summary>Reads every graph of a sparse6 stream, one per line; blank lines are skipped.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="limits">Caps on vertices and edges of each graph; null for <see cref="GraphReadLimits.Default"/>.</param>
    /// <returns>The graphs in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is not valid sparse6 or passes a limit; the message gives line and byte.</exception>
    public static List<Graph> ReadAll(TextReader reader, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SixBitLines.ReadAll(reader, limits ?? GraphReadLimits.Default, Parse);
    }

    /// <summary>Encodes an undirected graph without colours as sparse6 (no header, no newline), byte for byte as nauty does.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The sparse6 string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph is directed or coloured.</exception>
    public static string Format(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected) throw new ArgumentException("sparse6 holds undirected graphs only; use Digraph6Format.", nameof(graph));
        if (graph.IsColored) throw new ArgumentException("sparse6 cannot hold vertex colours; use DimacsFormat.", nameof(graph));
        int n = graph.VertexCount;
        int k = BitWidth(n);
        var writer = new SixBitWriter();
        writer.WriteRaw(':');
        writer.WriteSize(n);
        int current = 0;
        for (int v = 0; v < n; v++)
        {
            foreach (int u in graph.OutNeighbors(v))
            {
                if (u > v) break;
                if (v == current) { writer.WriteBit(false); writer.WriteBits(u, k); }
                else if (v == current + 1) { current = v; writer.WriteBit(true); writer.WriteBits(u, k); }
                else
                {
                    current = v;
                    writer.WriteBit(true);
                    writer.WriteBits(v, k);
                    writer.WriteBit(false);
                    writer.WriteBits(u, k);
                }
            }
        }
        int padding = (6 - writer.PendingBits) % 6;
        // nauty's rule (formats.txt): padding with ones decodes as a pair (1, n - 1) when it holds k + 1 bits, which
        // adds the edge {n - 1, n - 1} exactly when n = 2^k and the last vertex written is n - 2; a leading 0 avoids it.
        if (padding >= k + 1 && n == 1 << k && current == n - 2) writer.WriteBit(false);
        return writer.Finish(padWithOnes: true);
    }

    /// <summary>Bits per vertex number: the bit length of n - 1 (0 for n &lt;= 1).</summary>
    private static int BitWidth(int n) => n <= 1 ? 0 : 32 - int.LeadingZeroCount(n - 1);
}
