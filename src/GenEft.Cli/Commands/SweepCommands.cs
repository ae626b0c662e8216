using System.CommandLine;
using System.Globalization;
using GenEft.Cli.Input;
using GenEft.Cli.Output;
using GenEft.Experiments;

namespace GenEft.Cli.Commands;

/// <summary>
/// <c>geneft sweep run|merge|phase-diagram</c>: a grid of training runs through <see cref="SweepRunner"/> (resumable,
/// sharded), merging shard files through <see cref="SweepResults"/>, and the phase map and boundary of
/// <see cref="PhaseDiagram"/>.
/// </summary>
internal static class SweepCommands
{
    /// <summary>The result names that are not a function of the cell (wall time), left out so reruns and shards agree bit for bit.</summary>
    private static readonly HashSet<string> WallClockValues = new(StringComparer.Ordinal) { "seconds" };

    /// <summary>A run's sweep values without the wall-clock ones, so that reruns, resumed runs and shards agree bit for bit.</summary>
    internal static IReadOnlyList<KeyValuePair<string, SweepValue>> Deterministic(TrainingRunResult result) =>
        [.. result.ToSweepValues().Where(v => !WallClockValues.Contains(v.Key))];

    public static Command Create(Func<TextReader> standardInput)
    {
        var sweep = new Command("sweep", "Grids of training runs: run a shard, merge shard files, draw the phase diagram");
        sweep.Subcommands.Add(CreateRun(standardInput));
        sweep.Subcommands.Add(CreateMerge(standardInput));
        sweep.Subcommands.Add(CreatePhaseDiagram(standardInput));
        return sweep;
    }

