namespace GenEft.Graphs;

/// <summary>The line loop the graph6-family <c>ReadAll</c> methods share: one graph per line, blank lines skipped.</summary>
internal static class SixBitLines
{
    public static List<Graph> ReadAll(TextReader reader, GraphReadLimits limits, Func<string, int, GraphReadLimits, Graph> parse)
    {
        var graphs = new List<Graph>();
        int line = 0;
        for (string? s = reader.ReadLine(); s is not null; s = reader.ReadLine())
        {
            line++;
            if (string.IsNullOrWhiteSpace(s)) continue;
            graphs.Add(parse(s, line, limits));
        }
        return graphs;
    }
}
