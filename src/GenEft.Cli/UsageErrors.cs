using System.CommandLine;
using System.CommandLine.Parsing;

namespace GenEft.Cli;

/// <summary>
/// Reports an invalid command line on stderr: each parse error, a "did you mean" for every unknown option or
/// command close to a known one, and where to find the usage; exit code <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        // After the first unknown token, every later token is unknown too; one line for them is enough.
        var unmatched = parseResult.UnmatchedTokens.Distinct().ToList();
        int unrecognizedShown = 0;
        foreach (var parseError in parseResult.Errors)
        {
            bool unrecognized = unmatched.Any(t => parseError.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (unrecognized && unrecognizedShown++ > 0) continue;
            error.WriteLine($"geneft: error: {parseError.Message}");
        }

        if (unrecognizedShown > 1) error.WriteLine($"geneft: error: ... and {unrecognizedShown - 1} more unrecognized tokens.");

        // A mistyped command explains everything after it; otherwise suggest for each unknown option.
        var commandTypo = unmatched.Where(t => !t.StartsWith('-')).Select(t => (t, near: Suggest(t, command))).FirstOrDefault(x => x.near.Count > 0);
        var suggestions = commandTypo.near is { Count: > 0 }
            ? [commandTypo]
            : unmatched.Where(t => t.StartsWith('-')).Select(t => (t, near: Suggest(t, command))).Where(x => x.near.Count > 0).ToList();
        foreach (var (token, near) in suggestions)
            error.WriteLine($"  '{token}': did you mean {string.Join(" or ", near.Select(s => $"'{s}'"))}?");

        error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
        error.Flush();
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// The names that <paramref name="token"/> is probably a typo of: options (with aliases) of <paramref name="command"/>
    /// and its recursive parents' options when the token starts with '-', otherwise its subcommands; a name qualifies
    /// when the edit distance (with transpositions) is at most a third of its length, or the token is a prefix of it.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string token, Command command)
    {
        // "-x" is one keystroke from every other short alias: no useful guess there.
        if (token.Length <= 2) return [];
        IEnumerable<string> candidates = token.StartsWith('-')
            ? OptionsInScope(command).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Select(c => c.Name);
        var scored = candidates
            .Distinct()
            .Where(name => name.Length > 2)
            .Select(name => (name, distance: Distance(token, name)))
            .Where(c => c.distance <= Math.Max(1, c.name.Length / 3) || (token.Length >= 3 && c.name.StartsWith(token, StringComparison.Ordinal)))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.name, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0) return [];
        int best = scored[0].distance;
        return [.. scored.Where(c => c.distance == best || c.name.StartsWith(token, StringComparison.Ordinal)).Select(c => c.name).Take(3)];
    }

    private static IEnumerable<Option> OptionsInScope(Command command)
    {
        foreach (var option in command.Options) yield return option;
        foreach (var parent in Ancestors(command))
            foreach (var option in parent.Options)
                if (option.Recursive) yield return option;
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        var seen = new HashSet<Command>();
        var stack = new Stack<Command>(command.Parents.OfType<Command>());
        while (stack.Count > 0)
        {
            var parent = stack.Pop();
            if (!seen.Add(parent)) continue;
            yield return parent;
            foreach (var grand in parent.Parents.OfType<Command>()) stack.Push(grand);
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }

        return d[a.Length, b.Length];
    }
}
