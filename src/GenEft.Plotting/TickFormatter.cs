using System.Globalization;
using System.Text;

namespace GenEft.Plotting;

/// <summary>
/// Tick labels that show as many digits as the tick spacing needs and no more: with a spacing of 2e-4 the tick at
/// 1.6e-3 reads "0.0016", not "0.002"; very small or very large spacings switch to powers of ten ("1.5×10⁻⁵");
/// decades on logarithmic axes read "10⁻³". Invariant culture throughout.
/// </summary>
public static class TickFormatter
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Smallest spacing (inclusive) written in plain decimals; below it labels use powers of ten.</summary>
    public const double SmallestPlainStep = 1e-4;

    /// <summary>Largest spacing (exclusive) written in plain decimals; from it on labels use powers of ten.</summary>
    public const double LargestPlainStep = 1e5;

    /// <summary>
    /// The label of a tick at <paramref name="value"/> on an axis whose ticks are <paramref name="step"/> apart: plain
    /// decimals with exactly the digits the step resolves (step 0.25 gives two decimals, step 5 none), or, when the step
    /// is below <see cref="SmallestPlainStep"/> or at least <see cref="LargestPlainStep"/>, mantissa × 10^exponent with
    /// the mantissa's trailing zeros dropped. Values within a billionth of a step of zero count as zero ("0.0" at step 0.1).
    /// </summary>
    /// <param name="value">The tick's position.</param>
    /// <param name="step">The spacing of neighbouring ticks (positive).</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite, or <paramref name="step"/> is not finite and positive.</exception>
    public static string Linear(double value, double step)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The tick value must be finite.");
        }

        if (!double.IsFinite(step) || step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The tick spacing must be finite and positive.");
        }

        if (Math.Abs(value) < step * 1e-9)
        {
            value = 0; // floating-point noise, and no "-0"
        }

        if (step >= SmallestPlainStep && step < LargestPlainStep)
        {
            return value.ToString("F" + DecimalsResolving(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double scale = Math.Pow(10, exponent);
        double mantissa = value / scale;
        int decimals = DecimalsResolving(step / scale);
        string digits = mantissa.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (digits.Contains('.', StringComparison.Ordinal))
        {
            digits = digits.TrimEnd('0').TrimEnd('.');
        }

        // Rounding can carry the mantissa to 10 (9.99 -> "10"); renormalize so it stays below 10.
        if (digits is "10" or "-10")
        {
            digits = digits[0] == '-' ? "-1" : "1";
            exponent++;
        }

        return digits + "×" + PowerOfTen(exponent);
    }

    /// <summary>"10" with <paramref name="exponent"/> as a superscript: "10⁻³", "10⁰", "10¹²" (labels of decades on a log axis).</summary>
    /// <param name="exponent">The power of ten.</param>
    /// <returns>The label.</returns>
    public static string PowerOfTen(int exponent)
    {
        var text = new StringBuilder("10");
        if (exponent < 0)
        {
            text.Append('⁻');
        }

        foreach (char digit in Math.Abs((long)exponent).ToString(CultureInfo.InvariantCulture))
        {
            text.Append(Superscripts[digit - '0']);
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="digits"/> significant digits, in plain decimals when its
    /// magnitude lies in [1e-4, 1e5) and as mantissa × 10^exponent otherwise (for values quoted in titles and legends).
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="digits">Significant digits, 1 to 15.</param>
    /// <returns>The label; "NaN", "∞" or "-∞" for non-finite values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 1..15.</exception>
    public static string Significant(double value, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        if (value == 0)
        {
            return "0";
        }

        double rounded = double.Parse(value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        if (exponent >= -4 && exponent < 5)
        {
            return rounded.ToString("F" + Math.Max(0, digits - 1 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        string mantissa = (rounded / Math.Pow(10, exponent)).ToString("F" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.TrimEnd('0').TrimEnd('.') : mantissa) + "×" + PowerOfTen(exponent);
    }

    /// <summary>The fewest decimals (0 to 15) that write every multiple of <paramref name="step"/> exactly.</summary>
    private static int DecimalsResolving(double step)
    {
        for (int decimals = 0; decimals < 15; decimals++)
        {
            double scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) <= 1e-6 * scaled)
            {
                return decimals;
            }
        }

        return 15;
    }
}
