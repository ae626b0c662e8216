using Xunit;

namespace GenEft.Plotting.Tests;

public class CsvTableTests
{
    [Fact]
    public void QuotedFieldsKeepCommasQuotesAndLineBreaks()
    {
        var table = CsvTable.Parse("relation,fraction,note\r\n\"mod 3, n = 6\",0.05,\"say \"\"hi\"\"\"\r\ngreater,,\"two\nlines\"\r\n");
        Assert.Equal(["relation", "fraction", "note"], table.Columns);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["mod 3, n = 6", "greater"], table.Text("relation"));
        Assert.Equal("say \"hi\"", table.Text("note")[0]);
        Assert.Equal("two\nlines", table.Text("note")[1]);
        double[] fractions = table.Numbers("fraction");
        Assert.Equal(0.05, fractions[0]);
        Assert.True(double.IsNaN(fractions[1]));
    }

    [Fact]
    public void WhereAndDistinctFilterRows()
    {
        var table = CsvTable.Parse("r,x\na,1\nb,2\na,3\n");
        Assert.Equal(["a", "b"], table.Distinct("r"));
        Assert.Equal([1.0, 3.0], table.Where("r", "a").Numbers("x"));
        Assert.Equal(0, table.Where("r", "c").RowCount);
    }

    [Fact]
    public void MalformedTextIsRejected()
    {
        Assert.Throws<FormatException>(() => CsvTable.Parse(""));
        Assert.Throws<FormatException>(() => CsvTable.Parse("a,b\n1\n"));
        Assert.Throws<FormatException>(() => CsvTable.Parse("a,a\n1,2\n"));
        Assert.Throws<FormatException>(() => CsvTable.Parse("a\n\"open\n"));
        Assert.Throws<KeyNotFoundException>(() => CsvTable.Parse("a\n1\n").Text("b"));
        Assert.Throws<FormatException>(() => CsvTable.Parse("a\nx\n").Numbers("a"));
    }
}
