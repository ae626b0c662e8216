using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationMatrixFormatTests
{
    [Fact]
    public void WriteThenParseRoundTripsRandomRelationsAcrossWordBoundaries()
    {
        var random = new Random(5);
        foreach (int n in new[] { 1, 2, 7, 63, 64, 65, 130 })
        {
            var r = RelationSamplers.Generic(n, random);
            var writer = new StringWriter();
            RelationMatrixFormat.Write(r, writer);
            string text = writer.ToString();
            Assert.Equal(n, text.Count(c => c == '\n'));
            Assert.Equal(r, RelationMatrixFormat.Parse(text));
            Assert.Equal(r, RelationMatrixFormat.Parse(r.ToString()));
        }
    }

    [Fact]
    public void SeparatorsCommentsBlankLinesAndCrlfAreAccepted()
    {
        string text = "# the relation x < y on 3 elements\r\n\r\n0 1 1   # row 0\r\n0,0,1\r\n\t000\r\n";
        Assert.Equal(RelationGenerators.LessThan(3), RelationMatrixFormat.Parse(text));
        Assert.Equal(RelationGenerators.LessThan(3), RelationMatrixFormat.Read(new StringReader(text)));
    }

    [Theory]
    [InlineData("", "no rows")]
    [InlineData("# only a comment\n\n", "no rows")]
    [InlineData("01\n0\n", "Line 2: row 2 has 1 entries, but the first row (line 1) has 2")]
    [InlineData("01\n00\n11\n", "Line 3: more than 2 rows")]
    [InlineData("010\n001\n", "ends after 2 rows")]
    [InlineData("01\n0x\n", "Line 2, column 2: 'x'")]
    [InlineData("1 2\n00\n", "Line 1, column 3: '2'")]
    public void MalformedMatricesGiveAFormatExceptionWithThePosition(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => RelationMatrixFormat.Parse(text));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void NullArgumentsAreRejected()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => RelationMatrixFormat.Parse(null!)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => RelationMatrixFormat.Read(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => RelationMatrixFormat.Write(RelationGenerators.LessThan(2), null!)).ParamName);
        Assert.Equal("relation", Assert.Throws<ArgumentNullException>(() => RelationMatrixFormat.Write(null!, new StringWriter())).ParamName);
    }
}
