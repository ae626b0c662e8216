using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>
/// Declared sizes are never trusted (issue 14 item 2): every probe string of the issue gives a FormatException with a
/// position, the readers honour <see cref="GraphReadLimits"/>, and a header alone cannot make them allocate much.
/// </summary>
public class GraphReaderLimitsTests
{
    private const long OneMegabyte = 1 << 20;

    private static (T Result, long Bytes) Measure<T>(Func<T> body)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        T result = body();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertFormatErrorCheaply(Func<Graph> read, string position)
    {
        var (e, bytes) = Measure(() => Assert.Throws<FormatException>(read));
        Assert.Contains(position, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(bytes < OneMegabyte, $"{bytes} bytes allocated before the error '{e.Message}'");
    }

    [Theory]
    [InlineData(":~~@~~~~~")]   // n = 2^31 - 1: was OverflowException
    [InlineData(":~~@?????")]   // n = 2^30: was OutOfMemoryException
    [InlineData(":~~?G????")]   // n = 2^27: allocated 2 GiB for 9 bytes
    [InlineData(":~~~~~~~~")]   // n = 2^36 - 1, beyond any int
    public void Sparse6HeaderSizesBeyondTheLimitAreFormatErrors(string text)
        => AssertFormatErrorCheaply(() => Sparse6Format.Parse(text), "byte 1");

    [Theory]
    [InlineData("~~@~~~~~", "byte 0")]
    [InlineData("~~??~~~~", "byte 8")]   // n = 2^24 - 1 is within the limit but needs ~10^13 bytes of data
    [InlineData("~?~~", "byte 4")]       // n = 4095 needs 1,397,078 bytes of data
    public void Graph6SizesTheInputCannotHoldAreFormatErrors(string text, string position)
        => AssertFormatErrorCheaply(() => Graph6Format.Parse(text), position);

    [Theory]
    [InlineData("&~~@~~~~~", "byte 1")]
    [InlineData("&~~??~~~~", "byte 9")]
    public void Digraph6SizesTheInputCannotHoldAreFormatErrors(string text, string position)
        => AssertFormatErrorCheaply(() => Digraph6Format.Parse(text), position);

    [Theory]
    [InlineData("p edge 2147483647 0", "line 1")]   // was OverflowException
    [InlineData("p edge 5 2147483647", "line 1")]   // preallocated 512 MiB
    [InlineData("p edge 99999999999999999999 1", "line 1")]
    public void DimacsHeaderSizesBeyondTheLimitAreFormatErrors(string text, string position)
        => AssertFormatErrorCheaply(() => DimacsFormat.Read(new StringReader(text)), position);

    [Theory]
    [InlineData("0 2147483646", "line 1")]   // was OverflowException in Graph.FromEdges
    [InlineData("0 1\n3 16777216\n", "line 2")]
    public void EdgeListVerticesBeyondTheLimitAreFormatErrors(string text, string position)
        => AssertFormatErrorCheaply(() => EdgeListFormat.Read(new StringReader(text)), position);

    [Fact]
    public void FromEdgesRejectsVertexCountsNoArrayCanHold()
    {
        Assert.Throws<ArgumentOutOfRangeException>("vertexCount", () => Graph.FromEdges(int.MaxValue, default, false));
        Assert.Throws<ArgumentOutOfRangeException>("vertexCount", () => Graph.FromEdges(Graph.MaxVertexCount + 1, default, true));
        Assert.Equal(Array.MaxLength - 1, Graph.MaxVertexCount);
    }

    [Fact]
    public void AHeaderOnlyGraphCostsAboutFourBytesPerVertex()
    {
        // sparse6 with n = 2^24 - 1 and no edges is legal and within the default limit; the CSR offsets are all it
        // needs, so the reader must not allocate several arrays of n ints on top.
        var (g, bytes) = Measure(() => Sparse6Format.Parse(":~~??~~~~"));
        Assert.Equal((1 << 24) - 1, g.VertexCount);
        Assert.Equal(0, g.EdgeCount);
        Assert.True(bytes < (5L * g.VertexCount) + OneMegabyte, $"{bytes} bytes for {g.VertexCount} isolated vertices");
    }

    [Fact]
    public void CallerLimitsAreHonouredWithAPosition()
    {
        var small = new GraphReadLimits { MaxVertices = 10, MaxEdges = 2 };
        Assert.Contains("byte 0", Assert.Throws<FormatException>(() => Graph6Format.Parse("J????????", small)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("MaxEdges", Assert.Throws<FormatException>(() => Graph6Format.Parse("Bw", small)).Message, StringComparison.Ordinal);
        Assert.Equal(2, Graph6Format.Parse("Bo", small).EdgeCount);
        Assert.Contains("MaxEdges", Assert.Throws<FormatException>(() => Sparse6Format.Parse(":BcN", small)).Message, StringComparison.Ordinal);
        Assert.Contains("byte 1", Assert.Throws<FormatException>(() => Digraph6Format.Parse("&J", small)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("line 1", Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 3 3\ne 1 2\ne 2 3\ne 1 3\n"), limits: small)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("line 3", Assert.Throws<FormatException>(() => EdgeListFormat.Read(new StringReader("0 1\n1 2\n2 0\n"), limits: small)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("line 1", Assert.Throws<FormatException>(() => EdgeListFormat.Read(new StringReader("0 10\n"), limits: small)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentOutOfRangeException>("vertexCount", () => EdgeListFormat.Read(new StringReader("0 1\n"), vertexCount: 11, limits: small));
    }

    [Fact]
    public void DefaultLimitsAdmitAMillionVerticesAndTenMillionEdges()
    {
        Assert.True(GraphReadLimits.Default.MaxVertices >= 1_000_000);
        Assert.True(GraphReadLimits.Default.MaxEdges >= 10_000_000);
        // The header of such a file passes; the error is the missing edges, reported against the p line.
        var e = Assert.Throws<FormatException>(() => DimacsFormat.Read(new StringReader("p edge 1000000 10000000\ne 1 1000000\n")));
        Assert.Contains("declares 10000000 edges", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsValidateTheirValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new GraphReadLimits { MaxVertices = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new GraphReadLimits { MaxVertices = Graph.MaxVertexCount + 1 });
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new GraphReadLimits { MaxEdges = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new GraphReadLimits { MaxEdges = GraphReadLimits.LargestMaxEdges + 1 });
        Assert.Equal(0, Graph6Format.Parse("?", new GraphReadLimits { MaxVertices = 0, MaxEdges = 0 }).VertexCount);
    }
}
