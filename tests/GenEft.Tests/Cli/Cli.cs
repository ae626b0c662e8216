using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GenEft.Cli;

namespace GenEft.Tests.Cli;

/// <summary>What one run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty stdout lines.</summary>
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>stdout as JSON Lines.</summary>
    public JsonElement[] Json => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>geneft</c> in this process through System.CommandLine's invocation API, or as a child process.</summary>
internal static class Cli
{
    /// <summary>Runs the command line in-process with captured output; no Ctrl+C handler is installed.</summary>
    public static async Task<CliResult> RunAsync(string[] args, string? stdin = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var stdout = output ?? new StringWriter();
        var stderr = new StringWriter();
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null };
        Func<TextReader>? input = stdin is null ? null : () => new StringReader(stdin);
        int code = await GeneftCli.InvokeAsync(args, configuration, input, cancellationToken);
        return new CliResult(code, stdout.ToString()!, stderr.ToString());
    }

    /// <summary>The tool's entry assembly, copied beside the tests by the project reference.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "GenEft.Cli.dll");

    /// <summary>Starts <c>dotnet GenEft.Cli.dll args</c> with redirected streams.</summary>
    public static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AssemblyPath);
        foreach (string a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    /// <summary>Runs the tool as a child process to completion.</summary>
    public static async Task<CliResult> RunProcessAsync(string[] args, string? stdin = null)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
