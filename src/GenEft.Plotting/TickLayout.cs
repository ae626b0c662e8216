namespace GenEft.Plotting;

/// <summary>
/// Where the ticks of an axis go. Linear axes: major ticks at multiples of 1, 2 or 5 × 10^k, the finest such spacing
/// that keeps at most the requested number of labels, with minor ticks between. Logarithmic axes (positions are
/// log10 of the values): labelled decades "10^k" with minor ticks at 2..9 × 10^k, every second or fifth decade when
/// there are too many, and 1-2-5 labels in plain numbers when the range holds fewer than three powers of ten.
/// </summary>
public static class TickLayout
{
    private static readonly int[] Mantissas = [1, 2, 5];

    /// <summary>Ticks of a linear axis showing [<paramref name="min"/>, <paramref name="max"/>], labelled by <see cref="TickFormatter.Linear"/>.</summary>
    /// <param name="min">The lower end of the visible range.</param>
    /// <param name="max">The upper end (greater than <paramref name="min"/>).</param>
    /// <param name="maxLabels">At most this many labelled ticks (2 or more).</param>
    /// <returns>Major and minor ticks in increasing position.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="max"/> is not above <paramref name="min"/>, or <paramref name="maxLabels"/> is below 2.</exception>
    public static IReadOnlyList<AxisTick> Linear(double min, double max, int maxLabels)
    {
        ValidateRange(min, max, maxLabels, nameof(min), nameof(max));
        // Finest 1-2-5 spacing with at most maxLabels multiples inside the range.
        int exponent = (int)Math.Floor(Math.Log10((max - min) / maxLabels)) - 1;
        while (true)
        {
            foreach (int mantissa in Mantissas)
            {
                double step = Scaled(mantissa, exponent);
                long first = (long)Math.Ceiling((min / step) - 1e-9), last = (long)Math.Floor((max / step) + 1e-9);
                if (last - first + 1 <= maxLabels)
                {
                    return LinearTicks(first, last, mantissa, exponent, min, max);
                }
            }

            exponent++;
        }
    }

    /// <summary>Ticks of a logarithmic axis showing values 10^<paramref name="minLog10"/> .. 10^<paramref name="maxLog10"/>; positions are log10 of the values.</summary>
    /// <param name="minLog10">log10 of the smallest visible value.</param>
    /// <param name="maxLog10">log10 of the largest visible value (greater than <paramref name="minLog10"/>).</param>
    /// <param name="maxLabels">At most this many labelled ticks (2 or more).</param>
    /// <returns>Major and minor ticks in increasing position.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="maxLog10"/> is not above <paramref name="minLog10"/>, or <paramref name="maxLabels"/> is below 2.</exception>
    public static IReadOnlyList<AxisTick> Logarithmic(double minLog10, double maxLog10, int maxLabels)
    {
        ValidateRange(minLog10, maxLog10, maxLabels, nameof(minLog10), nameof(maxLog10));
        int lo = (int)Math.Ceiling(minLog10 - 1e-9), hi = (int)Math.Floor(maxLog10 + 1e-9);
        int decades = hi - lo + 1;
        return decades >= 3 ? DecadeTicks(lo, hi, maxLabels, minLog10, maxLog10) : SubDecadeTicks(minLog10, maxLog10, maxLabels);
    }

    private static IReadOnlyList<AxisTick> DecadeTicks(int lo, int hi, int maxLabels, double minLog10, double maxLog10)
    {
        int decades = hi - lo + 1;
        int stride = decades <= maxLabels ? 1 : decades <= 2 * maxLabels ? 2 : (int)Math.Ceiling(decades / (double)maxLabels / 5) * 5;
        var ticks = new List<AxisTick>();
        for (int k = lo - 1; k <= hi; k++)
        {
            if (k >= lo && k % stride == 0)
            {
                ticks.Add(new AxisTick(k, TickFormatter.PowerOfTen(k), true));
            }
            else if (k >= lo)
            {
                ticks.Add(new AxisTick(k, string.Empty, false));
            }

            if (stride == 1 && decades <= 8)
            {
                for (int m = 2; m <= 9; m++)
                {
                    double position = k + Math.Log10(m);
                    if (position >= minLog10 - 1e-9 && position <= maxLog10 + 1e-9)
                    {
                        ticks.Add(new AxisTick(position, string.Empty, false));
                    }
                }
            }
        }

        return ticks;
    }

    private static IReadOnlyList<AxisTick> SubDecadeTicks(double minLog10, double maxLog10, int maxLabels)
    {
        // Fewer than three powers of ten visible: label 1, 2, 5 x 10^k (or every integer mantissa if that gives too few labels).
        var ticks = new List<AxisTick>();
        int lo = (int)Math.Floor(minLog10) - 1, hi = (int)Math.Ceiling(maxLog10);
        foreach (int[] labelled in new[] { Mantissas, [1, 2, 3, 4, 5, 6, 7, 8, 9] })
        {
            ticks.Clear();
            for (int k = lo; k <= hi; k++)
            {
                for (int m = 1; m <= 9; m++)
                {
                    double position = k + Math.Log10(m);
                    if (position < minLog10 - 1e-9 || position > maxLog10 + 1e-9)
                    {
                        continue;
                    }

                    bool major = labelled.Contains(m);
                    ticks.Add(new AxisTick(position, major ? TickFormatter.Linear(Scaled(m, k), Scaled(1, k)) : string.Empty, major));
                }
            }

            if (ticks.Count(t => t.IsMajor) >= 3 || labelled.Length == 9)
            {
                break;
            }
        }

        // Too many labels for the space: keep the labels of 1 x 10^k only.
        if (ticks.Count(t => t.IsMajor) > maxLabels)
        {
            ticks = ticks.Select(t => t.IsMajor && Math.Abs(t.Position - Math.Round(t.Position)) > 1e-9 ? t with { Label = string.Empty, IsMajor = false } : t).ToList();
        }

        return ticks;
    }

    private static List<AxisTick> LinearTicks(long first, long last, int mantissa, int exponent, double min, double max)
    {
        double step = Scaled(mantissa, exponent);
        int minorPerMajor = mantissa == 2 ? 4 : 5;
        var ticks = new List<AxisTick>();
        for (long i = first - 1; i <= last; i++)
        {
            if (i >= first)
            {
                double value = Scaled(i * mantissa, exponent);
                ticks.Add(new AxisTick(value, TickFormatter.Linear(value, step), true));
            }

            for (int j = 1; j < minorPerMajor; j++)
            {
                double minor = Scaled((i * mantissa * minorPerMajor) + (j * mantissa), exponent) / minorPerMajor;
                if (minor >= min && minor <= max)
                {
                    ticks.Add(new AxisTick(minor, string.Empty, false));
                }
            }
        }

        return ticks;
    }

    /// <summary>m × 10^k, computed by one multiplication or division by an exact power of ten so that 3 × 0.1 comes out as 0.3.</summary>
    private static double Scaled(long mantissa, int exponent) =>
        exponent >= 0 ? mantissa * Math.Pow(10, exponent) : mantissa / Math.Pow(10, -exponent);

    private static void ValidateRange(double min, double max, int maxLabels, string minName, string maxName)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(minName, min, "The range must be finite.");
        }

        if (!double.IsFinite(max) || max <= min)
        {
            throw new ArgumentOutOfRangeException(maxName, max, "The range's upper end must be finite and above its lower end.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxLabels, 2);
    }
}
