namespace GenEft.Analysis;

/// <summary>
/// A Gaussian kernel density estimate f(x) = (1/(n h)) sum_i phi((x - x_i)/h), with Silverman's rule
/// h = 0.9 min(s, IQR/1.34) n^(-1/5) by default, and optional reflection at a lower bound (for non-negative data such as
/// grokking times: each kernel's mass below the bound is folded back, so the estimate integrates to 1 on [bound, inf)).
/// </summary>
public sealed class KernelDensity
{
    private readonly double[] values;

    /// <summary>Creates the estimate.</summary>
    /// <param name="values">The sample, finite, at least 2 values.</param>
    /// <param name="bandwidth">h, positive and finite; null for Silverman's rule.</param>
    /// <param name="lowerBound">A bound no value lies below, to reflect at; null for none.</param>
    /// <exception cref="ArgumentException">Fewer than 2 values, a value not finite or below <paramref name="lowerBound"/>, or all values equal with no bandwidth given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is not positive and finite.</exception>
    public KernelDensity(ReadOnlySpan<double> values, double? bandwidth = null, double? lowerBound = null)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException("A kernel density needs at least 2 values.", nameof(values));
        }

        AnalysisArguments.ThrowIfNotFinite(values, nameof(values));
        if (lowerBound is double bound)
        {
            foreach (double v in values)
            {
                if (v < bound)
                {
                    throw new ArgumentException($"A value ({v}) lies below the lower bound {bound}.", nameof(values));
                }
            }
        }

        this.values = values.ToArray();
        Array.Sort(this.values);
        if (bandwidth is double h)
        {
            AnalysisArguments.ThrowIfNotPositiveFinite(h, nameof(bandwidth));
            Bandwidth = h;
        }
        else
        {
            Bandwidth = SilvermanBandwidth(this.values);
            if (!(Bandwidth > 0))
            {
                throw new ArgumentException("All values are equal: Silverman's bandwidth is 0; pass a bandwidth.", nameof(values));
            }
        }

        LowerBound = lowerBound;
    }

    /// <summary>The bandwidth h.</summary>
    public double Bandwidth { get; }

    /// <summary>The reflection bound, or null.</summary>
    public double? LowerBound { get; }

    /// <summary>The estimate at x (0 below the lower bound).</summary>
    /// <param name="x">The point.</param>
    /// <returns>f(x).</returns>
    public double Evaluate(double x)
    {
        if (LowerBound is double bound && x < bound)
        {
            return 0;
        }

        double h = Bandwidth, sum = 0;
        int lo = LowerIndex(x - (8 * h)), hi = LowerIndex(x + (8 * h));
        for (int i = lo; i < hi; i++)
        {
            double u = (x - values[i]) / h;
            sum += Math.Exp(-0.5 * u * u);
        }

        if (LowerBound is double b)
        {
            // Reflected kernels: the images 2b - x_i of the values.
            for (int i = 0; i < values.Length && values[i] - b < (8 * h) - (x - b); i++)
            {
                double u = (x - ((2 * b) - values[i])) / h;
                sum += Math.Exp(-0.5 * u * u);
            }
        }

        return sum / (values.Length * h * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>Silverman's rule of thumb, 0.9 min(s, IQR/1.34) n^(-1/5) (s alone if the IQR is 0).</summary>
    /// <param name="sortedValues">The values, sorted ascending.</param>
    /// <returns>h.</returns>
    internal static double SilvermanBandwidth(double[] sortedValues)
    {
        int n = sortedValues.Length;
        double mean = sortedValues.Average();
        double s = Math.Sqrt(sortedValues.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double iqr = Quantile(sortedValues, 0.75) - Quantile(sortedValues, 0.25);
        double spread = iqr > 0 ? Math.Min(s, iqr / 1.34) : s;
        return 0.9 * spread * Math.Pow(n, -0.2);
    }

    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int i = (int)position;
        return i + 1 < sorted.Length ? sorted[i] + ((position - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    private int LowerIndex(double x)
    {
        int i = Array.BinarySearch(values, x);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && values[i - 1] == x)
        {
            i--;
        }

        return i;
    }
}
