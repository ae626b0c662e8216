using System.Globalization;
using GenEft.Experiments;
using Xunit;

namespace GenEft.Tests.Experiments;

public sealed class SweepTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geneft-sweep-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IReadOnlyList<SweepRow> Sweep(
        SweepGrid grid,
        Func<SweepCell, CancellationToken, IReadOnlyList<KeyValuePair<string, SweepValue>>> run,
        SweepOptions options,
        IProgress<SweepProgress>? progress = null) =>
        SweepRunner.Run(grid, run, options, progress, TestContext.Current.CancellationToken);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static SweepGrid Grid() => new(
        [SweepAxis.LogSpaced("eta_enc", 1e-4, 1e-2, 3), SweepAxis.LogSpaced("eta_dec", 1e-4, 1e-2, 4), SweepAxis.Replicates("replicate", 2)],
        baseSeed: 42);

    // A fast stand-in for a training run: its results depend only on the cell (seeded), with a little real work and
    // some jitter in duration so that completion order differs from grid order.
    private static IReadOnlyList<KeyValuePair<string, SweepValue>> FakeRun(SweepCell cell, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var random = new Random(cell.RandomSeed());
        double sum = 0;
        for (int i = 0; i < 1000 + random.Next(20_000); i++)
        {
            sum += Math.Sin(random.NextDouble() * cell["eta_enc"] / cell["eta_dec"]);
        }

        Thread.Sleep(random.Next(3));
        return
        [
            new("phase", (cell["eta_dec"] / cell["eta_enc"] < 10 ? Phase.Generalization : Phase.Memorization).ToString()),
            new("sum", sum),
            new("draw", random.NextDouble()),
        ];
    }

    private static void AssertSameTable(IReadOnlyList<SweepRow> expected, IReadOnlyList<SweepRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SameAs(actual[i]), $"Row {i} differs: {expected[i].Key} vs {actual[i].Key}");
        }
    }

    [Fact]
    public void GridEnumeratesTheCartesianProductRowMajor()
    {
        var grid = Grid();
        Assert.Equal(3 * 4 * 2, grid.Cells.Count);
        Assert.Equal(1e-4, grid.Cells[0]["eta_enc"], 15);
        Assert.Equal(1.0, grid.Cells[1]["replicate"]);
        Assert.Equal(Math.Pow(10, -4 + (2.0 / 3)), grid.Cells[2]["eta_dec"], 1e-17);
        Assert.Equal(1e-2, grid.Cells[7]["eta_dec"]);
        Assert.Equal(1e-2, grid.Cells[^1]["eta_enc"], 15);
        Assert.Equal(grid.Cells.Count, grid.Cells.Select(c => c.Key).Distinct().Count());
        Assert.Equal(grid.Cells.Count, grid.Cells.Select(c => c.Seed).Distinct().Count());
    }

    [Fact]
    public void SeedsDependOnCoordinatesNotOnPositionInTheGrid()
    {
        var small = new SweepGrid([new SweepAxis("a", [1, 2]), new SweepAxis("b", [5])], baseSeed: 7);
        var large = new SweepGrid([new SweepAxis("a", [0, 2, 1, 3]), new SweepAxis("b", [4, 5])], baseSeed: 7);
        foreach (var cell in small.Cells)
        {
            var twin = large.Cells.Single(c => c.Key == cell.Key);
            Assert.Equal(cell.Seed, twin.Seed);
        }

        var other = new SweepGrid([new SweepAxis("a", [1, 2]), new SweepAxis("b", [5])], baseSeed: 8);
        Assert.NotEqual(small.Cells[0].Seed, other.Cells[0].Seed);
    }

    [Fact]
    public void SeedAxesSubsetSharesSeedsAcrossTheOtherAxes()
    {
        var grid = new SweepGrid([SweepAxis.LogSpaced("lr", 1e-3, 1e-1, 3), SweepAxis.Replicates("replicate", 2)], 1, ["replicate"]);
        Assert.Equal(2, grid.Cells.Select(c => c.Seed).Distinct().Count());
        Assert.Equal(grid.Cells[0].Seed, grid.Cells[2].Seed);
        Assert.NotEqual(grid.Cells[0].Seed, grid.Cells[1].Seed);
    }

    [Fact]
    public void OneAndTwoWorkersGiveBitIdenticalTables()
    {
        var one = Sweep(Grid(), FakeRun, new SweepOptions(PathOf("one.jsonl")) { Workers = 1 });
        var two = Sweep(Grid(), FakeRun, new SweepOptions(PathOf("two.jsonl")) { Workers = 2 });
        Assert.Equal(24, one.Count);
        AssertSameTable(one, two);
        AssertSameTable(one, SweepResults.Read(PathOf("two.jsonl")));
    }

    [Fact]
    public void SweepKilledPartWayAndResumedGivesTheUninterruptedTable()
    {
        var reference = Sweep(Grid(), FakeRun, new SweepOptions(PathOf("reference.jsonl")) { Workers = 2 });

        string path = PathOf("resumed.jsonl");
        using (var cts = new CancellationTokenSource())
        {
            var stopAfterSeven = new SynchronousProgress(p =>
            {
                if (p.Completed >= 7)
                {
                    cts.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() =>
                SweepRunner.Run(Grid(), FakeRun, new SweepOptions(path) { Workers = 2 }, stopAfterSeven, cts.Token));
        }

        int partial = SweepResults.Read(path).Count;
        Assert.InRange(partial, 7, 23);

        // A kill in the middle of a write leaves a torn line; the restart must drop it and carry on.
        File.AppendAllText(path, "{\"index\":3,\"key\":\"eta_enc=0.0");
        var reports = new List<SweepProgress>();
        var resumed = Sweep(Grid(), FakeRun, new SweepOptions(path) { Workers = 2 }, new SynchronousProgress(reports.Add));
        AssertSameTable(reference, resumed);
        Assert.Equal(partial, reports[0].Skipped);
        Assert.Equal(24 - partial, reports.Count - 1);
        Assert.Equal(24, File.ReadAllLines(path).Length);

        // Running again does nothing.
        var again = Sweep(Grid(), (_, _) => throw new InvalidOperationException("must not run"), new SweepOptions(path));
        AssertSameTable(reference, again);
    }

    [Fact]
    public void ShardsMergeIntoTheUnshardedTable()
    {
        var whole = Sweep(Grid(), FakeRun, new SweepOptions(PathOf("whole.jsonl")) { Workers = 2 });
        var shardFiles = new List<string>();
        int total = 0;
        for (int k = 0; k < 3; k++)
        {
            string file = PathOf($"shard{k}.jsonl");
            shardFiles.Add(file);
            var rows = Sweep(Grid(), FakeRun, new SweepOptions(file) { Workers = 1, ShardIndex = k, ShardCount = 3 });
            Assert.All(rows, r => Assert.Equal(k, r.Index % 3));
            total += rows.Count;
        }

        Assert.Equal(24, total);
        var merged = SweepResults.Merge(shardFiles, PathOf("merged.jsonl"));
        AssertSameTable(whole, merged);
        AssertSameTable(whole, SweepResults.Read(PathOf("merged.jsonl")));
    }

    [Fact]
    public void CsvHasOneLinePerRowWithAxesAndValues()
    {
        var rows = Sweep(Grid(), FakeRun, new SweepOptions(PathOf("csv.jsonl")) { Workers = 2 });
        SweepResults.WriteCsv(rows, PathOf("table.csv"));
        string[] lines = File.ReadAllLines(PathOf("table.csv"));
        Assert.Equal("index,seed,eta_enc,eta_dec,replicate,phase,sum,draw", lines[0]);
        Assert.Equal(25, lines.Length);
        string[] fields = lines[5].Split(',');
        Assert.Equal(rows[4].Text("phase"), fields[5]);
        Assert.Equal(rows[4].Coordinate("eta_dec"), double.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFileFromAnotherGridIsRefused()
    {
        string path = PathOf("other.jsonl");
        Sweep(new SweepGrid([new SweepAxis("x", [1, 2])]), FakeRunX, new SweepOptions(path));
        Assert.Throws<InvalidOperationException>(() => Sweep(Grid(), FakeRun, new SweepOptions(path)));

        static IReadOnlyList<KeyValuePair<string, SweepValue>> FakeRunX(SweepCell cell, CancellationToken token) => [new("x", 1L)];
    }

    [Fact]
    public void ValuesAreStoredAsTypedJsonAndSeedsRoundTripExactly()
    {
        // Issue 13: numbers as JSON numbers (not strings), NaN as null, seeds as exact integer tokens.
        double[] numbers = [0.1, 1e-300, -2.5e17, Math.PI, double.Epsilon, 123456789.0, double.MaxValue];
        var row = new SweepRow(
            3,
            "a=1",
            ulong.MaxValue,
            [new("a", 1.0)],
            [
                new("phase", "Memorization"), new("test_step", SweepValue.Null), new("steps", 100_000L), new("nan", double.NaN),
                new("inf", double.PositiveInfinity), new("minus_inf", double.NegativeInfinity), new("flag", true),
                .. numbers.Select((v, i) => new KeyValuePair<string, SweepValue>("x" + i, v)),
            ]);
        string line = System.Text.Encoding.UTF8.GetString(SweepResults.Serialize(row)).TrimEnd('\n');
        using (var document = System.Text.Json.JsonDocument.Parse(line))
        {
            var root = document.RootElement;
            Assert.Equal(System.Text.Json.JsonValueKind.Number, root.GetProperty("seed").ValueKind);
            Assert.Equal(ulong.MaxValue, root.GetProperty("seed").GetUInt64());
            var values = root.GetProperty("values");
            Assert.Equal(System.Text.Json.JsonValueKind.String, values.GetProperty("phase").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, values.GetProperty("test_step").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Number, values.GetProperty("steps").ValueKind);
            Assert.Equal("100000", values.GetProperty("steps").GetRawText());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, values.GetProperty("nan").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.True, values.GetProperty("flag").ValueKind);
            Assert.Equal("Infinity", values.GetProperty("inf").GetString());
        }

        Assert.Contains("\"seed\":18446744073709551615,", line);
        Assert.True(SweepResults.TryParse(line, out var back, out bool intact) && intact);
        Assert.True(row.SameAs(back), "typed values, NaN-as-null and infinities round-trip");
        Assert.Equal(double.PositiveInfinity, back.Number("inf"));
        Assert.True(double.IsNaN(back.Number("test_step")));
        for (int i = 0; i < numbers.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(numbers[i]), BitConverter.DoubleToInt64Bits(back.Number("x" + i)));
        }

        // 2^53 + 1 is not a double; as a seed it survives bit for bit.
        var big = row with { Seed = (1UL << 53) + 1 };
        Assert.True(SweepResults.TryParse(System.Text.Encoding.UTF8.GetString(SweepResults.Serialize(big)), out var bigBack, out _));
        Assert.Equal((1UL << 53) + 1, bigBack.Seed);
    }

    [Fact]
    public void FilesWrittenWithStringValuesStillRead()
    {
        // The format before typed values: seed and every value as strings, no checksum.
        string path = PathOf("old.jsonl");
        File.WriteAllText(path,
            "{\"index\":0,\"key\":\"x=1\",\"seed\":\"9007199254740993\",\"coordinates\":{\"x\":1},\"values\":{\"phase\":\"Memorization\",\"train_step\":\"180\",\"test_step\":\"\",\"loss\":\"0.25\"}}\n");
        var row = Assert.Single(SweepResults.Read(path));
        Assert.Equal(9007199254740993UL, row.Seed);
        Assert.Equal(SweepValueKind.Text, row.Value("train_step").Kind);
        Assert.Equal(180, row.Number("train_step"));
        Assert.True(double.IsNaN(row.Number("test_step")));
        Assert.Equal("Memorization", row.Text("phase"));

        // And a sweep resumes from such a file without re-running the cell.
        var grid = new SweepGrid([new SweepAxis("x", [1, 2])], 0);
        File.WriteAllText(path, File.ReadAllText(path).Replace("9007199254740993", grid.Cells[0].Seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var rows = Sweep(grid, (cell, _) => [new("x", cell["x"])], new SweepOptions(path) { Workers = 1 });
        Assert.Equal(2, rows.Count);
        Assert.Equal("Memorization", rows[0].Text("phase"));
    }

    // A grid whose results depend only on the cell, and a resume from a file with one line tampered with.
    private IReadOnlyList<SweepRow> ResumeAfter(Func<string, string> tamper, int line, out SweepProgress start)
    {
        var grid = new SweepGrid([new SweepAxis("x", [1, 2, 3, 4])], 5);
        string path = PathOf($"tampered-{Guid.NewGuid():N}.jsonl");
        Sweep(grid, Honest, new SweepOptions(path) { Workers = 1 });
        string[] lines = File.ReadAllLines(path);
        lines[line] = tamper(lines[line]);
        File.WriteAllLines(path, lines);
        SweepProgress? first = null;
        var rows = Sweep(grid, Honest, new SweepOptions(path) { Workers = 1 }, new SynchronousProgress(p => first ??= p));
        start = first!;
        return rows;

        static IReadOnlyList<KeyValuePair<string, SweepValue>> Honest(SweepCell cell, CancellationToken token) =>
            [new("phase", cell["x"] > 2 ? "Memorization" : "Generalization"), new("twice", 2 * cell["x"])];
    }

    private static string WithoutCheck(string line) => line[..line.LastIndexOf(",\"check\"", StringComparison.Ordinal)] + "}";

    [Fact]
    public void ResumeReRunsACellWhoseLineWasChanged()
    {
        // Issue 14, item 5: an edited phase used to be kept as the result; the checksum no longer matches, so the cell runs again.
        var rows = ResumeAfter(l => l.Replace("Generalization", "Memorization", StringComparison.Ordinal), 0, out var start);
        Assert.Equal(4, rows.Count);
        Assert.Equal("Generalization", rows[0].Text("phase"));
        Assert.Equal(1, start.RejectedLines);
        Assert.Equal(3, start.Skipped);
        Assert.DoesNotContain(SweepResults.Read(PathOf(Directory.GetFiles(_directory, "tampered-*")[0])), r => r.Text("phase") == "Memorization" && r.Index == 0);
    }

    [Fact]
    public void ResumeReRunsACellWhoseLineHasAnIndexOutsideTheGrid()
    {
        // Was: a line with index 999 (and a valid key) came back as a row. Without a checksum (an older line) the
        // index is checked against the grid: the line is rejected and its cell runs again.
        var rows = ResumeAfter(l => WithoutCheck(l).Replace("\"index\":1,", "\"index\":999,", StringComparison.Ordinal), 1, out var start);
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Index));
        Assert.Equal(1, start.RejectedLines);
    }

    [Fact]
    public void ResumeReRunsACellWhoseLineHasTheIndexOfAnotherCell()
    {
        // Was: the whole file was refused. Now only that line is distrusted.
        var rows = ResumeAfter(l => WithoutCheck(l).Replace("\"index\":2,", "\"index\":0,", StringComparison.Ordinal), 2, out var start);
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Index));
        Assert.Equal(6.0, rows[2].Number("twice"));
        Assert.Equal(1, start.RejectedLines);
        Assert.Equal(3, start.Skipped);
    }

    [Fact]
    public void ResumeReRunsACellWhoseCoordinatesDisagreeWithItsKey()
    {
        var rows = ResumeAfter(l => WithoutCheck(l).Replace("\"coordinates\":{\"x\":4}", "\"coordinates\":{\"x\":5}", StringComparison.Ordinal), 3, out var start);
        Assert.Equal(4.0, rows[3].Coordinate("x"));
        Assert.Equal(1, start.RejectedLines);
    }

    [Fact]
    public void AFileOfTheSameAxesWithAnotherBaseSeedIsRefused()
    {
        string path = PathOf("seeded.jsonl");
        Sweep(new SweepGrid([new SweepAxis("x", [1, 2])], 1), (cell, _) => [new("x", cell["x"])], new SweepOptions(path));
        Assert.Throws<InvalidOperationException>(() => Sweep(new SweepGrid([new SweepAxis("x", [1, 2])], 2), (cell, _) => [new("x", cell["x"])], new SweepOptions(path)));
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>("name", () => new SweepAxis("a b", [1]));
        Assert.Throws<ArgumentException>("values", () => new SweepAxis("a", []));
        Assert.Throws<ArgumentException>("values", () => new SweepAxis("a", [1, 1]));
        Assert.Throws<ArgumentException>("values", () => new SweepAxis("a", [double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>("from", () => SweepAxis.LogSpaced("a", 0, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => SweepAxis.LogSpaced("a", 1, 2, 0));
        Assert.Throws<ArgumentException>("axes", () => new SweepGrid([]));
        Assert.Throws<ArgumentException>("axes", () => new SweepGrid([new SweepAxis("a", [1]), new SweepAxis("a", [2])]));
        Assert.Throws<ArgumentException>("seedAxes", () => new SweepGrid([new SweepAxis("a", [1])], 0, ["b"]));
        Assert.Throws<ArgumentOutOfRangeException>("shardIndex", () => Grid().Shard(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>("Workers", () => new SweepOptions("x") { Workers = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("ShardCount", () => new SweepOptions("x") { ShardCount = 0 });
        Assert.Throws<ArgumentException>("resultsPath", () => new SweepOptions(""));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => Sweep(Grid(), FakeRun, new SweepOptions(PathOf("s")) { ShardIndex = 2, ShardCount = 2 }));
        Assert.Throws<KeyNotFoundException>(() => Grid().Cells[0]["nope"]);
    }

    private sealed class SynchronousProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        private readonly object _gate = new();

        public void Report(SweepProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
