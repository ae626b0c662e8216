using System.Diagnostics;
using System.Globalization;

namespace GenEft.Reproduce;

/// <summary>Progress lines on stderr, "[  12.3 s] section: text", from any thread; stdout keeps only the results.</summary>
public static class ProgressLog
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly Lock Gate = new();

    /// <summary>Seconds since the program started.</summary>
    public static double Elapsed => Clock.Elapsed.TotalSeconds;

    /// <summary>Writes one line to stderr.</summary>
    /// <param name="section">The section name.</param>
    /// <param name="text">What happened.</param>
    public static void Line(string section, string text)
    {
        lock (Gate)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Elapsed,7:F1} s] {section}: {text}"));
        }
    }
}
