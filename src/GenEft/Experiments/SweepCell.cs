using System.Globalization;

namespace GenEft.Experiments;

/// <summary>One point of a sweep grid: its coordinates and a seed derived from them (not from scheduling).</summary>
public sealed class SweepCell
{
    private readonly Dictionary<string, double> _coordinates;

    internal SweepCell(int index, IReadOnlyList<KeyValuePair<string, double>> coordinates, ulong seed)
    {
        Index = index;
        _coordinates = coordinates.ToDictionary(kv => kv.Key, kv => kv.Value);
        Names = coordinates.Select(kv => kv.Key).ToArray();
        Seed = seed;
        Key = KeyOf(coordinates);
    }

    /// <summary>Position in the grid's row-major order (the last axis varies fastest).</summary>
    public int Index { get; }

    /// <summary>The axis names, in grid order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The value of each axis.</summary>
    public IReadOnlyDictionary<string, double> Coordinates => _coordinates;

    /// <summary>A seed derived from the grid's base seed and the cell's seed-axis coordinates.</summary>
    public ulong Seed { get; }

    /// <summary>A canonical text key ("name=value;..." with round-trip numbers) identifying the cell in result files.</summary>
    public string Key { get; }

    /// <summary>The value of axis <paramref name="name"/>.</summary>
    /// <param name="name">An axis name.</param>
    /// <exception cref="KeyNotFoundException">No axis has that name.</exception>
    public double this[string name] => _coordinates.TryGetValue(name, out double v)
        ? v
        : throw new KeyNotFoundException($"The sweep has no axis '{name}'; it has {string.Join(", ", Names)}.");

    /// <summary>A non-negative 31-bit seed for <see cref="Random"/>, derived from <see cref="Seed"/> and a stream number.</summary>
    /// <param name="stream">Which independent stream (e.g. 0 for the split, 1 for the initialization).</param>
    /// <returns>The seed.</returns>
    public int RandomSeed(int stream = 0) => SeedMixer.ToRandomSeed(SeedMixer.Mix(Seed, (ulong)(uint)stream));

    internal static string KeyOf(IEnumerable<KeyValuePair<string, double>> coordinates) =>
        string.Join(";", coordinates.Select(kv => kv.Key + "=" + kv.Value.ToString("R", CultureInfo.InvariantCulture)));
}
