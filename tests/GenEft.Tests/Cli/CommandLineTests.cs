using System.Reflection;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>The command line itself: help everywhere, typos rejected with a suggestion and exit code 1, --version.</summary>
public class CommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string[], string[]> HelpPages => new()
    {
        { [], ["graph", "relation", "bounds", "repons", "--quiet"] },
        { ["graph"], ["aut"] },
        { ["graph", "aut"], ["<file>", "--format", "--directed", "--json"] },
        { ["relation"], ["description-length", "critical-fraction"] },
        { ["relation", "description-length"], ["--family", "--size", "--modulus", "--part-size", "--file"] },
        { ["relation", "critical-fraction"], ["--alpha"] },
        { ["bounds"], ["--fractions", "--estimator", "--samplings", "--seed", "--threads", "--orderings", "--assignments", "--guess-probability"] },
        { ["repons"], ["--ratios", "--sigma-a", "--sigma-c", "--decoder-rate", "--cluster-size", "--samples", "--seed", "--threads"] },
    };

    [Theory, MemberData(nameof(HelpPages))]
    public async Task EveryCommandHasHelpListingItsCommandsAndOptions(string[] command, string[] mentions)
    {
        var result = await Cli.RunAsync([.. command, "--help"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        foreach (string m in mentions) Assert.Contains(m, result.Output);
    }

    public static TheoryData<string[], string> Typos => new()
    {
        { ["grahp", "aut", "x"], "'grahp': did you mean 'graph'?" },
        { ["relation", "description-lenght", "--family", "mod", "-n", "3"], "'description-lenght': did you mean 'description-length'?" },
        { ["bounds", "--family", "mod", "-n", "30", "--samplngs", "5"], "'--samplngs': did you mean '--samplings'?" },
        { ["repons", "--ratio", "1"], "did you mean '--ratios'?" },
        { ["graph", "aut", "--formt", "graph6", "x"], "Unknown option '--formt'; did you mean '--format'?" },
        { ["graph", "aut", "--format", "grpah6", "x"], "'grpah6'" },
        { ["bounds", "--family", "mod", "-n", "30", "--zzz"], "Unrecognized command or argument '--zzz'" },
        { ["graph"], "Required command was not provided" },
    };

    [Theory, MemberData(nameof(Typos))]
    public async Task TyposAndUnknownOptionsExitWith1AndASuggestion(string[] args, string expected)
    {
        var result = await Cli.RunAsync(args, cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Contains("--help' for usage.", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task VersionIsTheAssemblysInformationalVersion()
    {
        var result = await Cli.RunAsync(["--version"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        string expected = typeof(GenEft.Cli.GeneftCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, result.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", expected);
    }

    [Fact]
    public async Task QuietSilencesProgressButNotErrors()
    {
        var result = await Cli.RunAsync(["--quiet", "graph", "aut", "-"], stdin: "not a graph at all", cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("geneft: error:", result.Error);
    }
}
