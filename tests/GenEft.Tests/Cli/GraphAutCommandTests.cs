using System.Numerics;
using System.Text.Json;
using GenEft.Graphs;
using GenEft.Tests.Graphs;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft graph aut</c> against closed forms (Petersen 120, K_{3,4} 3!4! = 144, the empty graph n!) and against
/// the group its printed generators generate (closure by breadth-first search, every generator an automorphism).
/// </summary>
public class GraphAutCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string EdgeList(Graph g) => string.Concat(g.Edges().Select(e => $"{e.From} {e.To}\n"));

    private static string Dimacs(Graph g)
    {
        var writer = new StringWriter();
        DimacsFormat.Write(g, writer);
        return writer.ToString();
    }

    /// <summary>Parses printed cycles (vertex numbers from <paramref name="vertexBase"/>) into a permutation of 0..n-1.</summary>
    private static int[] FromCycles(JsonElement cycles, int n, int vertexBase)
    {
        var map = Enumerable.Range(0, n).ToArray();
        foreach (var cycle in cycles.EnumerateArray())
        {
            int[] c = [.. cycle.EnumerateArray().Select(v => v.GetInt32() - vertexBase)];
            for (int i = 0; i < c.Length; i++) map[c[i]] = c[(i + 1) % c.Length];
        }

        return map;
    }

    /// <summary>The number of distinct products of the generators (the order of the group they generate).</summary>
    private static int ClosureSize(IReadOnlyList<int[]> generators, int n)
    {
        var identity = Enumerable.Range(0, n).ToArray();
        var seen = new HashSet<string> { string.Join(',', identity) };
        var queue = new Queue<int[]>([identity]);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            foreach (var g in generators)
            {
                var q = new int[n];
                for (int v = 0; v < n; v++) q[v] = g[p[v]];
                if (seen.Add(string.Join(',', q))) queue.Enqueue(q);
            }
        }

        return seen.Count;
    }

    private static void AssertGroup(JsonElement json, Graph graph, BigInteger order, int[][] orbits, int vertexBase = 0)
    {
        Assert.Equal(JsonValueKind.Number, json.GetProperty("order").ValueKind);
        Assert.Equal(order, BigInteger.Parse(json.GetProperty("order").GetRawText()));
        Assert.Equal(Math.Log2((double)order), json.GetProperty("log2Order").GetDouble(), 12);
        Assert.Equal(orbits.Length, json.GetProperty("orbitCount").GetInt32());
        var printedOrbits = json.GetProperty("orbits").EnumerateArray().Select(o => o.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(orbits.Select(o => o.Select(v => v + vertexBase).ToArray()).ToArray(), printedOrbits);
        var generators = json.GetProperty("generators").EnumerateArray().Select(c => FromCycles(c, graph.VertexCount, vertexBase)).ToList();
        Assert.Equal(generators.Count, json.GetProperty("generatorCount").GetInt32());
        foreach (var g in generators) Assert.True(graph.IsAutomorphism(g), $"printed generator {string.Join(',', g)} is not an automorphism");
        Assert.Equal(order, ClosureSize(generators, graph.VertexCount));
    }

    [Fact]
    public async Task PetersenGraphHasOrder120AndOneOrbit()
    {
        var petersen = TestGraphs.Petersen();
        string file = Path.Combine(Path.GetTempPath(), $"petersen-{Guid.NewGuid():N}.g6");
        await File.WriteAllTextAsync(file, Graph6Format.Format(petersen) + "\n", Ct);
        try
        {
            var json = await Cli.RunAsync(["graph", "aut", file, "--json"], cancellationToken: Ct);
            Assert.True(json.ExitCode == 0, json.ToString());
            var line = Assert.Single(json.Json);
            Assert.Equal("graph6", line.GetProperty("format").GetString());
            Assert.Equal(10, line.GetProperty("vertices").GetInt32());
            Assert.Equal(15, line.GetProperty("edges").GetInt32());
            AssertGroup(line, petersen, 120, [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);

            var text = await Cli.RunAsync(["graph", "aut", file], cancellationToken: Ct);
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("order: 120", text.Lines);
            Assert.Contains($"log2 order: {Math.Log2(120):F6}", text.Lines);
            Assert.Contains("orbits: 1", text.Lines);
            Assert.Contains("0 1 2 3 4 5 6 7 8 9", text.Lines);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static TheoryData<string> K34Formats => new() { "graph6", "sparse6", "digraph6", "dimacs", "edge-list" };

    [Theory, MemberData(nameof(K34Formats))]
    public async Task CompleteBipartiteK34HasOrder3Factorial4FactorialInEveryFormat(string format)
    {
        var k34 = TestGraphs.CompleteBipartite(3, 4);
        var arcs = Graph.FromEdges(7, [.. k34.Edges().SelectMany(e => new[] { e, (e.To, e.From) })], directed: true);
        string text = format switch
        {
            "graph6" => Graph6Format.Format(k34),
            "sparse6" => Sparse6Format.Format(k34),
            "digraph6" => Digraph6Format.Format(arcs),
            "dimacs" => Dimacs(k34),
            _ => EdgeList(k34),
        };
        int vertexBase = format == "dimacs" ? 1 : 0;
        int[][] orbits = [[0, 1, 2], [3, 4, 5, 6]];
        foreach (string[] formatArgs in new[] { Array.Empty<string>(), ["--format", format] })
        {
            var result = await Cli.RunAsync(["graph", "aut", "-", "--json", .. formatArgs], stdin: text, cancellationToken: Ct);
            Assert.True(result.ExitCode == 0, result.ToString());
            var line = Assert.Single(result.Json);
            Assert.Equal(format, line.GetProperty("format").GetString());
            Assert.Equal(vertexBase, line.GetProperty("vertexBase").GetInt32());
            AssertGroup(line, format == "digraph6" ? arcs : k34, 6 * 24, orbits, vertexBase);
        }
    }

    [Fact]
    public async Task DimacsOutputIsNumberedFromOne()
    {
        var result = await Cli.RunAsync(["graph", "aut", "-"], stdin: "c a path\np edge 3 2\ne 1 2\ne 2 3\n", cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("order: 2", result.Lines);
        Assert.Contains("1 3", result.Lines);
        Assert.Contains("(1 3)", result.Lines);
    }

    [Fact]
    public async Task DirectedReadsArcsAndBreaksTheSymmetryOfAPath()
    {
        // Undirected, the path 0-1-2 has the reflection (0 2); as arcs 0->1->2 it has none.
        var undirected = await Cli.RunAsync(["graph", "aut", "-", "--json"], stdin: "0 1\n1 2\n", cancellationToken: Ct);
        var directed = await Cli.RunAsync(["graph", "aut", "-", "--json", "--directed"], stdin: "0 1\n1 2\n", cancellationToken: Ct);
        Assert.Equal(2, undirected.Json[0].GetProperty("order").GetInt32());
        Assert.Equal(1, directed.Json[0].GetProperty("order").GetInt32());
        Assert.True(directed.Json[0].GetProperty("directed").GetBoolean());
    }

    [Fact]
    public async Task EveryGraphOfAMultiGraphFileIsReportedInOrder()
    {
        string file = Graph6Format.Format(TestGraphs.Petersen()) + "\n\n" + Graph6Format.Format(TestGraphs.Complete(4)) + "\n";
        var result = await Cli.RunAsync(["graph", "aut", "-", "--json"], stdin: file, cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([120, 24], result.Json.Select(j => j.GetProperty("order").GetInt32()));
        Assert.Equal([1, 2], result.Json.Select(j => j.GetProperty("graph").GetInt32()));
    }

    [Fact]
    public async Task OrdersBeyondLongArePrintedExactly()
    {
        // The empty graph on 30 vertices: Aut is the symmetric group, 30! = 265252859812191058636308480000000.
        string text = Graph6Format.Format(Graph.FromEdges(30, [], directed: false));
        var json = await Cli.RunAsync(["graph", "aut", "-", "--json"], stdin: text, cancellationToken: Ct);
        Assert.Equal("265252859812191058636308480000000", json.Json[0].GetProperty("order").GetRawText());
        Assert.Equal(TestGraphs.Factorial(30), BigInteger.Parse(json.Json[0].GetProperty("order").GetRawText()));
        var plain = await Cli.RunAsync(["graph", "aut", "-"], stdin: text, cancellationToken: Ct);
        Assert.Contains("order: 265252859812191058636308480000000", plain.Lines);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "x y z\n", [], "Cannot tell the format" },
        { "IheA@GU\n", [], "graph6" },
        { "", [], "empty" },
        { "IheA@GUAo\n", ["--directed"], "--directed applies to DIMACS and edge lists only" },
        { "0 1\n", ["--format", "dimacs"], "Line 1" },
    };

    [Theory, MemberData(nameof(BadInputs))]
    public async Task BadInputExitsWithCode2AndOneMessage(string stdin, string[] extra, string expected)
    {
        var result = await Cli.RunAsync(["graph", "aut", "-", .. extra], stdin: stdin, cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("geneft: error: ", result.Error);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task AMissingFileExitsWithCode2()
    {
        var result = await Cli.RunAsync(["graph", "aut", "/no/such/file.g6"], cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/file.g6", result.Error);
    }
}
