using System.Diagnostics;
using GenEft.Reproduce;
using Xunit;

namespace GenEft.Reproduce.Tests;

/// <summary>The main job as a process: SIGINT (Ctrl+C) ends it cleanly with every finished row on disk.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geneft-reproduce-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CtrlCDuringTrainingKeepsTheFinishedRunsAndExitsWith130()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is sent with kill(1).");
        var (process, stdout) = StartUntilARunFinished();
        using (process)
        {
            Signal("-INT", process.Id);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the job did not stop after SIGINT");
            Assert.Equal(MainJob.InterruptedExitCode, process.ExitCode);
            string output = await stdout;
            Assert.Contains("Interrupted after", output, StringComparison.Ordinal);
            Assert.DoesNotContain("All sections done", output, StringComparison.Ordinal);
            AssertFinishedRowsOnDisk();
            // The printed table lists the finished run, and no sentence is claimed for the unfinished section.
            Assert.Contains("Generalization", output, StringComparison.Ordinal);
            Assert.DoesNotContain("runs generalize", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AKilledJobHasAlreadyWrittenEveryFinishedRow()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGKILL is sent with kill(1).");
        // No clean-up code runs after SIGKILL: the rows must have been flushed as they finished.
        var (process, _) = StartUntilARunFinished();
        using (process)
        {
            Signal("-KILL", process.Id);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
            AssertFinishedRowsOnDisk();
        }
    }

    /// <summary>
    /// Starts the job with a budget no memorizing run finishes within the test and waits until the generalizing run
    /// (a few hundred steps) has finished, while the memorizing one is still running.
    /// </summary>
    private (Process Process, Task<string> Stdout) StartUntilARunFinished()
    {
        var process = Start("--out", _directory, "--seeds", "1", "--steps", "100000000", "--repon-samples", "2000", "--perceptron-trials", "2000");
        var stderr = new List<string>();
        using var generalized = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.Add(e.Data);
            if (e.Data.Contains("finished: Generalization", StringComparison.Ordinal)) generalized.Set();
        };
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.BeginErrorReadLine();
        if (!generalized.Wait(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken))
        {
            process.Kill();
            Assert.Fail("no run finished: " + string.Join("\n", stderr));
        }

        return (process, stdout);
    }

    /// <summary>Every section before training is complete on disk, and the training file holds the one finished run.</summary>
    private void AssertFinishedRowsOnDisk()
    {
        Assert.Equal(1 + (4 * 4), File.ReadAllLines(Path.Combine(_directory, "statics.csv")).Length);
        Assert.Equal(1 + 5, File.ReadAllLines(Path.Combine(_directory, "dynamics.csv")).Length);
        Assert.Equal(1 + 6, File.ReadAllLines(Path.Combine(_directory, "perceptron.csv")).Length);
        string[] training = File.ReadAllLines(Path.Combine(_directory, "training.csv"));
        Assert.Equal(2, training.Length);
        Assert.StartsWith("1,1,Generalization,", training[1], StringComparison.Ordinal);
    }

    private static void Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", [signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    [Theory]
    [InlineData("--sedes", "3", "--sedes")]
    [InlineData("--seeds", "0", "--seeds must be at least 1")]
    [InlineData("--steps", "-5", "--steps must be at least 1")]
    public void BadFlagsAreRejectedBeforeAnythingRuns(string flag, string value, string message)
    {
        using var process = Start("--out", _directory, flag, value);
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "statics.csv")));
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GenEft.Reproduce.dll"));
        foreach (string a in arguments) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
