using System.Text;

namespace GenEft.Graphs;

/// <summary>
/// nauty's graph6 format (simple undirected graphs, no loops or colours): N(n) followed by the upper
/// triangle of the adjacency matrix, column by column, six bits per printable byte (value + 63).
/// One graph per line; an optional <c>&gt;&gt;graph6&lt;&lt;</c> header is accepted.
/// </summary>
public static class Graph6Format
{
    /// <summary>Parses one graph6 string.</summary>
    /// <param name="text">The encoded graph (without newline).</param>
    /// <returns>The undirected graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid graph6; the message gives the byte position.</exception>
    public static Graph Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0);
    }

    internal static Graph Parse(string text, int lineNumber)
    {
        int pos = StripHeader(text, ">>graph6<<");
        var reader = new SixBitReader(text, pos, lineNumber);
        int n = reader.ReadSize();
        var edges = new List<(int, int)>();
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
                if (reader.ReadBit()) edges.Add((i, j));
        reader.ExpectEnd();
        return Graph.FromEdges(n, edges.ToArray(), directed: false);
    }

    /// <summary>Reads every graph of a graph6 stream, one per non-empty line.</summary>
    /// <param name="reader">The text source.</param>
    /// <returns>The graphs in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A line is not valid graph6; the message gives line and byte.</exception>
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

    internal static int StripHeader(string text, string header)
        => text.StartsWith(header, StringComparison.Ordinal) ? header.Length : 0;
}

/// <summary>Reads the six-bit groups of graph6/sparse6/digraph6 strings, reporting errors by byte position.</summary>
internal struct SixBitReader(string text, int position, int lineNumber)
{
    private int _pos = position;
    private int _bitsLeft;
    private int _current;

    public int Position => _pos;

    public FormatException Error(string message)
        => new(lineNumber > 0 ? $"Line {lineNumber}, byte {_pos}: {message}" : $"Byte {_pos}: {message}");

    public int ReadByte()
    {
        if (_pos >= text.Length) throw Error("unexpected end of data.");
        int c = text[_pos];
        if (c < 63 || c > 126) throw Error($"character '{text[_pos]}' (code {c}) is outside the printable range 63..126.");
        _pos++;
        return c - 63;
    }

    public int ReadSize()
    {
        int first = ReadByte();
        if (first < 63) return first;
        int second = ReadByte();
        if (second < 63)
        {
            long n = ((long)second << 12) | ((long)ReadByte() << 6) | (long)ReadByte();
            return (int)n;
        }
        long big = 0;
        for (int i = 0; i < 6; i++) big = (big << 6) | (long)ReadByte();
        if (big > int.MaxValue) throw Error($"vertex count {big} exceeds {int.MaxValue}.");
        return (int)big;
    }

    public bool ReadBit()
    {
        if (_bitsLeft == 0)
        {
            _current = ReadByte();
            _bitsLeft = 6;
        }
        _bitsLeft--;
        return ((_current >> _bitsLeft) & 1) != 0;
    }

    public bool HasMoreBits => _bitsLeft > 0 || _pos < text.Length;

    public int BitsRemaining => _bitsLeft + 6 * (text.Length - _pos);

    public void ExpectEnd()
    {
        if (_pos != text.Length) throw Error($"{text.Length - _pos} unexpected trailing characters.");
    }
}

/// <summary>Writes six-bit groups for graph6/sparse6/digraph6.</summary>
internal sealed class SixBitWriter
{
    private readonly StringBuilder _sb = new();
    private int _current;
    private int _bits;

    public int PendingBits => _bits;

    public void WriteRaw(char c) => _sb.Append(c);

    public void WriteSize(int n)
    {
        if (n < 63) _sb.Append((char)(n + 63));
        else if (n < 258048)
        {
            _sb.Append('~');
            for (int s = 12; s >= 0; s -= 6) _sb.Append((char)(((n >> s) & 63) + 63));
        }
        else
        {
            _sb.Append("~~");
            for (int s = 30; s >= 0; s -= 6) _sb.Append((char)((int)(((long)n >> s) & 63) + 63));
        }
    }

    public void WriteBit(bool bit)
    {
        _current = (_current << 1) | (bit ? 1 : 0);
        if (++_bits == 6)
        {
            _sb.Append((char)(_current + 63));
            _current = 0;
            _bits = 0;
        }
    }

    public void WriteBits(int value, int width)
    {
        for (int s = width - 1; s >= 0; s--) WriteBit(((value >> s) & 1) != 0);
    }

    public string Finish(bool padWithOnes)
    {
        while (_bits != 0) WriteBit(padWithOnes);
        return _sb.ToString();
    }
}
