namespace GenEft.Graphs;

/// <summary>
/// nauty's sparse6 format (undirected graphs, loops allowed, no colours): ':', N(n), then a stream of
/// (b, x) pairs with k = ceil(log2 n) bits per x, decoded as in nauty's formats.txt. Multiple edges
/// collapse to one. One graph per line; an optional <c>&gt;&gt;sparse6&lt;&lt;</c> header is accepted.
/// </summary>
public static class Sparse6Format
{
    /// <summary>Parses one sparse6 string.</summary>
    /// <param name="text">The encoded graph (without newline).</param>
    /// <returns>The undirected graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid sparse6; the message gives the byte position.</exception>
    public static Graph Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0);
    }

    internal static Graph Parse(string text, int lineNumber)
    {
        int pos = Graph6Format.StripHeader(text, ">>sparse6<<");
        var reader = new SixBitReader(text, pos, lineNumber);
        if (pos >= text.Length || text[pos] != ':') throw reader.Error("sparse6 must start with ':'.");
        reader = new SixBitReader(text, pos + 1, lineNumber);
        int n = reader.ReadSize();
        int k = BitWidth(n);
        var edges = new List<(int, int)>();
        long v = 0;
        while (reader.BitsRemaining >= 1 + k)
        {
            bool b = reader.ReadBit();
            long x = 0;
            for (int i = 0; i < k; i++) x = (x << 1) | (reader.ReadBit() ? 1L : 0L);
            if (b) v++;
            if (x >= n || v >= n) break; // padding with ones
            if (x > v) v = x;
            else edges.Add(((int)x, (int)v));
        }
        while (reader.BitsRemaining > 0) reader.ReadBit(); // validates the remaining characters
        return Graph.FromEdges(n, edges.ToArray(), directed: false);
    }

    /// <summary>Reads every graph of a sparse6 stream, one per non-empty line.</summary>
    /// <param name="reader">The text source.</param>
    /// <returns>The graphs in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is not valid sparse6; the message gives line and byte.</exception>
    public static List<Graph> ReadAll(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var graphs = new List<Graph>();
        int line = 0;
        for (string? s = reader.ReadLine(); s is not null; s = reader.ReadLine())
        {
            line++;
            if (s.Length == 0) continue;
            graphs.Add(Parse(s, line));
        }
        return graphs;
    }

    /// <summary>Encodes an undirected graph without colours as sparse6 (no header, no newline).</summary>
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
        // Ones in the padding would decode as an edge to n - 1 when n = 2^k and k < 6; a leading zero avoids it.
        if (k < 6 && n == 1 << k && padding >= k && current < n - 1) writer.WriteBit(false);
        return writer.Finish(padWithOnes: true);
    }

    private static int BitWidth(int n)
    {
        int k = 1;
        while (k < 31 && (1L << k) < n) k++;
        return k;
    }
}
