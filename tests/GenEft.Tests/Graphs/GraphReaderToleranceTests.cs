using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>Issue 14 items 3, 8 and 9: line ends, the DIMACS edge count and error positions, and sparse6 with n = 1.</summary>
public class GraphReaderToleranceTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("  \t\n")]
    public void SixBitReadersAcceptTrailingWhitespace(string tail)
    {
        // As read with File.ReadAllText: the string ends in a line end.
        Assert.Equal(new[] { (0, 1), (0, 3), (1, 2), (2, 3) }, Graph6Format.Parse("Cl" + tail).Edges());
        Assert.Equal(new[] { (0, 1), (0, 2), (1, 2), (5, 6) }, Sparse6Format.Parse(":Fa@x^" + tail).Edges());
        Assert.Equal(new[] { (0, 2), (0, 4), (3, 1), (3, 4) }, Digraph6Format.Parse("&DI?AO?" + tail).Edges());
        Assert.Single(Graph6Format.ReadAll(new StringReader("Cl" + tail + "   \n")));
    }

    [Fact]
    public void WhitespaceInsideTheDataIsStillAnError()
    {
        Assert.Contains("byte 1", Assert.Throws<FormatException>(() => Graph6Format.Parse("C l")).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("byte 0", Assert.Throws<FormatException>(() => Graph6Format.Parse(" Cl")).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DimacsChecksTheDeclaredEdgeCount()
    {
        var few = Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("c x\np edge 3 2\ne 1 2\n")));
        Assert.Contains("Line 2", few.Message, StringComparison.Ordinal);
        Assert.Contains("declares 2 edges", few.Message, StringComparison.Ordinal);
        var many = Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 3 1\ne 1 2\ne 2 3\n")));
        Assert.Contains("Line 3", many.Message, StringComparison.Ordinal);
        // A repeated edge is a line like any other: it counts, and collapses in the graph.
        Assert.Equal(1, DimacsFormat.Read(new StringReader("p edge 3 2\ne 1 2\ne 2 1\n")).EdgeCount);
    }

    [Fact]
    public void DimacsWithoutAPLineGivesAPosition()
    {
        var e = Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("c one\nc two\n")));
        Assert.StartsWith("Line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("without a 'p edge", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Line 1", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader(""))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparse6WithOneVertexUsesZeroBitsPerVertexNumber()
    {
        // nauty-genrang -l1 -S5 1 3 writes ":@^" (one vertex with a loop) and ":@" (no loop); see also the reference data.
        var loop = Sparse6Format.Parse(":@^");
        Assert.Equal(1, loop.VertexCount);
        Assert.Equal(new[] { (0, 0) }, loop.Edges());
        Assert.Equal(0, Sparse6Format.Parse(":@").EdgeCount);
        Assert.Equal(":@^", Sparse6Format.Format(loop));
        Assert.Equal(":@", Sparse6Format.Format(Graph.FromEdges(1, default, false)));
    }

    [Theory]
    // Strings written by nauty-copyg -s for the graph6 inputs C_ (edge 0-1 on 4 vertices), CA, CB and GA????.
    [InlineData("C_", ":Cf")]
    [InlineData("CA", ":Cx")]
    [InlineData("CB", ":CxV")]
    [InlineData("GA????", ":Gk^")]
    public void Sparse6PaddingMatchesNautyForPowersOfTwo(string graph6, string nautySparse6)
    {
        var g = Graph6Format.Parse(graph6);
        Assert.Equal(nautySparse6, Sparse6Format.Format(g));
        Assert.Equal(g.Edges(), Sparse6Format.Parse(nautySparse6).Edges());
    }
}
