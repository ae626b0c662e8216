using GenEft.Experiments;

/// <summary>Prints a phase diagram as a letter grid (G generalization, K grokking, M memorization, C confusion, D divergence).</summary>
internal static class PhaseMap
{
    public static char Letter(string phase) => phase switch
    {
        nameof(Phase.Generalization) => 'G',
        nameof(Phase.Grokking) => 'K',
        nameof(Phase.Memorization) => 'M',
        nameof(Phase.Confusion) => 'C',
        _ => 'D',
    };

    public static void Print(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis)
    {
        var xs = rows.Select(r => r.Coordinate(xAxis)).Distinct().Order().ToArray();
        var ys = rows.Select(r => r.Coordinate(yAxis)).Distinct().OrderDescending().ToArray();
        Console.WriteLine($"rows: {yAxis} (top = largest), columns: {xAxis} (left = smallest); first replicate");
        foreach (double y in ys)
        {
            var line = xs.Select(x => rows.First(r => r.Coordinate(xAxis) == x && r.Coordinate(yAxis) == y)).Select(r => Letter(r.Value("phase")));
            Console.WriteLine($"{y,10:G3} {string.Concat(line)}");
        }
    }
}
