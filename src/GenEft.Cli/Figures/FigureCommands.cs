using System.CommandLine;

namespace GenEft.Cli.Figures;

/// <summary>
/// <c>geneft figure &lt;name&gt;</c>: the papers' figures, each a subcommand writing a CSV of the plotted numbers and
/// the image as PNG and SVG (docs/cli.md lists them with their options).
/// </summary>
internal static class FigureCommands
{
    public static Command Create(Func<TextReader> standardInput)
    {
        var figure = new Command(
            "figure",
            "The papers' figures: each writes the plotted numbers as CSV and the image as PNG and SVG into --out. "
            + "Small defaults finish in seconds to a minute; the options give the paper's scale");
        Func<Func<TextReader>, Command>[] factories =
        [
            StaticsFigure.Create,
            SweepFigures.CreateFigure3,
            ReponFigures.CreateFigure4,
            SweepFigures.CreateFigure5,
            SweepFigures.CreateFigure6,
            SweepFigures.CreateFigure7,
            SweepFigures.CreateFigure8,
            ReponFigures.CreateEquation12,
            ReponFigures.CreateEquation13,
            PerceptronFigures.CreateFigure2,
            PerceptronFigures.CreateFigure3,
            PerceptronFigures.CreateFigure5,
            PerceptronFigures.CreateFigure6,
            PerceptronFigures.CreateCriticalExponents,
            PerceptronFigures.CreateEquation8,
        ];
        foreach (var create in factories) figure.Subcommands.Add(create(standardInput));
        return figure;
    }
}
