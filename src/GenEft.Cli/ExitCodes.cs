namespace GenEft.Cli;

/// <summary>The process exit codes of <c>geneft</c> (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>The command ran to completion.</summary>
    public const int Success = 0;

    /// <summary>The command line is invalid: an unknown command or option, a typo, a missing or malformed value (System.CommandLine's parse-error code).</summary>
    public const int UsageError = 1;

    /// <summary>The input is invalid: a file that cannot be read or parsed, or values the computation rejects.</summary>
    public const int InputError = 2;

    /// <summary>An unexpected failure inside geneft (a bug; the message says what failed).</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled by Ctrl+C (SIGINT), the shell convention 128 + 2; the output printed before is complete.</summary>
    public const int Cancelled = 130;
}
