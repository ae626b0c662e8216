using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace GenEft.Experiments;

/// <summary>
/// Phase-diagram tools (GenEFT Figures 5 and 8): the boundary between two groups of phases per column, a least-squares
/// line through it, a logistic separating line over all cells, the ratio y/x at the boundary, and a letter map.
/// </summary>
public static class PhaseDiagram
{
    /// <summary>The cells of sweep rows: coordinates from two axes, the phase from a text result.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="xAxis">The axis on x.</param>
    /// <param name="yAxis">The axis on y.</param>
    /// <param name="phaseName">The result holding the phase name (<see cref="TrainingResult.ToSweepValues"/> writes "phase").</param>
    /// <returns>One cell per row.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A row lacks an axis or the phase.</exception>
    /// <exception cref="FormatException">A phase is not a <see cref="Phase"/> name.</exception>
    public static IReadOnlyList<PhaseCell> FromRows(IEnumerable<SweepRow> rows, string xAxis, string yAxis, string phaseName = "phase")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(xAxis);
        ArgumentNullException.ThrowIfNull(yAxis);
        ArgumentNullException.ThrowIfNull(phaseName);
        return rows.Select(r => new PhaseCell(
            r.Coordinate(xAxis),
            r.Coordinate(yAxis),
            Enum.TryParse<Phase>(r.Text(phaseName), out var p) && Enum.IsDefined(p) ? p : throw new FormatException($"'{r.Text(phaseName)}' is not a phase."))).ToArray();
    }

    /// <summary>
    /// The boundary per column (fixed x): at each (x, y) the replicates vote (a phase group holds the point when more
    /// than half of its runs are in it); the boundary of column x lies between the largest y held by the lower group
    /// whose next y is held by the upper group with no lower-held y above it, at their geometric mean (log axes) or
    /// mean; a column without such a change has no point (it is listed in <see cref="PhaseBoundary.ColumnsWithoutBoundary"/>). Then the least-squares line through the points (on log10
    /// axes: log10 y* = slope log10 x + intercept) and the median y*/x.
    /// </summary>
    /// <param name="cells">The runs.</param>
    /// <param name="options">Phase groups and scale; null for GenEFT Figure 5's.</param>
    /// <returns>The boundary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    /// <exception cref="ArgumentException">A coordinate is not finite, or not positive on log axes.</exception>
    public static PhaseBoundary FitBoundary(IEnumerable<PhaseCell> cells, PhaseDiagramOptions? options = null)
    {
        options ??= new PhaseDiagramOptions();
        var list = Checked(cells, options);
        var points = new List<BoundaryPoint>();
        var withoutBoundary = new List<double>();
        foreach (var column in list.GroupBy(c => c.X).OrderBy(g => g.Key))
        {
            int before = points.Count;
            var ys = column.GroupBy(c => c.Y).OrderBy(g => g.Key)
                .Select(g => (Y: g.Key, Lower: g.Count(c => options.Lower.Contains(c.Phase)) * 2 > g.Count(), Upper: g.Count(c => options.Upper.Contains(c.Phase)) * 2 > g.Count()))
                .ToArray();
            for (int i = 0; i + 1 < ys.Length; i++)
            {
                if (ys[i].Lower && ys[i + 1].Upper && ys.Skip(i + 1).All(y => !y.Lower))
                {
                    double y = options.LogAxes ? Math.Sqrt(ys[i].Y * ys[i + 1].Y) : (ys[i].Y + ys[i + 1].Y) / 2;
                    points.Add(new BoundaryPoint(column.Key, y));
                    break;
                }
            }

            if (points.Count == before)
            {
                withoutBoundary.Add(column.Key);
            }
        }

        var ratios = points.Select(p => p.Y / p.X).Order().ToArray();
        double median = ratios.Length == 0 ? double.NaN
            : ratios.Length % 2 == 1 ? ratios[ratios.Length / 2]
            : options.LogAxes ? Math.Sqrt(ratios[(ratios.Length / 2) - 1] * ratios[ratios.Length / 2])
            : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
        if (points.Count < 2)
        {
            return new PhaseBoundary(points, double.NaN, double.NaN, median, options.LogAxes) { ColumnsWithoutBoundary = withoutBoundary };
        }

        double[] u = points.Select(p => Scale(p.X, options)).ToArray(), v = points.Select(p => Scale(p.Y, options)).ToArray();
        double mu = u.Average(), mv = v.Average();
        double sxx = u.Sum(a => (a - mu) * (a - mu));
        double slope = sxx > 0 ? u.Zip(v).Sum(t => (t.First - mu) * (t.Second - mv)) / sxx : double.NaN;
        return new PhaseBoundary(points, slope, mv - (slope * mu), median, options.LogAxes) { ColumnsWithoutBoundary = withoutBoundary };
    }

    /// <summary>
    /// A separating line that uses every cell of the two groups: logistic regression of label 1 (lower group) vs 0 (upper
    /// group) on (u, v) = the scaled coordinates, centred, with probability σ(w0 + wx (u - ū) + wy (v - v̄)), minimizing
    /// the negative log-likelihood + (ridge / 2)(wx² + wy²) by Newton's method (the ridge keeps it finite when the groups
    /// are perfectly separable). The line is where the probability is 1/2.
    /// </summary>
    /// <param name="cells">The runs.</param>
    /// <param name="options">Phase groups, scale and ridge; null for GenEFT Figure 5's.</param>
    /// <returns>The line; NaN slope and intercept when fewer than 3 cells are in the groups, one group is missing, or wy = 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    /// <exception cref="ArgumentException">A coordinate is not finite, or not positive on log axes.</exception>
    public static PhaseSeparatingLine FitSeparatingLine(IEnumerable<PhaseCell> cells, PhaseDiagramOptions? options = null)
    {
        options ??= new PhaseDiagramOptions();
        var data = Checked(cells, options)
            .Where(c => options.Lower.Contains(c.Phase) || options.Upper.Contains(c.Phase))
            .Select(c => (U: Scale(c.X, options), V: Scale(c.Y, options), Label: options.Lower.Contains(c.Phase) ? 1.0 : 0.0))
            .ToArray();
        if (data.Length < 3 || data.All(d => d.Label == 1) || data.All(d => d.Label == 0))
        {
            return new PhaseSeparatingLine(double.NaN, double.NaN, data.Length, options.LogAxes);
        }

        double mu = data.Average(d => d.U), mv = data.Average(d => d.V);
        var w = Vector<double>.Build.Dense(3);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            var g = Vector<double>.Build.Dense(3);
            var h = Matrix<double>.Build.Dense(3, 3);
            foreach (var d in data)
            {
                var f = Vector<double>.Build.DenseOfArray([1, d.U - mu, d.V - mv]);
                double p = 1 / (1 + Math.Exp(-w.DotProduct(f)));
                g += (p - d.Label) * f;
                h += p * (1 - p) * f.OuterProduct(f);
            }

            for (int i = 1; i < 3; i++)
            {
                g[i] += options.Ridge * w[i];
                h[i, i] += options.Ridge;
            }

            h[0, 0] += 1e-9;
            var step = h.Solve(g);
            w -= step;
            if (step.L1Norm() < 1e-12)
            {
                break;
            }
        }

        if (w[2] == 0)
        {
            return new PhaseSeparatingLine(double.NaN, double.NaN, data.Length, options.LogAxes);
        }

        double slope = -w[1] / w[2];
        return new PhaseSeparatingLine(slope, mv - (slope * mu) - (w[0] / w[2]), data.Length, options.LogAxes);
    }

    /// <summary>The letter of a phase in <see cref="Render"/>: G generalization, K grokking, M memorization, C confusion, D divergence.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The letter.</returns>
    public static char Letter(Phase phase) => phase switch
    {
        Phase.Generalization => 'G',
        Phase.Grokking => 'K',
        Phase.Memorization => 'M',
        Phase.Confusion => 'C',
        Phase.Divergence => 'D',
        _ => '?',
    };

    /// <summary>
    /// The map as text: one line per y (largest first) starting with y, then one letter per x (smallest first) for the
    /// most frequent phase there (ties to the earlier <see cref="Phase"/>), '.' where there is no run.
    /// </summary>
    /// <param name="cells">The runs.</param>
    /// <returns>The lines, joined by newlines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public static string Render(IEnumerable<PhaseCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        var xs = list.Select(c => c.X).Distinct().Order().ToArray();
        var text = new StringBuilder();
        foreach (double y in list.Select(c => c.Y).Distinct().OrderDescending())
        {
            text.Append(y.ToString("G3", System.Globalization.CultureInfo.InvariantCulture).PadLeft(10)).Append(' ');
            foreach (double x in xs)
            {
                var here = list.Where(c => c.X == x && c.Y == y).ToList();
                text.Append(here.Count == 0 ? '.' : Letter(here.GroupBy(c => c.Phase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static List<PhaseCell> Checked(IEnumerable<PhaseCell> cells, PhaseDiagramOptions options)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        foreach (var c in list)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || (options.LogAxes && (c.X <= 0 || c.Y <= 0)))
            {
                throw new ArgumentException($"Cell ({c.X}, {c.Y}) has a coordinate that is not finite{(options.LogAxes ? " and positive (log axes)" : "")}.", nameof(cells));
            }
        }

        return list;
    }

    private static double Scale(double value, PhaseDiagramOptions options) => options.LogAxes ? Math.Log10(value) : value;
}
