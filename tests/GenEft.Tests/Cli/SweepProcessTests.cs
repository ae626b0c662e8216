using System.Diagnostics;
using System.Globalization;
using GenEft.Experiments;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// Sweeps as separate <c>geneft</c> processes, as the Slurm array and the Kubernetes Indexed Job run them: three shard
/// processes plus a merge equal one unsharded run (same seeds, same numbers, byte for byte after merge), and SIGINT
/// mid-sweep exits 130 leaving a file that a rerun completes.
/// </summary>
public sealed class SweepProcessTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("geneft-sweep-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Grid(string output) =>
    [
        "sweep", "run", "--family", "complete-bipartite", "-n", "6", "--steps", "150", "--eval-interval", "50", "--width", "8", "--depth", "1",
        "--encoder-lr", "1e-3", "1e-2", "1e-1", "--decoder-lr", "1e-3", "1e-2", "--replicates", "2", "--seed", "42", "-o", output, "--quiet",
    ];

    [Fact]
    public async Task ThreeShardProcessesMergedEqualOneUnshardedRun()
    {
        string whole = Path.Combine(_dir, "whole.jsonl");
        var shardTasks = Enumerable.Range(0, 3)
            .Select(k => Cli.RunProcessAsync([.. Grid(Path.Combine(_dir, $"shard-{k}.jsonl")), "--shard", $"{k}", "--shards", "3", "--threads", "1"]))
            .ToArray();
        var unsharded = await Cli.RunProcessAsync([.. Grid(whole), "--threads", "2"]);
        var shards = await Task.WhenAll(shardTasks);
        Assert.True(unsharded.ExitCode == 0, unsharded.ToString());
        foreach (var s in shards) Assert.True(s.ExitCode == 0, s.ToString());
        Assert.Equal([4, 4, 4], Enumerable.Range(0, 3).Select(k => File.ReadAllLines(Path.Combine(_dir, $"shard-{k}.jsonl")).Length));

        string merged = Path.Combine(_dir, "merged.jsonl");
        var merge = await Cli.RunProcessAsync(["sweep", "merge", .. Enumerable.Range(0, 3).Select(k => Path.Combine(_dir, $"shard-{k}.jsonl")), "-o", merged, "--expect", "12"]);
        Assert.True(merge.ExitCode == 0, merge.ToString());

        var expected = SweepResults.Read(whole);
        var actual = SweepResults.Read(merged);
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].SameAs(actual[i]), $"cell {i}: {actual[i]} vs {expected[i]}");
        Assert.Equal(12, expected.Select(r => r.Seed).Distinct().Count());

        // The unsharded file, merged alone (to cell order), is the same bytes as the merged shards.
        string wholeSorted = Path.Combine(_dir, "whole-sorted.jsonl");
        Assert.Equal(0, (await Cli.RunProcessAsync(["sweep", "merge", whole, "-o", wholeSorted])).ExitCode);
        Assert.Equal(File.ReadAllBytes(wholeSorted), File.ReadAllBytes(merged));
    }

    [Fact]
    public async Task SigintMidSweepExitsWith130AndLeavesAResumableFile()
    {
        // Memorizing runs (tiny encoder rate) go to the budget: each cell takes a while, so SIGINT lands mid-sweep.
        string file = Path.Combine(_dir, "cut.jsonl");
        string[] args =
        [
            "sweep", "run", "--family", "mod", "-n", "9", "--steps", "2000", "--eval-interval", "100", "--width", "16", "--depth", "1",
            "--encoder-lr", "1e-4", "--decoder-lr", "1e-3", "--replicates", "80", "--seed", "5", "-o", file, "--threads", "1",
        ];
        using var process = Cli.Start(args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // Progress goes to stderr (a pipe: one line per further 10% of the shard); SIGINT once 10-50% is done.
        var errorLines = new List<string>();
        while (await process.StandardError.ReadLineAsync(deadline.Token) is string line)
        {
            errorLines.Add(line);
            var decile = System.Text.RegularExpressions.Regex.Match(line, @": (\d+)% \(");
            if (decile.Success && int.Parse(decile.Groups[1].Value, CultureInfo.InvariantCulture) is >= 10 and <= 50) break;
        }

        Assert.False(process.HasExited, string.Join('\n', errorLines));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(deadline.Token);
        string error = string.Join('\n', errorLines) + await process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        string output = await stdout;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{output}\n{error}");
        Assert.Contains("cancelled", error);

        var cut = SweepResults.Read(file);
        Assert.InRange(cut.Count, 8, 79);
        Assert.Equal(File.ReadAllLines(file).Length, cut.Count);

        // The rerun keeps those rows and runs only the rest; each kept row equals the one a fresh run computes.
        var resumed = await Cli.RunProcessAsync([.. args[..^2], "--threads", "2"]);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"{cut.Count} of 80 cells already in", resumed.Error);
        var all = SweepResults.Read(file);
        Assert.Equal(Enumerable.Range(0, 80), all.Select(r => r.Index));
        foreach (var row in cut) Assert.True(row.SameAs(all[row.Index]));
    }

    [Fact]
    public async Task TheSlurmArrayScriptsShardAndMergeModesEqualAnUnshardedRun()
    {
        // The two modes sbatch runs (array task k, then the dependent merge), with the environment Slurm would give.
        string script = FindUp(Path.Combine("deploy", "slurm", "sweep-array.sh"));
        const string sweep = "--family less-than -n 5 --steps 100 --eval-interval 50 --width 8 --depth 1 --encoder-lr 1e-3 1e-2 --decoder-lr 1e-2 --replicates 3 --seed 8 --quiet";
        string results = Path.Combine(_dir, "slurm");
        var environment = new Dictionary<string, string>
        {
            ["SHARDS"] = "2", ["RESULTS"] = results, ["SWEEP"] = sweep, ["CELLS"] = "6", ["THREADS"] = "1",
            ["GENEFT"] = $"dotnet {Cli.AssemblyPath}",
        };
        Directory.CreateDirectory(results);
        foreach (string task in new[] { "0", "1" })
        {
            var shard = await RunScriptAsync(script, "shard", new(environment) { ["SLURM_ARRAY_TASK_ID"] = task });
            Assert.True(shard.ExitCode == 0, shard.ToString());
        }

        var merge = await RunScriptAsync(script, "merge", environment);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.Contains("phase diagram of", File.ReadAllText(Path.Combine(results, "phase-diagram.txt")));

        string whole = Path.Combine(_dir, "slurm-whole.jsonl");
        var unsharded = await Cli.RunProcessAsync(["sweep", "run", .. sweep.Split(' '), "-o", whole]);
        Assert.True(unsharded.ExitCode == 0, unsharded.ToString());
        var expected = SweepResults.Read(whole);
        var actual = SweepResults.Read(Path.Combine(results, "merged.jsonl"));
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].SameAs(actual[i]), $"cell {i}");
    }

    private static async Task<CliResult> RunScriptAsync(string script, string mode, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(mode);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
