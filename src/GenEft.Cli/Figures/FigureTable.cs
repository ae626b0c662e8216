using System.Globalization;
using System.Text;

namespace GenEft.Cli.Figures;

/// <summary>
/// A figure's table of plotted numbers: written as CSV (doubles in round-trip form, fields with commas or quotes
/// quoted as RFC 4180 says) and printed on stdout as a Markdown table (doubles to 6 significant digits).
/// </summary>
internal sealed class FigureTable(string file, params string[] columns)
{
    private readonly List<object[]> _rows = [];

    public void Add(params object[] cells)
    {
        if (cells.Length != columns.Length) throw new InvalidOperationException($"{file}: a row of {cells.Length} cells, {columns.Length} columns.");
        _rows.Add(cells);
    }

    /// <summary>Writes the CSV file (recorded in <paramref name="figure"/>) and, if <paramref name="print"/>, prints the table; returns its path.</summary>
    public string Save(FigureContext figure, bool print = true)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', columns.Select(Quote)));
        foreach (var row in _rows) csv.AppendLine(string.Join(',', row.Select(c => Quote(Csv(c)))));
        string path = figure.PathOf(file);
        File.WriteAllText(path, csv.ToString());
        if (print)
        {
            figure.Line($"| {string.Join(" | ", columns)} |");
            figure.Line($"|{string.Concat(columns.Select(_ => " --- |"))}");
            foreach (var row in _rows) figure.Line($"| {string.Join(" | ", row.Select(Console))} |");
        }

        figure.Wrote([path]);
        return path;
    }

    private static string Csv(object cell) => cell switch
    {
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Console(object cell) => cell switch
    {
        double d when double.IsNaN(d) => "-",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        _ => Csv(cell),
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
