using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenEft.Experiments;

/// <summary>
/// Sweep result files: JSON lines, one finished cell per line, appended and flushed as each run finishes, so a killed
/// sweep loses only the runs in flight. Reading tolerates a torn last line; merging joins shard files into one table.
/// </summary>
public static class SweepResults
{
    /// <summary>Reads a results file (missing file: no rows), sorted by cell index; lines that do not parse (a torn write) are skipped.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows; if a cell appears more than once, its first row.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static IReadOnlyList<SweepRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var rows = new List<SweepRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            if (TryParse(line, out var row) && seen.Add(row.Key))
            {
                rows.Add(row);
            }
        }

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
            byte[] line = Serialize(row);
            stream.Write(line);
        }

        return rows;
    }

    /// <summary>Writes rows as CSV: index, seed, one column per axis, then one per result name (union, first-seen order).</summary>
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
            fields.AddRange(names.Select(n => values.TryGetValue(n, out string? v) ? Csv(v) : ""));
            text.AppendLine(string.Join(",", fields));
        }

        File.WriteAllText(path, text.ToString());
    }

    internal static byte[] Serialize(SweepRow row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", row.Index);
            writer.WriteString("key", row.Key);
            writer.WriteString("seed", row.Seed.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartObject("coordinates");
            foreach (var kv in row.Coordinates)
            {
                writer.WriteNumber(kv.Key, kv.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("values");
            foreach (var kv in row.Values)
            {
                writer.WriteString(kv.Key, kv.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    internal static bool TryParse(string line, out SweepRow row)
    {
        row = null!;
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
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? "")).ToArray();
            row = new SweepRow(
                root.GetProperty("index").GetInt32(),
                root.GetProperty("key").GetString() ?? "",
                ulong.Parse(root.GetProperty("seed").GetString() ?? "", NumberStyles.None, CultureInfo.InvariantCulture),
                coordinates,
                values);
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

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
