namespace GenEft.Plotting;

/// <summary>
/// Gaussian kernel density estimate: f(x) = (1 / (n h)) Σ_i φ((x - x_i) / h) with φ the standard normal density,
/// bandwidth h by Silverman's rule of thumb h = 0.9 min(s, IQR / 1.34) n^(-1/5) unless given.
/// </summary>
public static class KernelDensity
{
    /// <summary>Silverman's rule-of-thumb bandwidth of the finite values (s the sample standard deviation, IQR the interquartile range; whichever is positive if one is zero).</summary>
    /// <param name="values">The sample; NaN and infinities are skipped.</param>
    /// <returns>The bandwidth h.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two finite values, or all of them equal (no bandwidth follows from the data).</exception>
    public static double SilvermanBandwidth(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] x = [.. values.Where(double.IsFinite).Order()];
        if (x.Length < 2)
        {
            throw new ArgumentException("A bandwidth needs at least two finite values.", nameof(values));
        }

        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        double iqr = (Quantile(x, 0.75) - Quantile(x, 0.25)) / 1.34;
        double spread = iqr > 0 ? Math.Min(sd, iqr) : sd;
        if (!(spread > 0))
        {
            throw new ArgumentException("All values are equal: pass a bandwidth.", nameof(values));
        }

        return 0.9 * spread * Math.Pow(x.Length, -0.2);
    }

    /// <summary>The density estimate at each of <paramref name="points"/>.</summary>
    /// <param name="values">The sample; NaN and infinities are skipped.</param>
    /// <param name="points">Where to evaluate it.</param>
    /// <param name="bandwidth">The kernel's standard deviation h; null for <see cref="SilvermanBandwidth"/>.</param>
    /// <returns>f at each point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException">No finite value, or no bandwidth given and none follows from the data.</exception>
    public static double[] Evaluate(IEnumerable<double> values, IReadOnlyList<double> points, double? bandwidth = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(points);
        double[] x = [.. values.Where(double.IsFinite)];
        if (x.Length == 0)
        {
            throw new ArgumentException("A density needs at least one finite value.", nameof(values));
        }

        if (bandwidth is { } given && (!double.IsFinite(given) || given <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), given, "The bandwidth must be finite and positive.");
        }

        double h = bandwidth ?? SilvermanBandwidth(x);
        double norm = 1 / (x.Length * h * Math.Sqrt(2 * Math.PI));
        var density = new double[points.Count];
        for (int i = 0; i < density.Length; i++)
        {
            double sum = 0;
            foreach (double xi in x)
            {
                double z = (points[i] - xi) / h;
                sum += Math.Exp(-0.5 * z * z);
            }

            density[i] = sum * norm;
        }

        return density;
    }

    /// <summary>Linear-interpolation quantile of sorted data (the R-7 / NumPy default definition).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
