using System.IO.Compression;
using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

public class GraphFormatTests
{
    private static IEnumerable<string[]> Lines(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Graphs", file);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine()) yield return line.Split(' ');
    }

    [Fact]
    public void Graph6WriterReproducesNautyStrings()
    {
        // geng writes graph6; reading and writing back must give the identical string.
        int count = 0;
        foreach (var parts in Lines("graphs-upto8.txt.gz"))
        {
            Assert.Equal(parts[0], Graph6Format.Format(Graph6Format.Parse(parts[0])));
            count++;
        }
        Assert.Equal(13598, count);
    }

    [Fact]
    public void Sparse6MatchesNautyCopyg()
    {
        int count = 0;
        foreach (var parts in Lines("sparse6-pairs.txt.gz"))
        {
            var fromGraph6 = Graph6Format.Parse(parts[0]);
            var fromSparse6 = Sparse6Format.Parse(parts[1]);
            Assert.Equal(fromGraph6.Edges(), fromSparse6.Edges());
            Assert.Equal(fromGraph6.VertexCount, fromSparse6.VertexCount);
            Assert.Equal(parts[1], Sparse6Format.Format(fromGraph6));
            count++;
        }
        Assert.True(count > 1000);
    }

    [Fact]
    public void Digraph6WriterReproducesNautyStrings()
    {
        foreach (var parts in Lines("relations-3-4.txt.gz"))
            Assert.Equal(parts[0], Digraph6Format.Format(Digraph6Format.Parse(parts[0])));
        foreach (var parts in Lines("digraphs-upto4.txt.gz"))
            Assert.Equal(parts[0], Digraph6Format.Format(Digraph6Format.Parse(parts[0])));
    }

    [Fact]
    public void KnownStringsDecode()
    {
        // Petersen graph in graph6 (nauty's documentation example family) and the 4-cycle.
        var petersen = Graph6Format.Parse("IheA@GUAo");
        Assert.Equal(10, petersen.VertexCount);
        Assert.Equal(15, petersen.EdgeCount);
        var c4 = Graph6Format.Parse(">>graph6<<Cl");
        Assert.Equal(4, c4.VertexCount);
        Assert.Equal(new[] { (0, 1), (0, 3), (1, 2), (2, 3) }, c4.Edges());
        // formats.txt example: sparse6 ":Fa@x^" is the 7-vertex graph with edges 0-1 0-2 1-2 5-6.
        var s = Sparse6Format.Parse(":Fa@x^");
        Assert.Equal(new[] { (0, 1), (0, 2), (1, 2), (5, 6) }, s.Edges());
        // formats.txt example: digraph6 "&DI?AO?" is 0->2 0->4 3->1 3->4.
        var d = Digraph6Format.Parse("&DI?AO?");
        Assert.Equal(new[] { (0, 2), (0, 4), (3, 1), (3, 4) }, d.Edges());
    }

    [Fact]
    public void LargeVertexCountsUseTheLongSizeField()
    {
        foreach (int n in new[] { 62, 63, 258047, 258048 })
        {
            var g = Graph.FromEdges(n, new[] { (0, n - 1) }, false);
            var back = Sparse6Format.Parse(Sparse6Format.Format(g));
            Assert.Equal(n, back.VertexCount);
            Assert.Equal(g.Edges(), back.Edges());
        }
        var g63 = Graph.FromEdges(63, new[] { (1, 62) }, false);
        Assert.Equal(g63.Edges(), Graph6Format.Parse(Graph6Format.Format(g63)).Edges());
    }

    [Fact]
    public void Sparse6KeepsLoopsAndPowerOfTwoPadding()
    {
        // n = 2^k with the last edge at n - 2: the padding rule must not invent an edge at n - 1.
        foreach (int n in new[] { 2, 4, 8, 16, 32 })
        {
            var g = Graph.FromEdges(n, new[] { (0, n - 2), (n - 2, n - 2) }, false);
            var back = Sparse6Format.Parse(Sparse6Format.Format(g));
            Assert.Equal(g.Edges(), back.Edges());
        }
    }

