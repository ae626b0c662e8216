using System.CommandLine;
using System.CommandLine.Invocation;

namespace GenEft.Cli;

/// <summary>Parses and runs one <c>geneft</c> command line: the entry point of the tool and of the in-process tests.</summary>
internal static class GeneftCli
{
    /// <summary>Runs <paramref name="args"/> and returns the exit code (<see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments after the tool name.</param>
    /// <param name="configuration">Where output and errors go, and the Ctrl+C handling.</param>
    /// <param name="standardInput">Opens the input of "-" file arguments; null for <see cref="Console.In"/>.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C does.</param>
    public static Task<int> InvokeAsync(
        IReadOnlyList<string> args, InvocationConfiguration configuration, Func<TextReader>? standardInput = null, CancellationToken cancellationToken = default)
    {
        var parseResult = GeneftCommand.Create(standardInput).Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
            return Task.FromResult(UsageErrors.Report(parseResult, configuration.Error));
        return parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
