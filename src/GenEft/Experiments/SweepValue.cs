using System.Globalization;

namespace GenEft.Experiments;

/// <summary>The kind of a <see cref="SweepValue"/>.</summary>
public enum SweepValueKind
{
    /// <summary>No value (a step that was never reached, a NaN number): JSON null.</summary>
    Null,

    /// <summary>A number (double; integers are exact up to 2^53): a JSON number.</summary>
    Number,

    /// <summary>Text: a JSON string.</summary>
    Text,

    /// <summary>True or false: a JSON boolean.</summary>
    Boolean,
}

/// <summary>
/// One typed result of a sweep cell: a number, text, a boolean or null, stored in results files as the JSON value of that
/// type (so pandas and other readers get numbers as numbers). A NaN number is null (JSON has no NaN; "missing" is what
/// NaN means here); ±infinity is stored as the text "Infinity" / "-Infinity" and read back as the number.
/// </summary>
public readonly struct SweepValue : IEquatable<SweepValue>
{
    private readonly double _number;
    private readonly string? _text;

    private SweepValue(SweepValueKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    /// <summary>The null value.</summary>
    public static SweepValue Null => default;

    /// <summary>The kind.</summary>
    public SweepValueKind Kind { get; }

    /// <summary>A number (NaN gives <see cref="Null"/>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static SweepValue Number(double value) => double.IsNaN(value) ? Null : new(SweepValueKind.Number, value, null);

    /// <summary>Text.</summary>
    /// <param name="value">The text (not null).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static SweepValue Text(string value) => new(SweepValueKind.Text, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A boolean.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static SweepValue Boolean(bool value) => new(SweepValueKind.Boolean, value ? 1 : 0, null);

    /// <summary>A number, or <see cref="Null"/> for null (e.g. a crossing step that never happened).</summary>
    /// <param name="value">The number or null.</param>
    /// <returns>The value.</returns>
    public static SweepValue From(double? value) => value is { } v ? Number(v) : Null;

    /// <summary>A number, or <see cref="Null"/> for null.</summary>
    /// <param name="value">The number or null.</param>
    /// <returns>The value.</returns>
    public static SweepValue From(long? value) => value is { } v ? Number(v) : Null;

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator SweepValue(double value) => Number(value);

    /// <summary>Converts a whole number (exact up to 2^53).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator SweepValue(long value) => Number(value);

    /// <summary>Converts text.</summary>
    /// <param name="value">The text; null gives <see cref="Null"/>.</param>
    public static implicit operator SweepValue(string? value) => value is null ? Null : Text(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator SweepValue(bool value) => Boolean(value);

    /// <summary>
    /// The value as a number: a number as is; null as NaN; text parsed as an invariant-culture number ("" as NaN: results
    /// files written before values were typed hold text); a boolean as 1 or 0.
    /// </summary>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a number.</exception>
    public double AsNumber() => Kind switch
    {
        SweepValueKind.Number or SweepValueKind.Boolean => _number,
        SweepValueKind.Text => _text!.Length == 0 ? double.NaN : double.Parse(_text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => double.NaN,
    };

    /// <summary>The value as text: text as is; a number in invariant round-trip form ("R"); null as ""; a boolean as "true"/"false".</summary>
    /// <returns>The text.</returns>
    public string AsText() => Kind switch
    {
        SweepValueKind.Text => _text!,
        SweepValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        SweepValueKind.Boolean => _number != 0 ? "true" : "false",
        _ => "",
    };

    /// <summary>The value as a boolean.</summary>
    /// <returns>The boolean.</returns>
    /// <exception cref="InvalidOperationException">The value is not a boolean (or the text "true"/"false").</exception>
    public bool AsBoolean() => Kind switch
    {
        SweepValueKind.Boolean => _number != 0,
        SweepValueKind.Text when bool.TryParse(_text, out bool b) => b,
        _ => throw new InvalidOperationException($"The value {this} is not a boolean."),
    };

    /// <summary>Same kind and same content (numbers bit for bit).</summary>
    /// <param name="other">The other value.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SweepValue other) => Kind == other.Kind && _number.Equals(other._number) && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SweepValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _text);

    /// <summary><see cref="AsText"/>, with "null" for null.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == SweepValueKind.Null ? "null" : AsText();

    /// <summary>Equality.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SweepValue left, SweepValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(SweepValue left, SweepValue right) => !left.Equals(right);
}
