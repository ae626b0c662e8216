using System.CommandLine;
using GenEft.Cli.Commands;

namespace GenEft.Cli.Figures;

/// <summary>Number options of the figures (exponents allowed: "1e-5").</summary>
internal static class FigureOptions
{
    /// <summary>One positive finite number.</summary>
    public static Option<double[]> Positive(string name, string description, double defaultValue) =>
        CommonOptions.CreateNumbers(name, description, [defaultValue], v => v > 0 && double.IsFinite(v), "positive and finite", many: false);

    /// <summary>One or more positive finite numbers.</summary>
    public static Option<double[]> PositiveList(string name, string description, params double[] defaults) =>
        CommonOptions.CreateNumbers(name, description, defaults, v => v > 0 && double.IsFinite(v), "positive and finite", many: true);

    /// <summary>The value of a single-number option.</summary>
    public static double One(this ParseResult parseResult, Option<double[]> option) => parseResult.GetValue(option)![0];
}
