namespace GenEft.Experiments;

/// <summary>One finished cell of a sweep as stored in a results file: where it is in the grid and what its run returned.</summary>
/// <param name="Index">The cell's index in the grid.</param>
/// <param name="Key">The cell's canonical key (see <see cref="SweepCell.Key"/>).</param>
/// <param name="Seed">The cell's seed.</param>
/// <param name="Coordinates">The cell's axis values, in grid order.</param>
/// <param name="Values">The named, typed results of the run, in the order the run gave them.</param>
public sealed record SweepRow(
    int Index,
    string Key,
    ulong Seed,
    IReadOnlyList<KeyValuePair<string, double>> Coordinates,
    IReadOnlyList<KeyValuePair<string, SweepValue>> Values)
{
    /// <summary>The axis value called <paramref name="name"/>.</summary>
    /// <param name="name">An axis name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The row has no such axis.</exception>
    public double Coordinate(string name)
    {
        foreach (var kv in Coordinates)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        throw new KeyNotFoundException($"The row has no axis '{name}'.");
    }

    /// <summary>The result called <paramref name="name"/>.</summary>
    /// <param name="name">A result name.</param>
    /// <returns>The typed value.</returns>
    /// <exception cref="KeyNotFoundException">The row has no such result.</exception>
    public SweepValue Value(string name)
    {
        foreach (var kv in Values)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        throw new KeyNotFoundException($"The row has no result '{name}'.");
    }

    /// <summary>The result called <paramref name="name"/> as a number (<see cref="SweepValue.AsNumber"/>: null is NaN; text from older files is parsed).</summary>
    /// <param name="name">A result name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="KeyNotFoundException">The row has no such result.</exception>
    /// <exception cref="FormatException">The value is text that is not a number.</exception>
    public double Number(string name) => Value(name).AsNumber();

    /// <summary>The result called <paramref name="name"/> as text (<see cref="SweepValue.AsText"/>: null is "").</summary>
    /// <param name="name">A result name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The row has no such result.</exception>
    public string Text(string name) => Value(name).AsText();

    /// <summary>Whether two rows hold the same cell, seed, coordinates and results (typed, numbers bit for bit).</summary>
    /// <param name="other">The other row.</param>
    /// <returns>True when identical.</returns>
    public bool SameAs(SweepRow? other) =>
        other is not null && Index == other.Index && Key == other.Key && Seed == other.Seed
        && Coordinates.SequenceEqual(other.Coordinates) && Values.SequenceEqual(other.Values);
}
