using System.CommandLine;

namespace GenEft.Cli;

/// <summary>
/// Runs a command's work with the tool's error policy: input problems print one line on stderr and exit 2,
/// Ctrl+C flushes the finished output and exits 130, anything unexpected exits 3 with its message.
/// </summary>
internal static class CommandActions
{
    /// <summary>Sets <paramref name="work"/> as the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, Func<TextReader> standardInput, Func<ParseResult, CliContext, CancellationToken, int> work)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Leave the invoking thread at once, so a Ctrl+C handler can wait for the work to wind down.
            await Task.Yield();
            var context = CliContext.From(parseResult, standardInput);
            try
            {
                return work(parseResult, context, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Output.Flush();
                context.Error.WriteLine();
                context.Error.WriteLine("geneft: cancelled; the results printed above are complete, the rest was not computed.");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is CliInputException or FormatException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                context.Output.Flush();
                context.Error.WriteLine($"geneft: error: {MessageOf(e)}");
                return ExitCodes.InputError;
            }
            catch (Exception e)
            {
                context.Output.Flush();
                context.Error.WriteLine($"geneft: internal error ({e.GetType().Name}): {e.Message}");
                context.Error.WriteLine(e.StackTrace);
                return ExitCodes.InternalError;
            }
            finally
            {
                context.Output.Flush();
                context.Error.Flush();
            }
        });
    }

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which names a C# parameter the user never sees.</summary>
    private static string MessageOf(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
}

/// <summary>Bad input found by the tool itself (not by the library), reported with exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
