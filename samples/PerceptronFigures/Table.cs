using System.Globalization;
using System.Text;

/// <summary>A CSV file and its Markdown rendering on the console, written together.</summary>
internal sealed class Table(string path, params string[] columns)
{
    private readonly List<string[]> rows = [];

    public void Add(params object[] cells) => rows.Add([.. cells.Select(Format)]);

    public void Save()
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', columns));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row));
        }

        File.WriteAllText(path, csv.ToString());
        Console.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.WriteLine($"|{string.Concat(columns.Select(_ => " --- |"))}");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    private static string Format(object cell) => cell switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