    private static Command CreateRun(Func<TextReader> standardInput)
    {
        var relation = new RelationSource();
        var training = new TrainingOptions(lists: true);
        var replicates = CommonOptions.CreateCount("--replicates", "Runs per grid point with different seeds (the axis 'replicate')", 1);
        var seed = CommonOptions.CreateSeed(0);
        var output = new Option<string>("--output", "-o") { Description = "The JSON-lines results file; appended to, and the cells already in it are skipped (resume)", Required = true };
        var shard = new Option<int>("--shard") { Description = "This process's shard k in [0, --shards): it runs the cells whose index is k modulo n", DefaultValueFactory = _ => 0 };
        var shards = CommonOptions.CreateCount("--shards", "The number of shards n", 1);
        var workers = CommonOptions.CreateThreads();
        var command = new Command(
            "run",
            "Runs the grid of training runs spanned by the list-valued options (axes encoder_lr, decoder_lr, train_fraction, "
            + "encoder_wd, decoder_wd, replicate), or one shard of it, appending each finished cell to --output as one JSON line");
        relation.AddTo(command);
        training.AddTo(command);
        foreach (var option in new Option[] { replicates, seed, output, shard, shards, workers })
            command.Options.Add(option);
        command.Validators.Add(r =>
        {
            if (r.TryGet(shard, out int k) && r.TryGet(shards, out int n) && (k < 0 || k >= n))
                r.AddError($"--shard must be in [0, --shards) = [0, {n}), got {k}.");
        });

        CommandActions.Set(command, standardInput, (p, context, cancellationToken) =>
        {
            var named = relation.Resolve(p, context);
            var axes = new List<SweepAxis>
            {
                new("encoder_lr", p.GetValue(training.EncoderRate)!),
                new("decoder_lr", p.GetValue(training.DecoderRate)!),
                new("train_fraction", p.GetValue(training.TrainFraction)!),
                new("encoder_wd", p.GetValue(training.EncoderDecay)!),
                new("decoder_wd", p.GetValue(training.DecoderDecay)!),
                SweepAxis.Replicates("replicate", p.GetValue(replicates)),
            };
            var grid = new SweepGrid(axes, p.GetValue(seed));
            int threads = p.GetValue(workers);
            var options = new SweepOptions(p.GetValue(output)!)
            {
                ShardIndex = p.GetValue(shard),
                ShardCount = p.GetValue(shards),
                Workers = threads == -1 ? Environment.ProcessorCount : threads,
            };
            var stage = context.Progress($"sweep shard {options.ShardIndex}/{options.ShardCount}");
            var progress = new Inline<SweepProgress>(s =>
            {
                if (s.LastRow is null && s.Skipped > 0 && !context.Quiet)
                    context.Error.WriteLine($"sweep: {s.Skipped} of {s.Total} cells already in {options.ResultsPath}, skipped{(s.RejectedLines > 0 ? $"; {s.RejectedLines} damaged lines ignored" : "")}.");
                if (s.Total > 0) stage.Report((double)s.Completed / s.Total);
            });

            IReadOnlyList<SweepRow> rows;
            try
            {
                rows = SweepRunner.Run(grid, (cell, token) =>
                {
                    var settings = training.Settings(p, named.Relation, cell.Seed, cell["train_fraction"], cell["encoder_lr"], cell["decoder_lr"], cell["encoder_wd"], cell["decoder_wd"])
                        with { RecordCurve = false };
                    return Deterministic(TrainingRun.Execute(settings, null, token));
                }, options, progress, cancellationToken);
            }
            catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                throw new CliInputException(e.Message);
            }

            stage.Finish();
            var counts = rows.GroupBy(r => r.Text("phase")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            context.WriteResult(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {named.Name}, n = {named.Relation.Size}; shard {options.ShardIndex} of {options.ShardCount}: {rows.Count} of {grid.Cells.Count} cells in {options.ResultsPath} ({string.Join(", ", counts)})"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMerge(Func<TextReader> standardInput)
    {
        var inputs = new Argument<string[]>("files") { Description = "The shard result files", Arity = ArgumentArity.OneOrMore };
        ParseValues.RejectOptionLikeTokens(inputs);
        var output = new Option<string>("--output", "-o") { Description = "The merged JSON-lines file (overwritten; not one of the inputs)", Required = true };
        var expect = new Option<int?>("--expect") { Description = "Fail (exit 2) unless the merged file holds exactly this many cells, indices 0..N-1" };
        var command = new Command(
            "merge",
            "Merges shard result files into one, sorted by cell index, each cell once; damaged lines are dropped, and two "
            + "shards that disagree on a cell (different seed, coordinates or results) are an error")
        { inputs, output, expect };

        CommandActions.Set(command, standardInput, (p, context, _) =>
        {
            string[] files = p.GetValue(inputs)!;
            foreach (string f in files)
                if (!File.Exists(f)) throw new CliInputException($"{f}: no such file.");
            var byKey = new Dictionary<string, (SweepRow Row, string File)>(StringComparer.Ordinal);
            int duplicates = 0;
            foreach (string f in files)
            {
                foreach (var row in SweepResults.Read(f))
                {
                    if (!byKey.TryGetValue(row.Key, out var first))
                    {
                        byKey[row.Key] = (row, f);
                        continue;
                    }

                    if (!row.SameAs(first.Row))
                        throw new CliInputException($"cell {row.Index} ('{row.Key}') differs between {first.File} and {f}: the shards are not of one sweep (or not deterministic).");
                    duplicates++;
                }
            }

            var indices = byKey.Values.Select(v => v.Row.Index).ToList();
            if (indices.Count != indices.Distinct().Count())
                throw new CliInputException("two different cells share an index: the files are not of one sweep.");
            var names = byKey.Values.Select(v => string.Join(',', v.Row.Coordinates.Select(c => c.Key))).Distinct().ToList();
            if (names.Count > 1) throw new CliInputException($"the files have different axes ({string.Join(" / ", names)}): not one sweep.");
            if (p.GetValue(expect) is { } expected)
            {
                var missing = Enumerable.Range(0, expected).Where(i => !indices.Contains(i)).ToList();
                if (missing.Count > 0 || indices.Count != expected)
                    throw new CliInputException($"expected cells 0..{expected - 1}, have {indices.Count}; missing {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", ..." : "")}.");
            }

            var merged = SweepResults.Merge(files, p.GetValue(output)!);
            context.WriteResult(string.Create(CultureInfo.InvariantCulture,
                $"merged {files.Length} files: {merged.Count} cells ({duplicates} duplicates dropped) -> {p.GetValue(output)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreatePhaseDiagram(Func<TextReader> standardInput)
    {
        var input = new Argument<string>("file") { Description = "A results file of sweep run or sweep merge" };
        ParseValues.RejectOptionLikeTokens(input);
        var x = new Option<string>("--x") { Description = "The axis across (default encoder_lr)", DefaultValueFactory = _ => "encoder_lr" };
        var y = new Option<string>("--y") { Description = "The axis up (default decoder_lr)", DefaultValueFactory = _ => "decoder_lr" };
        var linear = new Option<bool>("--linear") { Description = "Fit on linear axes instead of log10 axes" };
        var json = new Option<bool>("--json") { Description = "Print the boundary as one JSON object (points, slope, intercept, separating line)" };
        var command = new Command(
            "phase-diagram",
            "The phase map of a sweep over two axes (G generalization, K grokking, M memorization, C confusion, D divergence), "
            + "the boundary points between generalizing/grokking cells below and memorizing ones above in each column, and "
            + "the line log10 y = slope log10 x + intercept fitted through them")
        { input, x, y, linear, json };

        CommandActions.Set(command, standardInput, (p, context, _) =>
        {
            string file = p.GetValue(input)!;
            if (!File.Exists(file)) throw new CliInputException($"{file}: no such file.");
            var rows = SweepResults.Read(file);
            if (rows.Count == 0) throw new CliInputException($"{file}: no results.");
            string xAxis = p.GetValue(x)!, yAxis = p.GetValue(y)!;
            var axes = rows[0].Coordinates.Select(c => c.Key).ToList();
            foreach (string axis in new[] { xAxis, yAxis })
                if (!axes.Contains(axis)) throw new CliInputException($"{file} has no axis '{axis}'; its axes are {string.Join(", ", axes)}.");
            var cells = PhaseDiagram.FromRows(rows, xAxis, yAxis);
            var options = new PhaseDiagramOptions { LogAxes = !p.GetValue(linear) };
            var boundary = PhaseDiagram.FitBoundary(cells, options);
            var inv = CultureInfo.InvariantCulture;
            if (p.GetValue(json))
            {
                context.WriteResult(JsonLine.Object(w =>
                {
                    w.WriteString("x", xAxis);
                    w.WriteString("y", yAxis);
                    w.WriteNumber("cells", cells.Count);
                    w.WriteStartArray("points");
                    foreach (var pt in boundary.Points)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("x", pt.X);
                        w.WriteNumber("y", pt.Y);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumberOrNull("slope", boundary.Slope);
                    w.WriteNumberOrNull("intercept", boundary.Intercept);
                    w.WriteNumberOrNull("medianRatio", boundary.MedianRatio);
                    w.WriteBoolean("logAxes", boundary.LogAxes);
                }));
                return ExitCodes.Success;
            }

            context.WriteResult(string.Create(inv, $"phase diagram of {InputText.DisplayName(file)}: {cells.Count} runs, {yAxis} up, {xAxis} across (G generalization, K grokking, M memorization, C confusion, D divergence)"));
            context.WriteResult(PhaseDiagram.Render(cells).TrimEnd());
            context.WriteResult(boundary.Describe(xAxis, yAxis));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and could run after the command ended).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
