using GenEft.Graphs;

namespace GenEft.Cli.Input;

/// <summary>One graph read from a file, with where it came from and how its vertices are numbered there.</summary>
/// <param name="Graph">The graph.</param>
/// <param name="Index">Its position in the file, from 1.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="VertexBase">The number of the first vertex in that format (1 for DIMACS, 0 otherwise).</param>
internal sealed record GraphFileEntry(Graph Graph, int Index, GraphFileFormat Format, int VertexBase);

/// <summary>Reads every graph of a file in one of the <see cref="GraphFileFormat"/>s, detecting the format when asked.</summary>
internal static class GraphFile
{
    /// <summary>The graphs of <paramref name="text"/>, in file order.</summary>
    /// <exception cref="CliInputException">The format cannot be told, or --directed was given for a format that fixes directedness.</exception>
    /// <exception cref="FormatException">The text is not valid in the format.</exception>
    public static IReadOnlyList<GraphFileEntry> Read(string text, GraphFileFormat format, bool directed)
    {
        bool detected = format == GraphFileFormat.Auto;
        if (detected) format = Detect(text);
        if (directed && format is GraphFileFormat.Graph6 or GraphFileFormat.Sparse6 or GraphFileFormat.Digraph6)
            throw new CliInputException($"--directed applies to DIMACS and edge lists only; {Name(format)} says itself whether a graph is directed.");

        var reader = new StringReader(text);
        List<Graph> graphs;
        try
        {
            graphs = format switch
            {
                GraphFileFormat.Graph6 => Graph6Format.ReadAll(reader),
                GraphFileFormat.Sparse6 => Sparse6Format.ReadAll(reader),
                GraphFileFormat.Digraph6 => Digraph6Format.ReadAll(reader),
                GraphFileFormat.Dimacs => [DimacsFormat.Read(reader, directed)],
                GraphFileFormat.EdgeList => [EdgeListFormat.Read(reader, directed)],
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown graph format."),
            };
        }
        catch (FormatException e)
        {
            throw new FormatException($"Not valid {Name(format)}{(detected ? " (the format detected from the first line; --format overrides it)" : string.Empty)}: {e.Message}", e);
        }

        if (graphs.Count == 0) throw new CliInputException($"The {Name(format)} input holds no graph.");
        int vertexBase = format == GraphFileFormat.Dimacs ? 1 : 0;
        return [.. graphs.Select((g, i) => new GraphFileEntry(g, i + 1, format, vertexBase))];
    }

    /// <summary>
    /// The format of a file from its first non-blank line: a <c>&gt;&gt;graph6&lt;&lt;</c>-style header, ':' (sparse6),
    /// '&amp;' (digraph6), a DIMACS 'c' or 'p' line, a '#' comment or two integers (edge list), or printable characters
    /// 63..126 only (graph6). graph6 never contains spaces or digits, so the rules cannot overlap.
    /// </summary>
    /// <exception cref="CliInputException">The line fits none of the formats.</exception>
    public static GraphFileFormat Detect(string text)
    {
        string? line = FirstNonBlankLine(text);
        if (line is null) throw new CliInputException("The input is empty: no graph to read.");
        if (line.StartsWith(">>graph6<<", StringComparison.Ordinal)) return GraphFileFormat.Graph6;
        if (line.StartsWith(">>sparse6<<", StringComparison.Ordinal)) return GraphFileFormat.Sparse6;
        if (line.StartsWith(">>digraph6<<", StringComparison.Ordinal)) return GraphFileFormat.Digraph6;
        if (line[0] == ':') return GraphFileFormat.Sparse6;
        if (line[0] == '&') return GraphFileFormat.Digraph6;
        string[] tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens[0] is "c" or "p" && (tokens.Length > 1 || line == "c")) return GraphFileFormat.Dimacs;
        if (line[0] == '#' || tokens.Length >= 2 && int.TryParse(tokens[0], out _)) return GraphFileFormat.EdgeList;
        if (line.Split([',']) is [var u, var v, ..] && int.TryParse(u, out _) && int.TryParse(v.Trim(), out _)) return GraphFileFormat.EdgeList;
        if (line.All(c => c >= 63 && c <= 126)) return GraphFileFormat.Graph6;
        throw new CliInputException(
            $"Cannot tell the format of the first line \"{Shorten(line)}\"; pass --format (graph6, sparse6, digraph6, dimacs or edge-list).");
    }

    /// <summary>The format's name as the --format option spells it.</summary>
    public static string Name(GraphFileFormat format) => format switch
    {
        GraphFileFormat.EdgeList => "edge-list",
        _ => format.ToString().ToLowerInvariant(),
    };

    private static string? FirstNonBlankLine(string text)
    {
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            var trimmed = range.Trim();
            if (!trimmed.IsEmpty) return trimmed.ToString();
        }

        return null;
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";
}
