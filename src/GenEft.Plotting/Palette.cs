using ScottPlot;

namespace GenEft.Plotting;

/// <summary>Series colours (the "category 10" palette most plotting tools default to) and "#RRGGBB" parsing.</summary>
internal static class Palette
{
    private static readonly string[] Hex =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static Color At(int index) => Color.FromHex(Hex[index % Hex.Length]);

    /// <summary>Throws unless <paramref name="hex"/> is null or "#RRGGBB".</summary>
    public static void Validate(string? hex, string parameterName)
    {
        if (hex is not null && !(hex.Length == 7 && hex[0] == '#' && hex.Skip(1).All(Uri.IsHexDigit)))
        {
            throw new ArgumentException($"A colour is written \"#RRGGBB\" (got \"{hex}\").", parameterName);
        }
    }
}
