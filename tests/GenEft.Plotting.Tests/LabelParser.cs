using System.Globalization;

namespace GenEft.Plotting.Tests;

/// <summary>Reads a tick label back into a number ("0.0016", "1.5×10⁻⁵", "10⁻³"): the oracle that a label says what its tick is.</summary>
internal static class LabelParser
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static double Parse(string label)
    {
        string mantissa = "1", power = label;
        int times = label.IndexOf('×', StringComparison.Ordinal);
        if (times >= 0)
        {
            (mantissa, power) = (label[..times], label[(times + 1)..]);
        }
        else if (!label.StartsWith("10", StringComparison.Ordinal) || label.Length == 2 || !Superscripts.Contains(label[2]) && label[2] != '⁻')
        {
            return double.Parse(label, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (!power.StartsWith("10", StringComparison.Ordinal))
        {
            throw new FormatException($"Not a power of ten: {label}");
        }

        string digits = string.Concat(power[2..].Select(c => c == '⁻' ? '-' : (char)('0' + Superscripts.IndexOf(c))));
        return double.Parse(mantissa, CultureInfo.InvariantCulture) * Math.Pow(10, int.Parse(digits, CultureInfo.InvariantCulture));
    }
}
