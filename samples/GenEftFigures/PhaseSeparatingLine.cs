using System.Globalization;
using GenEft.Experiments;

/// <summary>
/// A second boundary estimate that uses every cell: ridge-regularized logistic regression of "generalizes"
/// (generalization or grokking) against "memorizes" on (log10 x, log10 y), fitted by Newton's method. The line
/// w0 + wx log10 x + wy log10 y = 0 has slope -wx / wy on log axes; confusion and divergence cells are left out.
/// </summary>
internal sealed record PhaseSeparatingLine(double Slope, double Intercept, int Cells)
{
    public static PhaseSeparatingLine Fit(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis, double ridge = 1e-2)
    {
        var data = rows
            .Where(r => r.Value("phase") is nameof(Phase.Generalization) or nameof(Phase.Grokking) or nameof(Phase.Memorization))
            .Select(r => (X: Math.Log10(r.Coordinate(xAxis)), Y: Math.Log10(r.Coordinate(yAxis)), Label: r.Value("phase") == nameof(Phase.Memorization) ? 0.0 : 1.0))
            .ToArray();
        if (data.Length < 3 || data.All(d => d.Label == 1) || data.All(d => d.Label == 0))
        {
            return new PhaseSeparatingLine(double.NaN, double.NaN, data.Length);
        }

        double mx = data.Average(d => d.X), my = data.Average(d => d.Y);
        double[] w = new double[3];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double[] g = new double[3];
            double[,] h = new double[3, 3];
            foreach (var d in data)
            {
                double[] f = [1, d.X - mx, d.Y - my];
                double p = 1 / (1 + Math.Exp(-((w[0] * f[0]) + (w[1] * f[1]) + (w[2] * f[2]))));
                for (int i = 0; i < 3; i++)
                {
                    g[i] += (p - d.Label) * f[i];
                    for (int j = 0; j < 3; j++)
                    {
                        h[i, j] += p * (1 - p) * f[i] * f[j];
                    }
                }
            }

            for (int i = 1; i < 3; i++)
            {
                g[i] += ridge * w[i];
                h[i, i] += ridge;
            }

            h[0, 0] += 1e-9;
            double[] step = Solve3(h, g);
            for (int i = 0; i < 3; i++)
            {
                w[i] -= step[i];
            }

            if (step.Sum(Math.Abs) < 1e-12)
            {
                break;
            }
        }

        double slope = -w[1] / w[2];
        return new PhaseSeparatingLine(slope, my - (slope * mx) - (w[0] / w[2]), data.Length);
    }

    public string Describe(string xAxis, string yAxis) => string.Create(
        CultureInfo.InvariantCulture,
        $"logistic separating line over {Cells} cells: log10 {yAxis} = {Slope:F2} log10 {xAxis} + {Intercept:F2} " +
        $"(at {xAxis} = 1e-4: {yAxis}/{xAxis} = {Math.Pow(10, (Slope * -4) + Intercept + 4):G3})");

    private static double[] Solve3(double[,] a, double[] b)
    {
        // Cramer's rule: the system is 3 x 3 and positive definite.
        static double Det(double[,] m) =>
            (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1]))) - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0]))) + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
        double det = Det(a);
        var x = new double[3];
        for (int c = 0; c < 3; c++)
        {
            var m = (double[,])a.Clone();
            for (int r = 0; r < 3; r++)
            {
                m[r, c] = b[r];
            }

            x[c] = Det(m) / det;
        }

        return x;
    }
}
