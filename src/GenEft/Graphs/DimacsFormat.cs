using System.Globalization;
using System.Runtime.InteropServices;

namespace GenEft.Graphs;

/// <summary>
/// The DIMACS graph format as read by bliss: <c>c</c> comment lines, one <c>p edge N M</c> line, then
/// <c>n v c</c> vertex-colour lines and <c>e u v</c> edge lines with vertices numbered from 1. The
/// directedness is not part of the file and is given by the caller (bliss's <c>-directed</c>). The number of
/// <c>e</c> lines must equal the M of the <c>p</c> line (a repeated edge is a line like any other; it collapses in the
/// graph), which is also what <see cref="Write"/> produces.
/// </summary>
public static class DimacsFormat
{
    /// <summary>Reads a DIMACS graph.</summary>
    /// <param name="reader">The text source.</param>
    /// <param name="directed">Whether <c>e u v</c> is the ordered pair (u, v).</param>
    /// <param name="limits">Caps on N and M; null for <see cref="GraphReadLimits.Default"/>. Buffers are never sized from M.</param>
    /// <returns>The graph, with the colours of the <c>n</c> lines (0 elsewhere).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed, has no <c>p</c> line, declares more vertices or edges than the limits allow, or has a number of <c>e</c> lines other than M; the message gives the line number.</exception>
    public static Graph Read(TextReader reader, bool directed = false, GraphReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        limits ??= GraphReadLimits.Default;
        int n = -1, pLine = 0;
        long declaredEdges = 0;
        // Colour lines are kept as read and spread into an n-sized array only once the whole file is valid, so a
        // failing file never costs O(n).
        var colorLines = new List<(int Vertex, int Colour)>();
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
                    if (n >= 0) throw Error(lineNumber, $"a second 'p' line (the first is line {pLine}).");
                    if (count != 4 || !span[parts[1]].SequenceEqual("edge") && !span[parts[1]].SequenceEqual("col"))
                        throw Error(lineNumber, "expected 'p edge <vertices> <edges>'.");
                    n = ParseInt(span[parts[2]], lineNumber, 0, limits.MaxVertices, "MaxVertices");
                    declaredEdges = ParseInt(span[parts[3]], lineNumber, 0, limits.MaxEdges, "MaxEdges");
                    pLine = lineNumber;
                    break;
                case 'e':
                    if (n < 0) throw Error(lineNumber, "'e' line before the 'p' line.");
                    if (count != 3) throw Error(lineNumber, "expected 'e <u> <v>'.");
                    if (edges.Count >= declaredEdges)
                        throw Error(lineNumber, $"more 'e' lines than the {declaredEdges} edges declared on line {pLine}.");
                    edges.Add((ParseInt(span[parts[1]], lineNumber, 1, n) - 1, ParseInt(span[parts[2]], lineNumber, 1, n) - 1));
                    break;
                case 'n':
                    if (n < 0) throw Error(lineNumber, "'n' line before the 'p' line.");
                    if (count != 3) throw Error(lineNumber, "expected 'n <vertex> <colour>'.");
                    int vertex = ParseInt(span[parts[1]], lineNumber, 1, n) - 1;
                    int colour = ParseInt(span[parts[2]], lineNumber, int.MinValue, int.MaxValue);
                    colorLines.Add((vertex, colour));
                    break;
                default:
                    throw Error(lineNumber, $"unknown line type '{span[parts[0]].ToString()}' (expected c, p, n or e).");
            }
        }
        if (n < 0) throw Error(lineNumber + 1, "end of input without a 'p edge <vertices> <edges>' line.");
        if (edges.Count != declaredEdges)
            throw Error(pLine, $"the 'p' line declares {declaredEdges} edges, but {edges.Count} 'e' lines follow.");
        int[]? colors = null;
        if (colorLines.Count > 0)
        {
            colors = new int[n];
            foreach (var (vertex, colour) in colorLines) colors[vertex] = colour;
        }
        return Graph.FromEdges(n, CollectionsMarshal.AsSpan(edges), directed, colors);
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

    /// <summary>Parses an integer in [min, max]; <paramref name="limitName"/> names the <see cref="GraphReadLimits"/> member that set max, if one did.</summary>
    internal static int ParseInt(ReadOnlySpan<char> text, int lineNumber, long min, long max, string? limitName = null)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error(lineNumber, $"'{text.ToString()}' is not an integer (or does not fit in 64 bits).");
        if (value < min || value > max)
        {
            string why = limitName is null ? "" : $" (the limit {limitName} = {max}, see GraphReadLimits)";
            throw Error(lineNumber, $"{value} is outside [{min}, {max}]{why}.");
        }
        return (int)value;
    }

    internal static FormatException Error(int lineNumber, string message) => new($"Line {lineNumber}: {message}");
}
