using System.Globalization;
using System.Text;

namespace GenEft.Plotting;

/// <summary>
/// A CSV file read into memory (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double
/// quotes, "" for a quote), first line the header: lets a figure be redrawn from its committed table.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<string[]> _rows;

    private CsvTable(string[] columns, IReadOnlyList<string[]> rows)
    {
        Columns = columns;
        _rows = rows;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is empty, a quote is unterminated, a row's field count differs from the header's, or a column name repeats.</exception>
    public static CsvTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is empty, a quote is unterminated, a row's field count differs from the header's, or a column name repeats.</exception>
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string[]> records = Records(text);
        if (records.Count == 0)
        {
            throw new FormatException("The CSV text has no header line.");
        }

        string[] header = records[0];
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
        {
            throw new FormatException("A column name repeats in the CSV header.");
        }

        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Length != header.Length)
            {
                throw new FormatException($"CSV row {r} has {records[r].Length} fields, the header has {header.Length}.");
            }
        }

        return new CsvTable(header, records.Skip(1).ToArray());
    }

    /// <summary>The text of a column, row by row.</summary>
    /// <param name="column">A column name.</param>
    /// <returns>The fields.</returns>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public string[] Text(string column)
    {
        int c = ColumnIndex(column);
        return [.. _rows.Select(r => r[c])];
    }

    /// <summary>A column parsed as invariant-culture numbers; empty fields are NaN.</summary>
    /// <param name="column">A column name.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    /// <exception cref="FormatException">A non-empty field is not a number.</exception>
    public double[] Numbers(string column) =>
        [.. Text(column).Select(f => f.Length == 0 ? double.NaN : double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture))];

    /// <summary>The rows whose <paramref name="column"/> equals <paramref name="value"/> (ordinal comparison), in order.</summary>
    /// <param name="column">A column name.</param>
    /// <param name="value">The text to match.</param>
    /// <returns>A table with the same columns.</returns>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public CsvTable Where(string column, string value)
    {
        int c = ColumnIndex(column);
        return new CsvTable([.. Columns], _rows.Where(r => r[c] == value).ToArray());
    }

    /// <summary>The distinct values of a column in order of first appearance.</summary>
    /// <param name="column">A column name.</param>
    /// <returns>The values.</returns>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public string[] Distinct(string column) => [.. Text(column).Distinct(StringComparer.Ordinal)];

    private int ColumnIndex(string column) =>
        _index.TryGetValue(column, out int c) ? c : throw new KeyNotFoundException($"The CSV table has no column '{column}'.");

    private static List<string[]> Records(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted CSV field is not terminated.");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (any || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }

            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
