namespace GenEft.Experiments;

/// <summary>One named axis of a sweep grid (a run setting such as a learning rate, a depth or a replicate index).</summary>
public sealed class SweepAxis
{
    /// <summary>Creates an axis.</summary>
    /// <param name="name">The setting's name: non-empty letters, digits, '_', '-' or '.'.</param>
    /// <param name="values">The values, finite and distinct, at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty or has other characters, or the values are empty, non-finite or repeated.</exception>
    public SweepAxis(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"Axis name '{name}' must be non-empty and use only ASCII letters, digits, '_', '-' or '.'.", nameof(name));
        }

        double[] array = values.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("An axis needs at least one value.", nameof(values));
        }

        if (array.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"Axis '{name}' has a non-finite value.", nameof(values));
        }

        if (array.Distinct().Count() != array.Length)
        {
            throw new ArgumentException($"Axis '{name}' repeats a value.", nameof(values));
        }

        Name = name;
        Values = array;
    }

    /// <summary>The setting's name.</summary>
    public string Name { get; }

    /// <summary>The values, in grid order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>An axis of <paramref name="count"/> values spaced evenly in log10 from <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="from">First value, &gt; 0.</param>
    /// <param name="to">Last value, &gt; 0.</param>
    /// <param name="count">Number of values, at least 1 (1 gives just <paramref name="from"/>).</param>
    /// <returns>The axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive and finite, or <paramref name="count"/> is less than 1.</exception>
    public static SweepAxis LogSpaced(string name, double from, double to, int count)
    {
        if (!(from > 0 && double.IsFinite(from)))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Must be positive and finite.");
        }

        if (!(to > 0 && double.IsFinite(to)))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "Must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double a = Math.Log10(from), b = Math.Log10(to);
        // The ends are given exactly, not as 10^log10(x), so 1e-5 stays 1e-5 in keys and plots.
        return new SweepAxis(name, Enumerable.Range(0, count).Select(i =>
            i == 0 ? from : i == count - 1 ? to : Math.Pow(10, a + ((b - a) * i / (count - 1)))));
    }

    /// <summary>An axis with the replicate indices 0, 1, ..., <paramref name="count"/> - 1 (for seeds).</summary>
    /// <param name="name">The setting's name (e.g. "replicate").</param>
    /// <param name="count">Number of replicates, at least 1.</param>
    /// <returns>The axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static SweepAxis Replicates(string name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new SweepAxis(name, Enumerable.Range(0, count).Select(i => (double)i));
    }
}