    [Fact]
    public void DimacsRoundTripsColoursAndEdges()
    {
        var g = Graph.FromEdges(5, new[] { (0, 1), (1, 2), (3, 3), (4, 0) }, false, new[] { 0, 2, 2, 7, 0 });
        var writer = new StringWriter();
        DimacsFormat.Write(g, writer);
        var back = DimacsFormat.Read(new StringReader(writer.ToString()));
        Assert.Equal(g.Edges(), back.Edges());
        for (int v = 0; v < 5; v++) Assert.Equal(g.Color(v), back.Color(v));
        var directed = DimacsFormat.Read(new StringReader("c comment\np edge 3 2\ne 1 2\ne 3 2\n"), directed: true);
        Assert.True(directed.HasEdge(0, 1));
        Assert.False(directed.HasEdge(1, 0));
        Assert.Equal(new[] { 0, 2 }, directed.InNeighbors(1).ToArray());
    }

    [Fact]
    public void EdgeListRoundTrips()
    {
        var g = TestGraphs.Petersen();
        var writer = new StringWriter();
        EdgeListFormat.Write(g, writer);
        var back = EdgeListFormat.Read(new StringReader("# Petersen\n" + writer + "\n"));
        Assert.Equal(g.Edges(), back.Edges());
        Assert.Equal(12, EdgeListFormat.Read(new StringReader("0 1\n"), vertexCount: 12).VertexCount);
    }

    [Theory]
    [InlineData("Ch~", "byte 2")]      // 3 edge bytes needed for n = 4 is 1; one trailing character
    [InlineData("D", "byte 1")]        // truncated
    [InlineData("C\u0001", "byte 1")]  // character outside 63..126
    public void MalformedGraph6ReportsTheBytePosition(string text, string position)
    {
        var e = Assert.Throws<FormatException>(() => Graph6Format.Parse(text));
        Assert.Contains(position, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MalformedInputsThrowFormatExceptionWithPosition()
    {
        Assert.Contains("byte 0", Assert.Throws<FormatException>(() => Digraph6Format.Parse("Bw")).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("byte 0", Assert.Throws<FormatException>(() => Sparse6Format.Parse("Bw")).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 3", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 3 1\ne 1 2\ne 1 4\n"))).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 1", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("e 1 2\n"))).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 2", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 3 1\nx 1 2\n"))).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 2", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 3 1\ne one 2\n"))).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("c nothing\n")));
        Assert.Contains("Line 2", Assert.Throws<FormatException>(() => EdgeListFormat.Read(new StringReader("0 1\n0\n"))).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 1", Assert.Throws<FormatException>(() => EdgeListFormat.Read(new StringReader("0 5\n"), vertexCount: 3)).Message, StringComparison.OrdinalIgnoreCase);
        var e = Assert.Throws<FormatException>(() => Graph6Format.ReadAll(new StringReader("A_\n\nB\n")));
        Assert.Contains("Line 3", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WritersRejectWhatTheFormatCannotHold()
    {
        var loop = Graph.FromEdges(2, new[] { (0, 0) }, false);
        Assert.Throws<ArgumentException>(() => Graph6Format.Format(loop));
        var directed = Graph.FromEdges(2, new[] { (0, 1) }, true);
        Assert.Throws<ArgumentException>(() => Graph6Format.Format(directed));
        Assert.Throws<ArgumentException>(() => Sparse6Format.Format(directed));
        Assert.Throws<ArgumentException>(() => Digraph6Format.Format(loop));
        var colored = Graph.FromEdges(2, new[] { (0, 1) }, false, new[] { 1, 0 });
        Assert.Throws<ArgumentException>(() => Graph6Format.Format(colored));
        Assert.Throws<ArgumentNullException>(() => Graph6Format.Parse(null!));
    }
}
