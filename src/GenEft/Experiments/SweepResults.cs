using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenEft.Experiments;

/// <summary>
/// Sweep result files: JSON lines, one finished cell per line, appended and flushed as each run finishes, so a killed
/// sweep loses only the runs in flight. Reading tolerates a torn last line and skips lines whose checksum does not
/// match; merging joins shard files into one table.
/// </summary>
/// <remarks>
/// A line is <c>{"index":3,"key":"a=1;b=2","seed":1234,"coordinates":{"a":1,"b":2},"values":{...},"check":"0123456789ABCDEF"}</c>.
/// The seed is a JSON integer token written from the ulong, digit for digit, so it round-trips exactly even above
/// 2^53 (System.Text.Json reads it with GetUInt64, Python's json module as an exact int; readers that turn every number
/// into a double, such as pandas by default, lose bits above 2^53: read it as a string or with dtype uint64). Values
/// are typed (<see cref="SweepValue"/>): numbers as JSON numbers in shortest round-trip form, NaN as null, ±infinity as
/// the strings "Infinity"/"-Infinity", text as strings, booleans as booleans. "check" is the 64-bit FNV-1a hash of the
/// line's UTF-8 bytes without the check (the same text ending in "}"): a line that was edited or damaged after it was
/// written no longer matches and is not trusted. Files written before values were typed (seed and values as strings,
/// no check) are still read: their values are text (<see cref="SweepValue.AsNumber"/> parses them).
/// </remarks>
public static class SweepResults
{
    private const string CheckPrefix = ",\"check\":\"";

    // ,"check":" + 16 hex digits + "}
    private const int CheckSuffixLength = 10 + 16 + 2;

