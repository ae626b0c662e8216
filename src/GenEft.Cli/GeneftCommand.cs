using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using GenEft.Cli.Commands;
using GenEft.Cli.Figures;

namespace GenEft.Cli;

/// <summary>
/// The <c>geneft</c> command tree. Each top-level command is a noun or a job with its own factory
/// (<c>graph</c>, <c>relation</c>, <c>bounds</c>, <c>repons</c>, <c>train</c>, <c>sweep</c>, <c>figure</c>); docs/cli.md
/// describes them.
/// </summary>
internal static class GeneftCommand
{
    /// <summary>A fresh command tree.</summary>
    /// <param name="standardInput">Opens the input of file arguments given as "-"; null for <see cref="Console.In"/>.</param>
    public static Command Create(Func<TextReader>? standardInput = null)
    {
        Func<TextReader> stdin = standardInput ?? (() => Console.In);
        // A plain command named "geneft" rather than a RootCommand, whose name is the host executable's
        // ("GenEft.Cli" under dotnet, the test host in-process) and would show in every usage line.
        var root = new Command(
            Name,
            "GenEFT statics and dynamics from the command line (automorphism groups, description lengths, "
            + "critical training fractions, accuracy bounds, repon collisions, autoencoder training runs, sharded sweeps and the papers' figures). Results go to stdout, progress and errors to stderr.")
        {
            new HelpOption { Recursive = true },
            new VersionOption { Action = new PrintVersion() },
            GlobalOptions.CreateQuiet(),
        };
        root.Subcommands.Add(GraphCommands.Create(stdin));
        root.Subcommands.Add(RelationCommands.Create(stdin));
        root.Subcommands.Add(BoundsCommand.Create(stdin));
        root.Subcommands.Add(ReponsCommand.Create(stdin));
        root.Subcommands.Add(TrainCommand.Create(stdin));
        root.Subcommands.Add(SweepCommands.Create(stdin));
        root.Subcommands.Add(FigureCommands.Create(stdin));
        return root;
    }

    /// <summary>The command's name, as installed by the tool package (ToolCommandName).</summary>
    internal const string Name = "geneft";

    /// <summary>The tool's informational version (from git through MinVer, plus the commit), whoever hosts the tool.</summary>
    internal static string Version { get; } =
        typeof(GeneftCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// <c>--version</c> prints this assembly's version; System.CommandLine's default prints the entry assembly's,
    /// which is the test host when the tool runs in-process.
    /// </summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
