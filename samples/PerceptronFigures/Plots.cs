using System.Diagnostics;
using GenEft.Plotting;

/// <summary>
/// All plotting of this sample goes through here (one file, to port to another plotting library): an SVG via
/// samples/GenEft.Plotting, and a PNG beside it when rsvg-convert (Debian librsvg2-bin) is on the PATH.
/// </summary>
internal static class Plots
{
    public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Errors = null, bool Points = false, bool Dashed = false);

    public static void Save(string path, string title, string xLabel, string yLabel, IEnumerable<Series> series, bool logX = false, bool logY = false,
        (double, double)? xRange = null, (double, double)? yRange = null, IEnumerable<(string Name, double X)>? verticals = null)
    {
        var plot = new SvgPlot(title, xLabel, yLabel) { LogX = logX, LogY = logY, XRange = xRange, YRange = yRange };
        foreach (var s in series)
        {
            if (s.Points)
            {
                plot.Scatter(s.Name, s.X, s.Y, s.Errors);
            }
            else
            {
                plot.Line(s.Name, s.X, s.Y, s.Dashed);
            }
        }

        foreach (var (name, x) in verticals ?? [])
        {
            plot.VerticalLine(name, x);
        }

        string svg = path + ".svg";
        plot.Save(svg);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("rsvg-convert", ["-w", "1080", "-b", "white", "-o", path + ".png", svg]) { RedirectStandardError = true });
            process?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("(rsvg-convert not found: SVG only)");
        }
    }
}
