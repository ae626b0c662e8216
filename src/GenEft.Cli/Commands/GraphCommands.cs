using System.CommandLine;
using System.Globalization;
using GenEft.Cli.Input;
using GenEft.Cli.Output;
using GenEft.Graphs;

namespace GenEft.Cli.Commands;

/// <summary><c>geneft graph</c>: commands on graph files; today <c>aut</c>.</summary>
internal static class GraphCommands
{
    public static Command Create(Func<TextReader> standardInput)
    {
        var graph = new Command("graph", "Commands on graph files (graph6, sparse6, digraph6, DIMACS, edge lists)");
        graph.Subcommands.Add(CreateAut(standardInput));
        return graph;
    }

    private static Command CreateAut(Func<TextReader> standardInput)
    {
        var file = new Argument<string>("file")
        {
            Description = "The graph file; - reads standard input. graph6, sparse6 and digraph6 files may hold one graph per line",
        };
        ParseValues.RejectOptionLikeTokens(file);
        var format = new Option<string>("--format", "-f")
        {
            Description = "The file format; auto decides from the first line",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. FormatNames.Keys]);
        var directed = new Option<bool>("--directed")
        {
            Description = "Read DIMACS 'e u v' or edge-list 'u v' lines as arcs u -> v (graph6/sparse6/digraph6 fix directedness themselves)",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per graph (JSON Lines) instead of text" };

        var aut = new Command("aut", "The automorphism group of each graph: its order, log2 order, orbits and a generating set")
        {
            file, format, directed, json,
        };
        CommandActions.Set(aut, standardInput, (parseResult, context, cancellationToken) =>
        {
            string path = parseResult.GetValue(file)!;
            string text = InputText.Read(path, context);
            var entries = GraphFile.Read(text, FormatNames[parseResult.GetValue(format)!], parseResult.GetValue(directed));
            bool asJson = parseResult.GetValue(json);
            var progress = entries.Count > 1 ? context.Progress($"graph aut {InputText.DisplayName(path)}") : null;
            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var group = AutomorphismSearch.Default.Compute(entry.Graph, cancellationToken);
                if (asJson) context.WriteResult(Json(entry, group));
                else WriteText(context, entry, group, entries.Count);
                progress?.Report((i + 1.0) / entries.Count);
            }

            progress?.Finish();
            return ExitCodes.Success;
        });
        return aut;
    }

    private static readonly Dictionary<string, GraphFileFormat> FormatNames = new()
    {
        ["auto"] = GraphFileFormat.Auto,
        ["graph6"] = GraphFileFormat.Graph6,
        ["sparse6"] = GraphFileFormat.Sparse6,
        ["digraph6"] = GraphFileFormat.Digraph6,
        ["dimacs"] = GraphFileFormat.Dimacs,
        ["edge-list"] = GraphFileFormat.EdgeList,
    };

    private static void WriteText(CliContext context, GraphFileEntry entry, AutomorphismGroup group, int graphCount)
    {
        var inv = CultureInfo.InvariantCulture;
        var g = entry.Graph;
        var orbits = Permutations.OrbitsFromRepresentatives(group.OrbitRepresentatives);
        var lines = new List<string>();
        if (graphCount > 1 && entry.Index > 1) lines.Add(string.Empty);
        lines.Add(string.Create(inv, $"graph {entry.Index}: {g.VertexCount} vertices, {g.EdgeCount} {(g.IsDirected ? "arcs" : "edges")}, {(g.IsDirected ? "directed" : "undirected")} ({GraphFile.Name(entry.Format)}, vertices numbered from {entry.VertexBase})"));
        lines.Add(string.Create(inv, $"order: {group.Order}"));
        lines.Add(string.Create(inv, $"log2 order: {group.Log2Order:F6}"));
        lines.Add(string.Create(inv, $"orbits: {orbits.Count}"));
        foreach (var orbit in orbits) lines.Add("  " + string.Join(' ', orbit.Select(v => v + entry.VertexBase)));
        lines.Add(string.Create(inv, $"generators: {group.Generators.Count}"));
        foreach (int[] generator in group.Generators) lines.Add("  " + Permutations.CycleNotation(Permutations.Cycles(generator), entry.VertexBase));
        context.WriteResult(string.Join(Environment.NewLine, lines));
    }

    private static string Json(GraphFileEntry entry, AutomorphismGroup group) => JsonLine.Object(w =>
    {
        w.WriteNumber("graph", entry.Index);
        w.WriteString("format", GraphFile.Name(entry.Format));
        w.WriteNumber("vertices", entry.Graph.VertexCount);
        w.WriteNumber("edges", entry.Graph.EdgeCount);
        w.WriteBoolean("directed", entry.Graph.IsDirected);
        w.WriteNumber("vertexBase", entry.VertexBase);
        w.WritePropertyName("order");
        w.WriteRawValue(group.Order.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("log2Order", group.Log2Order);
        var orbits = Permutations.OrbitsFromRepresentatives(group.OrbitRepresentatives);
        w.WriteNumber("orbitCount", orbits.Count);
        w.WriteNestedArray("orbits", orbits.Select(o => o.Select(v => v + entry.VertexBase)));
        w.WriteNumber("generatorCount", group.Generators.Count);
        w.WriteStartArray("generators");
        foreach (int[] generator in group.Generators)
        {
            w.WriteStartArray();
            foreach (var cycle in Permutations.Cycles(generator))
            {
                w.WriteStartArray();
                foreach (int v in cycle) w.WriteNumberValue(v + entry.VertexBase);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    });
}
