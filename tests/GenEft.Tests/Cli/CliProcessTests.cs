using System.Diagnostics;
using GenEft.Graphs;
using GenEft.Tests.Graphs;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// The tool as a separate process (<c>dotnet GenEft.Cli.dll</c>): real exit codes, stdin, and Ctrl+C (SIGINT) ending a
/// long run with exit code 130 and every finished line on stdout.
/// </summary>
public class CliProcessTests
{
    [Fact]
    public async Task GraphAutReadsStandardInputAndExitsWith0()
    {
        var result = await Cli.RunProcessAsync(["graph", "aut", "-"], Graph6Format.Format(TestGraphs.Petersen()) + "\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("order: 120", result.Lines);
    }

    [Fact]
    public async Task AnUnknownOptionExitsWith1()
    {
        var result = await Cli.RunProcessAsync(["repons", "--sampels", "10"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did you mean '--samples'?", result.Error);
    }

    [Fact]
    public async Task SigintCancelsALongRunWith130AndKeepsTheFinishedLines()
    {
        // Fraction 1 is instant (everything is observed); each 0.02 takes seconds (wide posets, many orderings).
        using var process = Cli.Start(
            ["bounds", "--family", "less-than", "-n", "30", "--fractions", "1", "0.02", "0.02", "0.02", "--samplings", "64", "--orderings", "20000", "--quiet"]);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is string line)
        {
            lines.Add(line);
            if (line.StartsWith("1 ", StringComparison.Ordinal)) break;
        }

        Assert.True(lines.Count == 4, string.Join('\n', lines));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(deadline.Token);
        string rest = await process.StandardOutput.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(130, process.ExitCode);
        var rows = lines.Skip(3).Concat(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.InRange(rows.Count, 1, 3);
        Assert.StartsWith("1 ", rows[0]);
        Assert.Contains("cancelled", await stderr);
    }
}
