using System.CommandLine;

namespace GenEft.Cli;

/// <summary>What a command writes to and reads from: stdout for results, stderr for progress and errors, stdin for "-".</summary>
internal sealed class CliContext
{
    private CliContext(TextWriter output, TextWriter error, Func<TextReader> standardInput, bool quiet)
    {
        Output = output;
        Error = error;
        StandardInput = standardInput;
        Quiet = quiet;
    }

    /// <summary>Results (tables or JSON lines).</summary>
    public TextWriter Output { get; }

    /// <summary>Progress, warnings and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Opens standard input, for file arguments given as "-".</summary>
    public Func<TextReader> StandardInput { get; }

    /// <summary>Whether progress reports are suppressed (<c>--quiet</c>).</summary>
    public bool Quiet { get; }

    /// <summary>Whether <see cref="Error"/> is an interactive terminal (progress then redraws one line).</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    public static CliContext From(ParseResult parseResult, Func<TextReader> standardInput) => new(
        parseResult.InvocationConfiguration.Output,
        parseResult.InvocationConfiguration.Error,
        standardInput,
        parseResult.GetValue<bool>(GlobalOptions.QuietName));

    /// <summary>A progress line on stderr for one stage of work (nothing when <see cref="Quiet"/>).</summary>
    public StderrProgress Progress(string label) => new(this, label);

    /// <summary>Writes a result line and flushes it, so that an interrupted run keeps every finished line.</summary>
    public void WriteResult(string line)
    {
        Output.WriteLine(line);
        Output.Flush();
    }
}
