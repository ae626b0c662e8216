using System.CommandLine;
using System.CommandLine.Parsing;

namespace GenEft.Cli;

/// <summary>
/// Reads values inside validators without throwing: a value that failed to convert already carries its own parse
/// error, so a validator that looks at it again must skip it rather than crash.
/// </summary>
internal static class ParseValues
{
    public static bool TryGet<T>(this OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    public static bool TryGet<T>(this CommandResult result, Option<T> option, out T value)
    {
        if (result.GetResult(option) is OptionResult optionResult) return optionResult.TryGet(out value);
        value = default!;
        return false;
    }

    /// <summary>Rejects a file argument that looks like an option, so "--formt x" says "unknown option" instead of "file not found".</summary>
    public static void RejectOptionLikeTokens(Argument argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length < 2 || token.Value[0] != '-') continue;
                var command = (result.Parent as CommandResult)?.Command;
                var near = command is null ? [] : UsageErrors.Suggest(token.Value, command);
                result.AddError(near.Count > 0
                    ? $"Unknown option '{token.Value}'; did you mean {string.Join(" or ", near.Select(s => $"'{s}'"))}?"
                    : $"Unknown option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value}).");
            }
        });
    }
}
