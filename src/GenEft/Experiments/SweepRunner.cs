using System.Collections.Concurrent;

namespace GenEft.Experiments;

/// <summary>
/// Runs the cells of a sweep grid in parallel (one single-threaded run per worker), appending each finished cell to
/// the results file at once; a restarted sweep skips cells already in the file.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs every cell of this shard that the results file does not already hold.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="run">
    /// Runs one cell and returns its named results (in a stable order). It must depend only on the cell (use
    /// <see cref="SweepCell.Seed"/>), must not use more than one thread, and should honour the token.
    /// </param>
    /// <param name="options">Results file, workers and shard.</param>
    /// <param name="progress">Receives a report at the start and after each finished run (from worker threads).</param>
    /// <param name="cancellationToken">Stops handing out cells and is passed to the runs; finished cells stay in the file.</param>
    /// <returns>All rows of this shard now in the results file, sorted by cell index.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shard index is not below the shard count.</exception>
    /// <exception cref="InvalidOperationException">The results file holds a cell of this grid's index with a different key (a different grid).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="AggregateException">A run threw; rows finished before it are kept.</exception>
    public static IReadOnlyList<SweepRow> Run(
        SweepGrid grid,
        Func<SweepCell, CancellationToken, IReadOnlyList<KeyValuePair<string, string>>> run,
        SweepOptions options,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ShardIndex >= options.ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ShardIndex, $"ShardIndex must be below ShardCount ({options.ShardCount}).");
        }

        var shard = grid.Shard(options.ShardIndex, options.ShardCount);
        SweepResults.RepairTornTail(options.ResultsPath);
        var done = SweepResults.Read(options.ResultsPath).ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var row in done.Values)
        {
            if (row.Index < grid.Cells.Count && grid.Cells[row.Index].Key != row.Key)
            {
                throw new InvalidOperationException(
                    $"{options.ResultsPath} holds cell {row.Index} as '{row.Key}', but this grid has '{grid.Cells[row.Index].Key}': it belongs to another sweep.");
            }
        }

        var pending = shard.Where(c => !done.ContainsKey(c.Key)).ToList();
        int skipped = shard.Count - pending.Count, completed = skipped;
        progress?.Report(new SweepProgress(completed, shard.Count, skipped, null));

        var gate = new object();
        using (var stream = new FileStream(options.ResultsPath, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken };

            // NoBuffering hands cells out one at a time in grid order, so a long run does not hold a queue of others.
            Parallel.ForEach(Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering), parallel, cell =>
            {
                var values = run(cell, cancellationToken) ?? throw new InvalidOperationException($"The run of cell {cell.Key} returned null.");
                var row = new SweepRow(cell.Index, cell.Key, cell.Seed, cell.Names.Select(n => new KeyValuePair<string, double>(n, cell[n])).ToArray(), values.ToArray());
                byte[] line = SweepResults.Serialize(row);
                int now;
                lock (gate)
                {
                    stream.Write(line);
                    stream.Flush();
                    now = ++completed;
                }

                progress?.Report(new SweepProgress(now, shard.Count, skipped, row));
            });
        }

        var keys = new HashSet<string>(shard.Select(c => c.Key), StringComparer.Ordinal);
        return SweepResults.Read(options.ResultsPath).Where(r => keys.Contains(r.Key)).ToList();
    }
}
