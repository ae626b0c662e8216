using System.Globalization;
using GenEft.Experiments;

/// <summary>
/// The generalization/memorization boundary of a phase diagram: for each x, the geometric mean of the largest y that
/// still generalizes (generalization or grokking) and the next y, if it memorizes; then a least-squares line
/// log10 y* = slope log10 x + intercept, and the median ratio y*/x.
/// </summary>
internal sealed record PhaseBoundary(IReadOnlyList<(double X, double Y)> Points, double Slope, double Intercept, double MedianRatio)
{
    public static PhaseBoundary Fit(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis)
    {
        static bool Generalizes(SweepRow r) => r.Value("phase") is nameof(Phase.Generalization) or nameof(Phase.Grokking);
        var points = new List<(double X, double Y)>();
        foreach (var column in rows.GroupBy(r => r.Coordinate(xAxis)).OrderBy(g => g.Key))
        {
            // Replicates: a y generalizes if most replicates do.
            var ys = column.GroupBy(r => r.Coordinate(yAxis)).OrderBy(g => g.Key)
                .Select(g => (Y: g.Key, General: g.Count(Generalizes) * 2 > g.Count(), Memorizes: g.Count(r => r.Value("phase") == nameof(Phase.Memorization)) * 2 > g.Count()))
                .ToArray();
            for (int i = 0; i + 1 < ys.Length; i++)
            {
                if (ys[i].General && ys[i + 1].Memorizes && ys.Skip(i + 1).All(y => !y.General))
                {
                    points.Add((column.Key, Math.Sqrt(ys[i].Y * ys[i + 1].Y)));
                    break;
                }
            }
        }

        if (points.Count < 2)
        {
            return new PhaseBoundary(points, double.NaN, double.NaN, points.Count == 1 ? points[0].Y / points[0].X : double.NaN);
        }

        double[] lx = points.Select(p => Math.Log10(p.X)).ToArray(), ly = points.Select(p => Math.Log10(p.Y)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double slope = lx.Zip(ly).Sum(t => (t.First - mx) * (t.Second - my)) / lx.Sum(v => (v - mx) * (v - mx));
        var ratios = points.Select(p => p.Y / p.X).Order().ToArray();
        double median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : Math.Sqrt(ratios[(ratios.Length / 2) - 1] * ratios[ratios.Length / 2]);
        return new PhaseBoundary(points, slope, my - (slope * mx), median);
    }

    public string Describe(string xAxis, string yAxis) => string.Create(
        CultureInfo.InvariantCulture,
        $"boundary points ({xAxis}, {yAxis}*): {string.Join(" ", Points.Select(p => $"({p.X:G3}, {p.Y:G3})"))}; " +
        $"fit log10 {yAxis}* = {Slope:F2} log10 {xAxis} + {Intercept:F2}; median {yAxis}*/{xAxis} = {MedianRatio:G3}");
}
