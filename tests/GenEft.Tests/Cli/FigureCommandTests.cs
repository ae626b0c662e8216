using System.Text.Json;
using GenEft.Plotting;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft figure</c>: the cheap figures with tiny settings write non-empty PNG, SVG and CSV files whose numbers
/// match formulas written out here (Eq. 12, Eq. 5 with exact description lengths, Eq. 15); unknown names and bad
/// values are rejected; Ctrl+C keeps the figures already finished, and --resume completes the run to the same numbers.
/// </summary>
public sealed class FigureCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "geneft-figure-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Eq12WritesTheClosedFormAndAMonteCarloThatAgreesWithIt()
    {
        var result = await Cli.RunAsync(["figure", "eq12", "--samples", "400", "--out", _dir, "--json"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Assert.Single(result.Json);
        Assert.Equal("eq12", json.GetProperty("figure").GetString());
        string[] files = [.. json.GetProperty("files").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(["eq12_monte_carlo.csv", "eq12_curve.png", "eq12_curve.svg"], files.Select(Path.GetFileName));
        AssertImages(Path.Combine(_dir, "eq12_curve"));

        var table = CsvTable.Read(Path.Combine(_dir, "eq12_monte_carlo.csv"));
        Assert.Equal(27, table.RowCount);
        double[] sigma = table.Numbers("sigma_a_over_sigma_c"), ratio = table.Numbers("eta_x_over_eta_A");
        double[] eq12 = table.Numbers("eq12"), estimate = table.Numbers("monte_carlo_p");
        for (int i = 0; i < table.RowCount; i++)
        {
            // GenEFT Eq. 12 with eta_A = 1, sigma_c = 1: P = (2/pi) arctan((sigma_a/sigma_c) sqrt(eta_x / (2 eta_A))).
            double theory = 2 / Math.PI * Math.Atan(sigma[i] * Math.Sqrt(ratio[i] / 2));
            Assert.Equal(theory, eq12[i], 1e-14);
            Assert.True(Math.Abs(estimate[i] - theory) < 5 * Math.Sqrt(theory * (1 - theory) / 400), $"row {i}: {estimate[i]} vs {theory}");
        }
    }

    [Fact]
    public async Task Figure2WritesEq5WithTheExactDescriptionLengths()
    {
        var result = await Cli.RunAsync(
            ["figure", "figure2", "--size", "6", "--samplings", "2", "--orderings", "20", "--exact-samplings", "0", "--out", _dir, "-q"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertImages(Path.Combine(_dir, "figure2"));
        AssertImages(Path.Combine(_dir, "figure2-panels"));
        Assert.False(File.Exists(Path.Combine(_dir, "exact-vs-monte-carlo.csv")));

        // n = 6: |Aut| = 2!^3 3! = 48 for mod 3 and 2! 4! = 48 for mod 5 (classes 2, 1, 1, 1, 1), so b = log2(720/48);
        // a total order has |Aut| = 1; K_{3,3} has 3!^2 2 = 72. p* = 1/k, 1/3 for a total order, 1/2 for bipartite.
        var expected = new Dictionary<string, (double Bits, double PStar)>
        {
            ["mod 3"] = (Math.Log2(15), 1 / 3.0),
            ["mod 5"] = (Math.Log2(15), 1 / 5.0),
            ["greater-than"] = (Math.Log2(720), 1 / 3.0),
            ["bipartite"] = (Math.Log2(10), 1 / 2.0),
        };
        var table = CsvTable.Read(Path.Combine(_dir, "figure2.csv"));
        Assert.Equal(80, table.RowCount);
        string[] relations = table.Text("relation");
        double[] bits = table.Numbers("description_length_bits"), fraction = table.Numbers("training_fraction"), eq5 = table.Numbers("eq5_upper_bound");
        double[] monteCarlo = table.Numbers("monte_carlo_mean");
        for (int i = 0; i < table.RowCount; i++)
        {
            var (b, pStar) = expected[relations[i]];
            Assert.Equal(b, bits[i], 1e-12);
            double f = 1 - Math.Pow(1 - (1 / b), fraction[i] * 36);
            Assert.Equal(f + (Math.Max(pStar, 1 - pStar) * (1 - f)), eq5[i], 1e-12);
            Assert.InRange(monteCarlo[i], 0, 1);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(k => k / 40.0), fraction.Take(20));
    }

    [Fact]
    public async Task PerceptronFigure2WritesEq15AndAMonteCarloThatAgreesWithIt()
    {
        var result = await Cli.RunAsync(["figure", "perceptron-figure2", "--trials", "2000", "--out", _dir, "--prefix", "p-", "-q"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertImages(Path.Combine(_dir, "p-figure2"));
        var table = CsvTable.Read(Path.Combine(_dir, "p-figure2.csv"));
        Assert.Equal(21, table.RowCount);
        double[] n = table.Numbers("N"), separation = table.Numbers("eps_l"), exact = table.Numbers("P_G exact"), estimate = table.Numbers("P_G Monte Carlo");
        for (int i = 0; i < table.RowCount; i++)
        {
            // Eq. 15 (N = 2): P_G = 1 - (1 + 2 eps_l) e^(-4 eps_l).
            if (n[i] == 2) Assert.Equal(1 - ((1 + (2 * separation[i])) * Math.Exp(-4 * separation[i])), exact[i], 1e-12);
            double se = Math.Sqrt(exact[i] * (1 - exact[i]) / 2000);
            Assert.True(Math.Abs(estimate[i] - exact[i]) <= Math.Max(5 * se, 1e-3), $"N = {n[i]}, eps_l = {separation[i]}: {estimate[i]} vs {exact[i]}");
        }
    }

    [Fact]
    public async Task HelpListsEveryFigureOnOneLineEach()
    {
        var result = await Cli.RunAsync(["figure", "--help"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        string[] names =
        [
            "figure2", "figure3", "figure4", "figure5", "figure6", "figure7", "figure8", "eq12", "eq13",
            "perceptron-figure2", "perceptron-figure3", "perceptron-figure5", "perceptron-figure6", "perceptron-nu", "perceptron-equation8",
        ];
        foreach (string name in names)
            Assert.Single(result.Lines, l => l.StartsWith(name + " ", StringComparison.Ordinal) && l.Length > name.Length + 10);
    }

    [Fact]
    public async Task AnUnknownFigureExits1WithADidYouMean()
    {
        var result = await Cli.RunAsync(["figure", "figur3", "--out", _dir], cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did you mean 'figure3'?", result.Error);
        Assert.False(Directory.Exists(_dir));
    }

    [Theory]
    [InlineData("eq12", "--samples", "0")]
    [InlineData("figure5", "--min", "abc")]
    [InlineData("figure5", "--max", "-1e-2")]
    [InlineData("figure3", "--relations", "mod7")]
    [InlineData("eq13", "--threads", "0")]
    [InlineData("perceptron-figure2", "--trails", "10")]
    [InlineData("figure4", "--seed", "3")]
    public async Task ABadOptionExits1BeforeAnythingRuns(string figure, string option, string value)
    {
        var result = await Cli.RunAsync(["figure", figure, option, value, "--out", _dir], cancellationToken: Ct);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Error.Contains(option, StringComparison.Ordinal) || result.Error.Contains($"'{value}'", StringComparison.Ordinal), result.Error);
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public async Task ValuesTheComputationRejectsExit2()
    {
        var tiny = await Cli.RunAsync(["figure", "figure2", "--size", "2", "--out", _dir], cancellationToken: Ct);
        Assert.Equal(2, tiny.ExitCode);
        Assert.Contains("--size", tiny.Error);
        var replot = await Cli.RunAsync(["figure", "figure7", "--replot", "--out", _dir], cancellationToken: Ct);
        Assert.Equal(2, replot.ExitCode);
        Assert.Contains("figure7.jsonl", replot.Error);
    }

    [Fact]
    public async Task CancellationKeepsTheFinishedFiguresAndResumeCompletesThemToTheSameNumbers()
    {
        string[] args = ["figure", "figure3", "--relations", "mod3", "greater", "--fractions", "0.5", "0.75", "--size", "6", "--budget", "40", "-q"];
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // The first stdout line is "wrote .../figure3-mod3.jsonl": the mod 3 sweep is done, greater-than has not started.
        var output = new CancelOnWrite(cancel, writes: 1);
        var cancelled = await Cli.RunAsync([.. args, "--out", _dir], output: output, cancellationToken: cancel.Token);
        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Contains("cancelled", cancelled.Error);
        AssertImages(Path.Combine(_dir, "figure3-mod3"));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(_dir, "figure3-mod3.jsonl")).Length);
        Assert.False(File.Exists(Path.Combine(_dir, "figure3-greater.png")));

        var resumed = await Cli.RunAsync([.. args, "--out", _dir, "--resume"], cancellationToken: Ct);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        AssertImages(Path.Combine(_dir, "figure3-greater"));

        string fresh = Path.Combine(_dir, "fresh");
        var uninterrupted = await Cli.RunAsync([.. args, "--out", fresh], cancellationToken: Ct);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.ToString());
        foreach (string relation in new[] { "mod3", "greater" })
            Assert.Equal(File.ReadAllText(Path.Combine(fresh, $"figure3-{relation}.csv")), File.ReadAllText(Path.Combine(_dir, $"figure3-{relation}.csv")));

        // --replot trains nothing and redraws the image from the stored runs.
        File.Delete(Path.Combine(fresh, "figure3-mod3.png"));
        var replot = await Cli.RunAsync([.. args, "--out", fresh, "--replot"], cancellationToken: Ct);
        Assert.True(replot.ExitCode == 0, replot.ToString());
        Assert.Contains("replotting 6 stored runs", replot.Output);
        AssertImages(Path.Combine(fresh, "figure3-mod3"));
    }

    /// <summary>A non-trivial PNG (by its signature) and SVG beside each other.</summary>
    private static void AssertImages(string stem)
    {
        byte[] png = File.ReadAllBytes(stem + ".png");
        Assert.True(png.Length > 5000, $"{stem}.png has {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        string svg = File.ReadAllText(stem + ".svg");
        Assert.Contains("<svg", svg);
        Assert.True(svg.Length > 5000, $"{stem}.svg has {svg.Length} characters");
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
