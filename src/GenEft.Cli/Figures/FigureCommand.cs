using System.CommandLine;
using System.Diagnostics;
using GenEft.Cli.Commands;
using GenEft.Cli.Output;

namespace GenEft.Cli.Figures;

/// <summary>
/// One <c>geneft figure &lt;name&gt;</c> subcommand: the figure's own options plus the ones every figure takes
/// (<c>--out</c>, <c>--prefix</c>, <c>--json</c>, and for figures with random numbers <c>--seed</c> and <c>--threads</c>),
/// run under the tool's exit-code and cancellation policy.
/// </summary>
internal static class FigureCommand
{
    public static Command Create(
        Func<TextReader> standardInput, string name, string description, ulong? defaultSeed, IEnumerable<Option> options, Action<ParseResult, FigureContext> draw)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder the CSV, PNG and SVG files go to (created if missing)", DefaultValueFactory = _ => "." };
        var prefix = new Option<string>("--prefix") { Description = "Put before every file name written or read (e.g. docs-)", DefaultValueFactory = _ => "" };
        // A deterministic figure (no random numbers, no parallel work) takes neither --seed nor --threads.
        var seed = defaultSeed is { } d ? CommonOptions.CreateSeed(d) : null;
        var threads = defaultSeed is null ? null : CommonOptions.CreateThreads();
        var json = new Option<bool>("--json") { Description = "Print one JSON object at the end (figure, files, seconds) instead of the summary table" };
        var command = new Command(name, description);
        foreach (var option in options.Concat(new Option?[] { output, prefix, seed, threads, json }.OfType<Option>())) command.Options.Add(option);

        CommandActions.Set(command, standardInput, (p, cli, cancellationToken) =>
        {
            string directory = p.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var figure = new FigureContext(cli, directory, p.GetValue(prefix)!, seed is null ? 0 : p.GetValue(seed), threads is null ? 1 : p.GetValue(threads), p.GetValue(json), cancellationToken);
            var clock = Stopwatch.StartNew();
            try
            {
                draw(p, figure);
            }
            catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }

            if (p.GetValue(json))
            {
                cli.WriteResult(JsonLine.Object(w =>
                {
                    w.WriteString("figure", name);
                    w.WriteStartArray("files");
                    foreach (string file in figure.Files) w.WriteStringValue(file);
                    w.WriteEndArray();
                    w.WriteNumber("seconds", Math.Round(clock.Elapsed.TotalSeconds, 3));
                    if (seed is not null) w.WriteNumber("seed", figure.Seed);
                }));
            }
            else
            {
                figure.Line($"{name}: {figure.Files.Count} files in {clock.Elapsed.TotalSeconds:F1} s");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
