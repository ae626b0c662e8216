using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace GenEft.Plotting;

/// <summary>
/// Makes every figure use the DejaVu Sans files embedded in this assembly (Fonts/), so text renders identically on a
/// machine without installed fonts: registered once, ahead of ScottPlot's system-font lookup, as its default font.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly object Gate = new();
    private static bool _registered;

    private EmbeddedFonts()
    {
    }

    public static SKTypeface Regular { get; } = Load("DejaVuSans.ttf");

    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold.ttf");

    /// <summary>Registers the resolver and makes <see cref="Family"/> ScottPlot's default (idempotent, thread-safe).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new EmbeddedFonts());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? (bold ? Bold : Regular) : null;

    private static SKTypeface Load(string file)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GenEft.Plotting.Fonts." + file)
            ?? throw new InvalidOperationException($"The font resource {file} is missing from GenEft.Plotting.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font resource {file} could not be read.");
    }
}