    /// <summary>
    /// Reads a results file (missing file: no rows), sorted by cell index. Lines that do not parse (a torn write) or
    /// whose checksum does not match (an edited or damaged line) are skipped.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows; if a cell appears more than once, its first row.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static IReadOnlyList<SweepRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = ReadLines(path).Where(l => l.Intact && seen.Add(l.Row.Key)).Select(l => l.Row).ToList();
        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rows;
    }

    /// <summary>Merges shard result files into one file, sorted by cell index, each cell once (first occurrence wins).</summary>
    /// <param name="inputPaths">The shard files (missing ones count as empty).</param>
    /// <param name="outputPath">The merged JSON-lines file (overwritten); must not be one of the inputs.</param>
    /// <returns>The merged rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputPaths"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputPath"/> is null, empty, or one of the inputs.</exception>
    public static IReadOnlyList<SweepRow> Merge(IEnumerable<string> inputPaths, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        string[] inputs = inputPaths.ToArray();
        if (inputs.Any(p => Path.GetFullPath(p) == Path.GetFullPath(outputPath)))
        {
            throw new ArgumentException("The merged file must not be one of the inputs.", nameof(outputPath));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = inputs.SelectMany(Read).Where(r => seen.Add(r.Key)).OrderBy(r => r.Index).ToList();
        using var stream = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        foreach (var row in rows)
        {
            stream.Write(Serialize(row));
        }

        return rows;
    }

    /// <summary>Writes rows as CSV: index, seed, one column per axis, then one per result name (union, first-seen order); null is an empty field.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="path">The CSV file (overwritten).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static void WriteCsv(IEnumerable<SweepRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var list = rows.ToList();
        var axes = list.SelectMany(r => r.Coordinates.Select(c => c.Key)).Distinct().ToList();
        var names = list.SelectMany(r => r.Values.Select(v => v.Key)).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", new[] { "index", "seed" }.Concat(axes).Concat(names).Select(Csv)));
        foreach (var row in list)
        {
            var coordinates = row.Coordinates.ToDictionary(c => c.Key, c => c.Value);
            var values = row.Values.ToDictionary(v => v.Key, v => v.Value);
            var fields = new List<string> { row.Index.ToString(CultureInfo.InvariantCulture), row.Seed.ToString(CultureInfo.InvariantCulture) };
            fields.AddRange(axes.Select(a => coordinates.TryGetValue(a, out double v) ? v.ToString("R", CultureInfo.InvariantCulture) : ""));
            fields.AddRange(names.Select(n => values.TryGetValue(n, out var v) ? Csv(v.AsText()) : ""));
            text.AppendLine(string.Join(",", fields));
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>One line: the row's JSON with its checksum, and a newline.</summary>
    internal static byte[] Serialize(SweepRow row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", row.Index);
            writer.WriteString("key", row.Key);
            writer.WriteNumber("seed", row.Seed);
            writer.WriteStartObject("coordinates");
            foreach (var kv in row.Coordinates)
            {
                writer.WriteNumber(kv.Key, kv.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("values");
            foreach (var kv in row.Values)
            {
                writer.WritePropertyName(kv.Key);
                WriteValue(writer, kv.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        byte[] body = buffer.ToArray();
        string check = Checksum(body).ToString("X16", CultureInfo.InvariantCulture);
        byte[] tail = Encoding.UTF8.GetBytes(CheckPrefix + check + "\"}\n");
        var line = new byte[body.Length - 1 + tail.Length];
        body.AsSpan(0, body.Length - 1).CopyTo(line);
        tail.CopyTo(line, body.Length - 1);
        return line;
    }

    /// <summary>Every line that parses, with whether its checksum matches (true for older lines without one).</summary>
    internal static IEnumerable<(SweepRow Row, bool Intact)> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            if (TryParse(line, out var row, out bool intact))
            {
                yield return (row, intact);
            }
        }
    }

    internal static bool TryParse(string line, out SweepRow row, out bool intact)
    {
        row = null!;
        intact = false;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var coordinates = root.GetProperty("coordinates").EnumerateObject()
                .Select(p => new KeyValuePair<string, double>(p.Name, p.Value.GetDouble())).ToArray();
            var values = root.GetProperty("values").EnumerateObject()
                .Select(p => new KeyValuePair<string, SweepValue>(p.Name, ReadValue(p.Value))).ToArray();
            var seed = root.GetProperty("seed");
            row = new SweepRow(
                root.GetProperty("index").GetInt32(),
                root.GetProperty("key").GetString() ?? "",
                seed.ValueKind == JsonValueKind.String
                    ? ulong.Parse(seed.GetString() ?? "", NumberStyles.None, CultureInfo.InvariantCulture)
                    : seed.GetUInt64(),
                coordinates,
                values);
            intact = !root.TryGetProperty("check", out _) || ChecksumMatches(line);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Cuts a torn last line (a write interrupted by a kill) so appends start on a fresh line.</summary>
    internal static void RepairTornTail(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        long length = stream.Length;
        long position = length;
        while (position > 0)
        {
            stream.Position = position - 1;
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            position--;
        }

        if (position != length)
        {
            stream.SetLength(position);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, SweepValue value)
    {
        switch (value.Kind)
        {
            case SweepValueKind.Number:
                double number = value.AsNumber();
                if (double.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(number > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case SweepValueKind.Text:
                writer.WriteStringValue(value.AsText());
                break;
            case SweepValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static SweepValue ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => SweepValue.Number(element.GetDouble()),
        JsonValueKind.True => SweepValue.Boolean(true),
        JsonValueKind.False => SweepValue.Boolean(false),
        JsonValueKind.Null => SweepValue.Null,
        JsonValueKind.String => element.GetString() switch
        {
            "Infinity" => SweepValue.Number(double.PositiveInfinity),
            "-Infinity" => SweepValue.Number(double.NegativeInfinity),
            var text => SweepValue.Text(text ?? ""),
        },
        _ => throw new FormatException($"A sweep value cannot be a JSON {element.ValueKind}."),
    };

    private static bool ChecksumMatches(string line)
    {
        if (line.Length <= CheckSuffixLength || !line.EndsWith("\"}", StringComparison.Ordinal)
            || string.CompareOrdinal(line, line.Length - CheckSuffixLength, CheckPrefix, 0, CheckPrefix.Length) != 0)
        {
            return false;
        }

        string hex = line.Substring(line.Length - 18, 16);
        byte[] body = Encoding.UTF8.GetBytes(string.Concat(line.AsSpan(0, line.Length - CheckSuffixLength), "}"));
        return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong stored) && stored == Checksum(body);
    }

    /// <summary>64-bit FNV-1a: catches accidental edits and damage (not a defence against deliberate forgery).</summary>
    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
