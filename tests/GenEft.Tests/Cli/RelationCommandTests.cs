using System.Numerics;
using GenEft.Relations;
using GenEft.Tests.Graphs;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft relation description-length</c> and <c>critical-fraction</c> against closed forms: |Aut| of an
/// equivalence with class sizes s_i is prod s_i! times (multiplicities)!, of K_{a,c} a! c!, of a total order 1; and
/// GenEFT Eq. 4 p_c = log2(1 - alpha) / (n^2 log2(1 - 1/b)).
/// </summary>
public class RelationCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double Log2(BigInteger x) => BigInteger.Log(x, 2);

    public static TheoryData<string[], BigInteger, int, string> Families => new()
    {
        // mod 3 on 30: three classes of 10, so |Aut| = 10!^3 * 3!.
        { ["--family", "mod", "--size", "30"], BigInteger.Pow(TestGraphs.Factorial(10), 3) * 6, 30, "Equivalence" },
        // mod 5 on 12: sizes 3, 3, 2, 2, 2, so |Aut| = 3!^2 2!^3 * 2! * 3!.
        { ["--family", "mod", "-n", "12", "-k", "5"], 36 * 8 * 2 * 6, 12, "Equivalence" },
        { ["--family", "less-than", "-n", "30"], 1, 30, "StrictTotalOrder" },
        { ["--family", "greater-than", "-n", "30"], 1, 30, "StrictTotalOrder" },
        // K_{3,4}: 3! 4!; K_{15,15}: 15!^2 * 2 (the parts can swap).
        { ["--family", "complete-bipartite", "-n", "7", "-a", "3"], 6 * 24, 7, "CompleteBipartite" },
        { ["--family", "complete-bipartite", "-n", "30"], BigInteger.Pow(TestGraphs.Factorial(15), 2) * 2, 30, "CompleteBipartite" },
    };

    [Theory, MemberData(nameof(Families))]
    public async Task DescriptionLengthIsLog2OfNFactorialOverTheClosedFormAutomorphismCount(string[] family, BigInteger automorphisms, int n, string kind)
    {
        var result = await Cli.RunAsync(["relation", "description-length", .. family, "--json"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Assert.Single(result.Json);
        Assert.Equal(kind, json.GetProperty("class").GetString());
        Assert.Equal(n, json.GetProperty("n").GetInt32());
        Assert.Equal(automorphisms, BigInteger.Parse(json.GetProperty("automorphisms").GetRawText()));
        double expected = Log2(TestGraphs.Factorial(n)) - Log2(automorphisms);
        Assert.Equal(expected, json.GetProperty("descriptionLength").GetDouble(), 9);
    }

    [Fact]
    public async Task Mod3OnThirtyElementsHas39Point75BitsBesideTable2s30Log2Of3()
    {
        var text = await Cli.RunAsync(["relation", "description-length", "--family", "mod", "--size", "30"], cancellationToken: Ct);
        Assert.Equal(0, text.ExitCode);
        Assert.Equal("relation: mod 3 on n = 30 elements (equivalence, 3 classes of sizes 10, 10, 10)", text.Lines[0]);
        Assert.Contains("b = log2(n!/|Aut(G)|)  39.7509 bits", text.Lines);
        Assert.Contains($"Table 2 estimate       {30 * Math.Log2(3):F4} bits (n log2 k, n = 30)", text.Lines);
        Assert.Contains($"|Aut(G)|               {BigInteger.Pow(TestGraphs.Factorial(10), 3) * 6}", text.Lines);
    }

    [Fact]
    public async Task ARelationFileGivesTheSameAnswerAsItsFamily()
    {
        var mod3 = RelationGenerators.EqualityModulo(9, 3);
        string matrix = "# mod 3 on 9 elements, spaced\n" + string.Join('\n', mod3.ToString().Split('\n').Select(r => string.Join(' ', r.ToCharArray()))) + "\n";
        string path = Path.Combine(Path.GetTempPath(), $"mod3-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, matrix, Ct);
        try
        {
            var family = await Cli.RunAsync(["relation", "description-length", "--family", "mod", "-n", "9", "--json"], cancellationToken: Ct);
            var file = await Cli.RunAsync(["relation", "description-length", "--file", path, "--json"], cancellationToken: Ct);
            var stdin = await Cli.RunAsync(["relation", "description-length", "--file", "-", "--json"], stdin: matrix, cancellationToken: Ct);
            Assert.True(file.ExitCode == 0, file.ToString());
            double b = family.Json[0].GetProperty("descriptionLength").GetDouble();
            Assert.Equal(b, file.Json[0].GetProperty("descriptionLength").GetDouble());
            Assert.Equal(b, stdin.Json[0].GetProperty("descriptionLength").GetDouble());
            Assert.Equal(path, file.Json[0].GetProperty("relation").GetString());
            Assert.Equal("stdin", stdin.Json[0].GetProperty("relation").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CriticalFractionIsEq4WithTheExactAndTheTable2DescriptionLength()
    {
        var result = await Cli.RunAsync(
            ["relation", "critical-fraction", "--family", "mod", "-n", "30", "--alpha", "0.5", "0.9", "0.99", "--json"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        double b = Log2(TestGraphs.Factorial(30)) - Log2(BigInteger.Pow(TestGraphs.Factorial(10), 3) * 6);
        double table2 = 30 * Math.Log2(3);
        Assert.Equal([0.5, 0.9, 0.99], result.Json.Select(j => j.GetProperty("alpha").GetDouble()));
        foreach (var line in result.Json)
        {
            double alpha = line.GetProperty("alpha").GetDouble();
            double pc = Math.Log2(1 - alpha) / (900 * Math.Log2(1 - (1 / b)));
            Assert.Equal(pc, line.GetProperty("criticalFraction").GetDouble(), 1e-12);
            Assert.Equal(pc * 900, line.GetProperty("criticalSamples").GetDouble(), 1e-9);
            Assert.Equal(Math.Log2(1 - alpha) / (900 * Math.Log2(1 - (1 / table2))), line.GetProperty("table2CriticalFraction").GetDouble(), 1e-12);
        }

        var text = await Cli.RunAsync(["relation", "critical-fraction", "--family", "mod", "-n", "30"], cancellationToken: Ct);
        Assert.Contains(text.Lines, l => l.StartsWith("0.9 ", StringComparison.Ordinal) && l.Contains("0.100415"));
    }

    [Fact]
    public async Task CriticalFractionRefusesADescriptionLengthOfAtMostOneBit()
    {
        // The full relation on 5 elements is fixed by every relabelling: b = 0.
        string full = string.Join('\n', Enumerable.Repeat("11111", 5));
        var result = await Cli.RunAsync(["relation", "critical-fraction", "--file", "-"], stdin: full, cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("b > 1", result.Error);
    }

    public static TheoryData<string[], string> InvalidCommandLines => new()
    {
        { ["--family", "mod"], "--family needs --size" },
        { ["--file", "x", "--family", "mod", "-n", "3"], "exactly one of --family or --file" },
        { [], "exactly one of --family or --file" },
        { ["--family", "less-than", "-n", "5", "-k", "3"], "--modulus belongs to --family mod" },
        { ["--family", "complete-bipartite", "-n", "5", "-a", "9"], "--part-size must be in [0, n]" },
        { ["--family", "mod", "-n", "0"], "--size must be in [1," },
        { ["--family", "mod", "-n", "abc"], "abc" },
        { ["--family", "mdo", "-n", "3"], "'mdo'" },
        { ["--file", "x", "-n", "3"], "--size belongs to --family" },
    };

    [Theory, MemberData(nameof(InvalidCommandLines))]
    public async Task InconsistentOptionsAreUsageErrors(string[] options, string expected)
    {
        var result = await Cli.RunAsync(["relation", "description-length", .. options], cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Contains("Run 'geneft relation description-length --help' for usage.", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task AMalformedRelationFileIsAnInputErrorNamingTheLine()
    {
        var result = await Cli.RunAsync(["relation", "description-length", "--file", "-"], stdin: "010\n01\n000\n", cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Line 2", result.Error);
    }
}
