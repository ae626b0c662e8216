using System.Globalization;

namespace GenEft.Graphs;

/// <summary>
/// The DIMACS graph format as read by bliss: <c>c</c> comment lines, one <c>p edge N M</c> line, then
/// <c>n v c</c> vertex-colour lines and <c>e u v</c> edge lines with vertices numbered from 1. The
/// directedness is not part of the file and is given by the caller (bliss's <c>-directed</c>).
/// </summary>
public static class DimacsFormat
{
    /// <summary>Reads a DIMACS graph.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="directed">Whether <c>e u v</c> is the ordered pair (u, v).</param>
    /// <returns>The graph, with the colours of the <c>n</c> lines (0 elsewhere).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed; the message gives the line number.</exception>
    public static Graph Read(TextReader reader, bool directed = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int n = -1;
        int[]? colors = null;
        var edges = new List<(int, int)>();
        int lineNumber = 0;
        Span<Range> parts = stackalloc Range[5];
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == 'c') continue;
            int count = span.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
            char kind = span[parts[0]].Length == 1 ? span[parts[0]][0] : '?';
            switch (kind)
            {
                case 'p':
                    if (n >= 0) throw Error(lineNumber, "a second 'p' line.");
                    if (count != 4 || !span[parts[1]].SequenceEqual("edge") && !span[parts[1]].SequenceEqual("col"))
                        throw Error(lineNumber, "expected 'p edge <vertices> <edges>'.");
                    n = ParseInt(span[parts[2]], lineNumber, 0, int.MaxValue);
                    int m = ParseInt(span[parts[3]], lineNumber, 0, int.MaxValue);
                    edges.Capacity = Math.Min(m, 1 << 26);
                    break;
                case 'e':
                    if (n < 0) throw Error(lineNumber, "'e' line before the 'p' line.");
                    if (count != 3) throw Error(lineNumber, "expected 'e <u> <v>'.");
                    edges.Add((ParseInt(span[parts[1]], lineNumber, 1, n) - 1, ParseInt(span[parts[2]], lineNumber, 1, n) - 1));
                    break;
                case 'n':
                    if (n < 0) throw Error(lineNumber, "'n' line before the 'p' line.");
                    if (count != 3) throw Error(lineNumber, "expected 'n <vertex> <colour>'.");
                    colors ??= new int[n];
                    colors[ParseInt(span[parts[1]], lineNumber, 1, n) - 1] = ParseInt(span[parts[2]], lineNumber, int.MinValue, int.MaxValue);
                    break;
                default:
                    throw Error(lineNumber, $"unknown line type '{span[parts[0]].ToString()}' (expected c, p, n or e).");
            }
        }
        if (n < 0) throw new FormatException("DIMACS input has no 'p edge' line.");
        return Graph.FromEdges(n, edges.ToArray(), directed, colors);
    }

    /// <summary>Writes a graph in DIMACS form (colour lines only for non-zero colours).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Graph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        var inv = CultureInfo.InvariantCulture;
        writer.Write(string.Create(inv, $"p edge {graph.VertexCount} {graph.EdgeCount}\n"));
        for (int v = 0; v < graph.VertexCount; v++)
        {
            int c = graph.Color(v);
            if (c != 0) writer.Write(string.Create(inv, $"n {v + 1} {c}\n"));
        }
        foreach (var (a, b) in graph.Edges()) writer.Write(string.Create(inv, $"e {a + 1} {b + 1}\n"));
    }

    internal static int ParseInt(ReadOnlySpan<char> text, int lineNumber, int min, int max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error(lineNumber, $"'{text.ToString()}' is not an integer.");
        if (value < min || value > max)
            throw Error(lineNumber, $"{value} is outside [{min}, {max}].");
        return (int)value;
    }

    internal static FormatException Error(int lineNumber, string message) => new($"Line {lineNumber}: {message}");
}
