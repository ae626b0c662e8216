using System.CommandLine;

namespace GenEft.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    /// <summary>The name of the option that silences progress.</summary>
    public const string QuietName = "--quiet";

    /// <summary><c>--quiet</c>: no progress on stderr (errors are still printed). One instance per command tree.</summary>
    public static Option<bool> CreateQuiet() => new(QuietName, "-q")
    {
        Description = "Print no progress on stderr (errors are still printed)",
        Recursive = true,
    };
}
