using System.Collections.Concurrent;

namespace GenEft.Experiments;

/// <summary>
/// Runs the cells of a sweep grid in parallel (one single-threaded run per worker), appending each finished cell to
/// the results file at once; a restarted sweep skips cells already in the file, after checking each line against the grid.
/// </summary>
/// <remarks>
/// On resume every line of the results file that parses is checked: its checksum (if it has one) must match, its key
/// must be a cell of this grid with the same seed, and its index and coordinates must be that cell's. A line failing the
/// checksum, index or coordinate check is ignored and its cell is run again (the new row is appended; the bad line
/// stays in the file but is never returned: <see cref="SweepResults.Read"/> also skips it when its checksum fails). A
/// key that is not a cell of the grid, or a seed that differs from the cell's (another base seed or other seed axes),
/// means the file belongs to another sweep: the run is refused. The first valid line of a cell wins.
/// </remarks>
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
    /// <exception cref="InvalidOperationException">The results file holds a key that is not a cell of this grid, or a cell with another seed (another sweep).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="AggregateException">A run threw; rows finished before it are kept.</exception>
    public static IReadOnlyList<SweepRow> Run(
        SweepGrid grid,
        Func<SweepCell, CancellationToken, IReadOnlyList<KeyValuePair<string, SweepValue>>> run,
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
        var done = new Dictionary<int, SweepRow>();
        int rejected = 0;
        foreach (var (row, intact) in SweepResults.ReadLines(options.ResultsPath))
        {
            if (!intact)
            {
                rejected++;
                continue;
            }

            if (!grid.TryGetCell(row.Key, out var cell))
            {
                throw new InvalidOperationException($"{options.ResultsPath} holds a cell '{row.Key}' that is not in this grid: it belongs to another sweep.");
            }

            if (row.Seed != cell.Seed)
            {
                throw new InvalidOperationException(
                    $"{options.ResultsPath} holds cell '{row.Key}' with seed {row.Seed}, but this grid gives it seed {cell.Seed} (another base seed or seed axes): it belongs to another sweep.");
            }

            if (row.Index != cell.Index || !SameCoordinates(row, cell))
            {
                rejected++;
                continue;
            }

            done.TryAdd(cell.Index, row);
        }

        var pending = shard.Where(c => !done.ContainsKey(c.Index)).ToList();
        int skipped = shard.Count - pending.Count, completed = skipped;
        progress?.Report(new SweepProgress(completed, shard.Count, skipped, null) { RejectedLines = rejected });

        var gate = new object();
        var finished = new List<SweepRow>();
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
                    finished.Add(row);
                    now = ++completed;
                }

                progress?.Report(new SweepProgress(now, shard.Count, skipped, row) { RejectedLines = rejected });
            });
        }

        var inShard = new HashSet<int>(shard.Select(c => c.Index));
        return done.Values.Where(r => inShard.Contains(r.Index)).Concat(finished).OrderBy(r => r.Index).ToList();
    }

    private static bool SameCoordinates(SweepRow row, SweepCell cell)
    {
        if (row.Coordinates.Count != cell.Names.Count)
        {
            return false;
        }

        for (int i = 0; i < cell.Names.Count; i++)
        {
            var (name, value) = row.Coordinates[i];
            if (name != cell.Names[i] || BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(cell[name]))
            {
                return false;
            }
        }

        return true;
    }
}
