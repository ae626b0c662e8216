using GenEft.Relations;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft bounds</c>: Eq. 5 against its closed form, the no-data limits of Eq. 5 (max(p*, 1 - p*)) and of the
/// paper's candidate-class recipe ((n + (n^2 - n)(1 - 1/k)) / n^2), the Monte Carlo against the library's estimator
/// for the same seed, the same output on one and two threads, and cancellation keeping the finished lines.
/// </summary>
public class BoundsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mod3MatchesEq5TheNoDataLimitsAndTheLibraryEstimator()
    {
        var result = await Cli.RunAsync(
            ["bounds", "--family", "mod", "-n", "30", "--fractions", "0", "0.05", "0.1", "--seed", "7", "--json"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Json;
        Assert.Equal([0, 0.05, 0.1], lines.Select(l => l.GetProperty("trainingFraction").GetDouble()));

        double b = OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(30, 3), cancellationToken: Ct);
        foreach (var line in lines)
        {
            double p = line.GetProperty("trainingFraction").GetDouble();
            double f = 1 - Math.Pow(1 - (1 / b), p * 900);
            Assert.Equal(f + ((2.0 / 3) * (1 - f)), line.GetProperty("eq5").GetDouble(), 1e-12);
            Assert.Equal(1.0 / 3, line.GetProperty("guessProbability").GetDouble());
            Assert.Equal(20, line.GetProperty("samplings").GetInt32());
        }

        Assert.Equal(2.0 / 3, lines[0].GetProperty("eq5").GetDouble(), 1e-15);
        Assert.Equal((30 + (870 * 2.0 / 3)) / 900, lines[0].GetProperty("monteCarlo").GetDouble(), 1e-15);
        Assert.Equal(0, lines[0].GetProperty("standardError").GetDouble(), 1e-15);

        var library = AccuracyBoundEstimator.Estimate(new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(30, 3)), 0.1, 20, 7, cancellationToken: Ct);
        Assert.Equal(library.Mean, lines[2].GetProperty("monteCarlo").GetDouble());
        Assert.Equal(library.StandardError, lines[2].GetProperty("standardError").GetDouble());
    }

    [Fact]
    public async Task TheOutputDoesNotDependOnTheThreadCount()
    {
        string[] args = ["bounds", "--family", "less-than", "-n", "12", "--fractions", "0.1", "0.3", "--samplings", "6", "--orderings", "200", "--seed", "3"];
        var one = await Cli.RunAsync([.. args, "--threads", "1"], cancellationToken: Ct);
        var two = await Cli.RunAsync([.. args, "--threads", "2"], cancellationToken: Ct);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(5, one.Lines.Length);
    }

    [Fact]
    public async Task Eq5AloneWorksForAnyRelationGivenItsGuessProbability()
    {
        string generic = "0110\n1010\n0001\n1100\n";
        var refused = await Cli.RunAsync(["bounds", "--file", "-", "--estimator", "none"], stdin: generic, cancellationToken: Ct);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--guess-probability", refused.Error);

        var result = await Cli.RunAsync(
            ["bounds", "--file", "-", "--estimator", "none", "--guess-probability", "0.5", "--fractions", "0.5", "--json"], stdin: generic, cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Json);
        double b = line.GetProperty("descriptionLength").GetDouble();
        double f = 1 - Math.Pow(1 - (1 / b), 8);
        Assert.Equal(f + (0.5 * (1 - f)), line.GetProperty("eq5").GetDouble(), 1e-12);
        Assert.False(line.TryGetProperty("monteCarlo", out _));
    }

    [Fact]
    public async Task AnEstimatorThatDoesNotFitTheRelationIsAnInputError()
    {
        var result = await Cli.RunAsync(["bounds", "--family", "mod", "-n", "9", "--estimator", "two-class-exact"], cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("two classes", result.Error);
        Assert.DoesNotContain("(Parameter", result.Error);
        // Seeds are 64-bit across the library: a seed above int.MaxValue runs and is echoed, not rejected.
        var seed = await Cli.RunAsync(["bounds", "--family", "mod", "-n", "9", "--samplings", "20", "--seed", "4294967296"], cancellationToken: Ct);
        Assert.Equal(0, seed.ExitCode);
        Assert.Contains("seed 4294967296", seed.Output);
    }

    [Fact]
    public async Task CancellationKeepsTheFinishedLinesAndExitsWith130()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Cancel as soon as the first fraction's line is out (the header is the first write).
        var output = new CancelOnWrite(cancel, writes: 2);
        var result = await Cli.RunAsync(
            ["bounds", "--family", "mod", "-n", "30", "--fractions", "0.1", "0.2", "0.3", "--samplings", "4"], output: output, cancellationToken: cancel.Token);
        Assert.Equal(130, result.ExitCode);
        Assert.Equal(4, result.Lines.Length);
        Assert.StartsWith("0.1 ", result.Lines[3]);
        Assert.Contains("cancelled", result.Error);
    }

    /// <summary>A stdout that cancels a token once it has received a given number of lines.</summary>
    private sealed class CancelOnWrite(CancellationTokenSource cancel, int writes) : StringWriter
    {
        private int _count;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++_count == writes) cancel.Cancel();
        }
    }
}
