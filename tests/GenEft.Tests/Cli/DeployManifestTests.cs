using System.Text.RegularExpressions;
using GenEft.Cli;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// The Kubernetes manifest and the Slurm script's default sweep: their <c>geneft sweep run</c> command lines parse
/// without error, and the shard count and the merge's <c>--expect</c> agree with the grid they describe.
/// </summary>
public class DeployManifestTests
{
    private static string Read(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }

        throw new FileNotFoundException(relative);
    }

    /// <summary>Cells of a sweep command line: the product of the list lengths of the axis options and --replicates.</summary>
    private static int Cells(string[] args)
    {
        var parse = GeneftCommand.Create().Parse(args);
        Assert.True(parse.Errors.Count == 0, string.Join("\n", parse.Errors.Select(e => e.Message)));
        int cells = 1;
        foreach (string axis in new[] { "--encoder-lr", "--decoder-lr", "--train-fraction", "--encoder-wd", "--decoder-wd" })
            cells *= parse.GetValue<double[]>(axis)!.Length;
        return cells * parse.GetValue<int>("--replicates");
    }

    private static string[] Words(string text) => text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"')).ToArray();

    [Fact]
    public void TheIndexedJobRunsEveryShardOnceAndTheMergeExpectsEveryCell()
    {
        string yaml = Read(Path.Combine("deploy", "k8s", "sweep-indexed-job.yaml"));
        int completions = int.Parse(Regex.Match(yaml, @"completions: (\d+)").Groups[1].Value);
        Assert.Equal(completions, int.Parse(Regex.Match(yaml, @"parallelism: (\d+)").Groups[1].Value));
        Assert.Equal(completions, int.Parse(Regex.Match(yaml, @"name: SHARDS\s+value: ""(\d+)""").Groups[1].Value));
        Assert.Contains("completionMode: Indexed", yaml);

        string command = Regex.Match(yaml, @"exec geneft (sweep run[\s\S]*?\.jsonl"")").Groups[1].Value;
        Assert.Contains("--shard \"$JOB_COMPLETION_INDEX\" --shards \"$SHARDS\"", command);
        string[] args = Words(command.Replace("$JOB_COMPLETION_INDEX", $"{completions - 1}").Replace("$SHARDS", $"{completions}"));
        int expect = int.Parse(Regex.Match(yaml, @"--expect (\d+)").Groups[1].Value);
        Assert.Equal(Cells(args), expect);
    }

    [Fact]
    public void TheSlurmScriptsDefaultSweepHasTheCellCountItExpects()
    {
        string script = Read(Path.Combine("deploy", "slurm", "sweep-array.sh"));
        string sweep = Regex.Match(script, @"SWEEP=""\$\{SWEEP:-(.*)\}""").Groups[1].Value;
        int cells = int.Parse(Regex.Match(script, @"CELLS=""\$\{CELLS:-(\d+)\}""").Groups[1].Value);
        Assert.Equal(Cells(["sweep", "run", .. Words(sweep), "-o", "x.jsonl", "--shard", "0", "--shards", "8"]), cells);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID\" --shards \"$SHARDS\"", script);
        Assert.Contains("--dependency=\"afterok:$array_id\"", script);
    }
}
