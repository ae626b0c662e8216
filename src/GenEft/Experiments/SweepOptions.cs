namespace GenEft.Experiments;

/// <summary>How a sweep runs: where results go, how many runs at once, and which shard of the grid.</summary>
public sealed record SweepOptions
{
    /// <summary>Creates options writing to <paramref name="resultsPath"/>.</summary>
    /// <param name="resultsPath">The JSON-lines results file, appended to (created if missing); cells already in it are skipped.</param>
    /// <exception cref="ArgumentException"><paramref name="resultsPath"/> is null or empty.</exception>
    public SweepOptions(string resultsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsPath);
        ResultsPath = resultsPath;
    }

    /// <summary>The JSON-lines results file.</summary>
    public string ResultsPath { get; }

    /// <summary>Runs at once (each single-threaded); at least 1; default the number of cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Workers
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Workers));
            field = value;
        }
    } = Environment.ProcessorCount;

    /// <summary>Which shard this process runs, in [0, <see cref="ShardCount"/>) (e.g. SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int ShardIndex
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(ShardIndex));
            field = value;
        }
    }

    /// <summary>How many shards the grid is split into (cell index mod count); at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ShardCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(ShardCount));
            field = value;
        }
    } = 1;
}
