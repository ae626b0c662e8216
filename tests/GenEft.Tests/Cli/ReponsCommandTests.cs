using GenEft.Dynamics.Repons;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft repons</c>: the theory column against GenEFT Eq. 12 and Eq. 13 written out here, the Monte Carlo
/// against the library's for the same seed and within 4 standard errors of the theory, independent of threads.
/// </summary>
public class ReponsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(3, 2.0, 0.5)]
    public async Task TheoryIsEq12Or13AndTheMonteCarloAgreesWithIt(int clusterSize, double sigmaA, double sigmaC)
    {
        var result = await Cli.RunAsync(
        [
            "repons", "--ratios", "0.1", "1", "10", "--sigma-a", $"{sigmaA}", "--sigma-c", $"{sigmaC}", "--cluster-size", $"{clusterSize}",
            "--samples", "4000", "--seed", "11", "--json",
        ], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.Json.Length);
        foreach (var line in result.Json)
        {
            double ratio = line.GetProperty("ratio").GetDouble();
            double coupling = clusterSize == 1 ? 2 : 4 / (1 + (1.0 / clusterSize));
            double theory = 2 / Math.PI * Math.Atan(sigmaA / sigmaC * Math.Sqrt(ratio / coupling));
            Assert.Equal(theory, line.GetProperty("theory").GetDouble(), 1e-14);

            var library = new ReponCollisionMonteCarlo(new ReducedReponSystem(1, ratio, clusterSize), sigmaA, sigmaC).Estimate(4000, 11, cancellationToken: Ct);
            Assert.Equal(library.Probability, line.GetProperty("monteCarlo").GetDouble());
            Assert.Equal(library.Collisions, line.GetProperty("collisions").GetInt64());
            Assert.True(Math.Abs(library.Probability - theory) < 4 * library.StandardError, $"ratio {ratio}: {library.Probability} vs {theory}");
            Assert.Equal(0, line.GetProperty("undecided").GetInt64());
        }
    }

    [Fact]
    public async Task TextOutputHasOneRowPerRatioAndDoesNotDependOnTheThreadCount()
    {
        string[] args = ["repons", "--ratios", "1", "100", "--samples", "3000", "--seed", "5"];
        var one = await Cli.RunAsync([.. args, "--threads", "1"], cancellationToken: Ct);
        var all = await Cli.RunAsync(args, cancellationToken: Ct);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Equal(one.Output, all.Output);
        Assert.Equal(4, one.Lines.Length);
        Assert.StartsWith("1 ", one.Lines[2]);
        Assert.Contains("0.3918", one.Lines[2]);
        Assert.Contains("0.9106", one.Lines[3]);
    }

    [Theory]
    [InlineData("--ratios", "0")]
    [InlineData("--sigma-a", "-1")]
    [InlineData("--samples", "0")]
    [InlineData("--cluster-size", "0")]
    [InlineData("--threads", "0")]
    public async Task OutOfRangeValuesAreUsageErrors(string option, string value)
    {
        var result = await Cli.RunAsync(["repons", option, value], cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Error);
    }
}
