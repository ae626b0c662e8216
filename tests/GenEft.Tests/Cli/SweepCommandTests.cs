using GenEft.Experiments;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft sweep run|merge|phase-diagram</c> in-process: resume skips finished cells and recomputes a lost one bit for
/// bit, merge rejects shards that disagree or miss cells, the phase diagram's boundary equals the geometric midpoints
/// of a synthetic map built here, bad values are usage errors.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("geneft-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static string[] TinySweep(string output, ulong seed = 1) =>
    [
        "sweep", "run", "--family", "mod", "-n", "6", "--steps", "200", "--eval-interval", "50", "--width", "8", "--depth", "1",
        "--encoder-lr", "1e-3", "3e-2", "--decoder-lr", "1e-3", "3e-2", "--seed", $"{seed}", "-o", output, "--quiet",
    ];

    [Fact]
    public async Task ARerunSkipsFinishedCellsAndRecomputesALostOneBitForBit()
    {
        string file = Path.Combine(_dir, "r.jsonl");
        var first = await Cli.RunAsync(TinySweep(file), cancellationToken: Ct);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("4 of 4 cells", first.Output);
        var rows = SweepResults.Read(file);
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Index));
        Assert.All(rows, r => Assert.Equal(SweepValueKind.Number, r.Value("loss").Kind));
        Assert.DoesNotContain(rows[0].Values, v => v.Key == "seconds");

        string[] lines = File.ReadAllLines(file);
        var again = await Cli.RunAsync([.. TinySweep(file)[..^1]], cancellationToken: Ct);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("4 of 4 cells already in", again.Error);
        Assert.Equal(lines, File.ReadAllLines(file));

        // Lose one finished cell (and leave a torn half line): the rerun computes that cell alone, with the same numbers.
        var lost = lines.Where((_, i) => i != 2).ToList();
        File.WriteAllText(file, string.Join('\n', lost) + "\n" + lines[2][..40]);
        var resumed = await Cli.RunAsync(TinySweep(file), cancellationToken: Ct);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(4, File.ReadAllLines(file).Length);
        var after = SweepResults.Read(file);
        Assert.Equal(rows.Count, after.Count);
        for (int i = 0; i < rows.Count; i++) Assert.True(rows[i].SameAs(after[i]), $"cell {i} differs after resume");
    }

    [Fact]
    public async Task AFileOfAnotherSweepIsRefused()
    {
        string file = Path.Combine(_dir, "a.jsonl");
        Assert.Equal(0, (await Cli.RunAsync(TinySweep(file, seed: 1), cancellationToken: Ct)).ExitCode);
        var other = await Cli.RunAsync(TinySweep(file, seed: 2), cancellationToken: Ct);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("another sweep", other.Error);
    }

    [Theory]
    [InlineData(new[] { "--shard", "2", "--shards", "2" }, "--shard must be in [0, --shards) = [0, 2), got 2.")]
    [InlineData(new[] { "--shard", "-1", "--shards", "2" }, "--shard must be in [0, --shards)")]
    [InlineData(new[] { "--shards", "0" }, "--shards must be at least 1")]
    [InlineData(new[] { "--embedding-dim", "0" }, "--embedding-dim must be at least 1")]
    [InlineData(new[] { "--grokking-delay", "-1" }, "--grokking-delay must be at least 0")]
    [InlineData(new[] { "--replicates", "0" }, "--replicates must be at least 1")]
    [InlineData(new[] { "--shrads", "2" }, "did you mean '--shards'?")]
    public async Task BadShardsAndValuesAreUsageErrors(string[] extra, string message)
    {
        var result = await Cli.RunAsync([.. TinySweep(Path.Combine(_dir, "x.jsonl")), .. extra], cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(Path.Combine(_dir, "x.jsonl")));
    }

    [Fact]
    public async Task RunNeedsAnOutputAndARelation()
    {
        var noOutput = await Cli.RunAsync(["sweep", "run", "--family", "mod", "-n", "6"], cancellationToken: Ct);
        Assert.Equal(1, noOutput.ExitCode);
        Assert.Contains("--output", noOutput.Error);
        var unknown = await Cli.RunAsync(["sweep", "run", "--family", "lessthan", "-n", "6", "-o", Path.Combine(_dir, "y.jsonl")], cancellationToken: Ct);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'lessthan' not recognized", unknown.Error);
    }

    [Fact]
    public async Task MergeChecksCompletenessAndAgreement()
    {
        string s0 = Path.Combine(_dir, "s0.jsonl"), s1 = Path.Combine(_dir, "s1.jsonl"), merged = Path.Combine(_dir, "m.jsonl");
        Assert.Equal(0, (await Cli.RunAsync([.. TinySweep(s0), "--shard", "0", "--shards", "2"], cancellationToken: Ct)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync([.. TinySweep(s1), "--shard", "1", "--shards", "2"], cancellationToken: Ct)).ExitCode);

        var partial = await Cli.RunAsync(["sweep", "merge", s0, "-o", merged, "--expect", "4"], cancellationToken: Ct);
        Assert.Equal(2, partial.ExitCode);
        Assert.Contains("missing 1, 3", partial.Error);

        var both = await Cli.RunAsync(["sweep", "merge", s0, s1, s0, "-o", merged, "--expect", "4"], cancellationToken: Ct);
        Assert.True(both.ExitCode == 0, both.ToString());
        Assert.Contains("4 cells (2 duplicates dropped)", both.Output);
        Assert.Equal([0, 1, 2, 3], SweepResults.Read(merged).Select(r => r.Index));

        string otherSeed = Path.Combine(_dir, "o.jsonl");
        Assert.Equal(0, (await Cli.RunAsync([.. TinySweep(otherSeed, seed: 9), "--shard", "0", "--shards", "2"], cancellationToken: Ct)).ExitCode);
        var conflict = await Cli.RunAsync(["sweep", "merge", s0, otherSeed, "-o", Path.Combine(_dir, "c.jsonl")], cancellationToken: Ct);
        Assert.Equal(2, conflict.ExitCode);
        Assert.Contains("differs between", conflict.Error);

        var missing = await Cli.RunAsync(["sweep", "merge", Path.Combine(_dir, "none.jsonl"), "-o", merged], cancellationToken: Ct);
        Assert.Equal(2, missing.ExitCode);
        var self = await Cli.RunAsync(["sweep", "merge", s0, "-o", s0], cancellationToken: Ct);
        Assert.Equal(2, self.ExitCode);
    }

    [Fact]
    public async Task PhaseDiagramBoundaryIsTheGeometricMidpointOfEachColumn()
    {
        // Synthetic map: memorization exactly where y > 10 x. Boundary per column: sqrt(last lower y * first upper y).
        double[] xs = [1, 10, 100], ys = [1, 10, 100, 1000];
        string file = Path.Combine(_dir, "p.jsonl");
        var grid = new SweepGrid([new SweepAxis("encoder_lr", xs), new SweepAxis("decoder_lr", ys)]);
        SweepRunner.Run(grid, (cell, _) => [new("phase", (cell["decoder_lr"] > 10 * cell["encoder_lr"] ? Phase.Memorization : Phase.Generalization).ToString())],
            new SweepOptions(file) { Workers = 1 }, cancellationToken: Ct);

        var json = await Cli.RunAsync(["sweep", "phase-diagram", file, "--json"], cancellationToken: Ct);
        Assert.True(json.ExitCode == 0, json.ToString());
        var o = json.Json.Single();
        var points = o.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal((1.0, Math.Sqrt(10 * 100.0)), (points[0].Item1, points[0].Item2), new Close());
        Assert.Equal((10.0, Math.Sqrt(100 * 1000.0)), (points[1].Item1, points[1].Item2), new Close());
        Assert.Equal(1.0, o.GetProperty("slope").GetDouble(), 1e-12);
        Assert.Equal(1.5, o.GetProperty("intercept").GetDouble(), 1e-12);

        var text = await Cli.RunAsync(["sweep", "phase-diagram", file], cancellationToken: Ct);
        Assert.True(text.ExitCode == 0, text.ToString());
        // Rows from the largest y down, letters from the smallest x: y = 1000 > 10 x only at x = 1, 10; y = 1 nowhere.
        Assert.Equal(["1E+03 MMG", "100 MGG", "10 GGG", "1 GGG"], text.Lines.Skip(1).Take(4));
        Assert.Contains("(1, 31.6) (10, 316)", text.Output);

        var badAxis = await Cli.RunAsync(["sweep", "phase-diagram", file, "--x", "width"], cancellationToken: Ct);
        Assert.Equal(2, badAxis.ExitCode);
        Assert.Contains("no axis 'width'", badAxis.Error);
    }

    private sealed class Close : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 1e-9 * b.Item1 && Math.Abs(a.Item2 - b.Item2) < 1e-9 * b.Item2;

        public int GetHashCode((double, double) obj) => 0;
    }
}
