namespace GenEft.Experiments;

/// <summary>
/// The Cartesian product of sweep axes. Each cell's seed is derived from the base seed and the cell's values on the
/// seed axes, so it does not depend on the order, sharding or thread count that runs it.
/// </summary>
public sealed class SweepGrid
{
    private readonly SweepCell[] _cells;
    private readonly Dictionary<string, SweepCell> _byKey = new(StringComparer.Ordinal);

    /// <summary>Creates a grid.</summary>
    /// <param name="axes">The axes, at least one, with distinct names; the last varies fastest in <see cref="Cells"/>.</param>
    /// <param name="baseSeed">The sweep's seed.</param>
    /// <param name="seedAxes">
    /// The axes whose values feed each cell's seed; null means all axes. Give only the replicate axis to reuse the same
    /// initializations and splits across, say, learning rates (common random numbers, as one seed per phase diagram).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="axes"/> or an axis is null.</exception>
    /// <exception cref="ArgumentException">No axes, repeated names, a seed axis that is not an axis, or more than int.MaxValue cells.</exception>
    public SweepGrid(IEnumerable<SweepAxis> axes, ulong baseSeed = 0, IEnumerable<string>? seedAxes = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        SweepAxis[] array = axes.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("A grid needs at least one axis.", nameof(axes));
        }

        if (array.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(axes), "An axis is null.");
        }

        if (array.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != array.Length)
        {
            throw new ArgumentException("Axis names must be distinct.", nameof(axes));
        }

        var seedNames = new HashSet<string>(seedAxes ?? array.Select(a => a.Name), StringComparer.Ordinal);
        foreach (string name in seedNames)
        {
            if (!array.Any(a => a.Name == name))
            {
                throw new ArgumentException($"Seed axis '{name}' is not an axis of the grid.", nameof(seedAxes));
            }
        }

        long count = array.Aggregate(1L, (p, a) => p * a.Values.Count);
        if (count > int.MaxValue)
        {
            throw new ArgumentException($"The grid has {count} cells; at most {int.MaxValue} are supported.", nameof(axes));
        }

        Axes = array;
        BaseSeed = baseSeed;
        _cells = new SweepCell[count];
        var coordinates = new KeyValuePair<string, double>[array.Length];
        for (int index = 0; index < count; index++)
        {
            int rest = index;
            for (int a = array.Length - 1; a >= 0; a--)
            {
                int size = array[a].Values.Count;
                coordinates[a] = new(array[a].Name, array[a].Values[rest % size]);
                rest /= size;
            }

            ulong seed = SeedMixer.Mix(baseSeed, 0x5EEDUL);
            foreach (var kv in coordinates)
            {
                if (seedNames.Contains(kv.Key))
                {
                    seed = SeedMixer.Mix(SeedMixer.Mix(seed, kv.Key), (ulong)BitConverter.DoubleToInt64Bits(kv.Value));
                }
            }

            _cells[index] = new SweepCell(index, coordinates, seed);
            _byKey[_cells[index].Key] = _cells[index];
        }
    }

    /// <summary>The axes.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>The sweep's seed.</summary>
    public ulong BaseSeed { get; }

    /// <summary>All cells, in row-major order.</summary>
    public IReadOnlyList<SweepCell> Cells => _cells;

    /// <summary>The cell whose <see cref="SweepCell.Key"/> is <paramref name="key"/>.</summary>
    /// <param name="key">A cell key.</param>
    /// <param name="cell">The cell, or null.</param>
    /// <returns>True when the grid has that cell.</returns>
    public bool TryGetCell(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SweepCell? cell) => _byKey.TryGetValue(key, out cell);

    /// <summary>The cells of shard <paramref name="shardIndex"/> of <paramref name="shardCount"/> (cells whose index mod count equals the shard).</summary>
    /// <param name="shardIndex">In [0, <paramref name="shardCount"/>).</param>
    /// <param name="shardCount">At least 1.</param>
    /// <returns>The shard's cells, in grid order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shard argument is out of range.</exception>
    public IReadOnlyList<SweepCell> Shard(int shardIndex, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shardIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardIndex, shardCount);
        return _cells.Where(c => c.Index % shardCount == shardIndex).ToArray();
    }
}
