using System.Globalization;

namespace GenEft.Reproduce;

/// <summary>Runs the sections in order; Ctrl+C cancels the current one and keeps what finished.</summary>
public static class MainJob
{
    /// <summary>The exit code after Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Runs every section.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>0, or <see cref="InterruptedExitCode"/> after Ctrl+C.</returns>
    public static int Run(ReproduceSettings settings)
    {
        Directory.CreateDirectory(settings.Output);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C stops cleanly; a second one ends the process at once.
            e.Cancel = !cancel.IsCancellationRequested;
            ProgressLog.Line("main", "Ctrl+C: stopping at the next checkpoint; finished rows are kept");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            StaticsSection.Run(settings, cancel.Token);
            DynamicsSection.Run(settings, cancel.Token);
            PerceptronSection.Run(settings, cancel.Token);
            TensorNetworkSection.Run(settings, cancel.Token);
            TrainingSection.Run(settings, cancel.Token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nAll sections done in {ProgressLog.Elapsed:F0} s; CSV files in {Path.GetFullPath(settings.Output)}."));
            return 0;
        }
        catch (Exception e) when (IsCancellation(e) && cancel.IsCancellationRequested)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nInterrupted after {ProgressLog.Elapsed:F0} s; the rows finished so far are in {Path.GetFullPath(settings.Output)}."));
            return InterruptedExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static bool IsCancellation(Exception e)
        => e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(i => i is OperationCanceledException));
}
