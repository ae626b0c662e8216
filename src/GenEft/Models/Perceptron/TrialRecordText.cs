using System.Globalization;
using System.Text;

namespace GenEft.Models.Perceptron;

/// <summary>Invariant-culture, round-trip formatting of record fields for CSV and JSON lines.</summary>
internal static class TrialRecordText
{
    public static void Csv(StringBuilder line, double value, bool first = false)
    {
        if (!first)
        {
            line.Append(',');
        }

        line.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static void Csv(StringBuilder line, long value, bool first = false)
    {
        if (!first)
        {
            line.Append(',');
        }

        line.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public static void Csv(StringBuilder line, bool value) => line.Append(value ? ",1" : ",0");

    public static void Json(StringBuilder line, string name, double value, bool first = false)
    {
        line.Append(first ? "{\"" : ",\"").Append(name).Append("\":");
        line.Append(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");
    }

    public static void Json(StringBuilder line, string name, long value, bool first = false)
        => line.Append(first ? "{\"" : ",\"").Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture));

    public static void Json(StringBuilder line, string name, bool value)
        => line.Append(",\"").Append(name).Append("\":").Append(value ? "true" : "false");
}
