using System.Text.Json;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Cli;

/// <summary>
/// <c>geneft train</c>: the JSON curve and phase equal <see cref="TrainingRun.Execute"/> with settings built here from
/// the same numbers (so every option reaches the run), the same seed gives the same output, bad values are usage errors.
/// </summary>
public class TrainCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Args =
    [
        "train", "--family", "mod", "-n", "9", "-k", "3", "--train-fraction", "0.6", "--encoder-lr", "2e-2", "--decoder-lr", "5e-3",
        "--encoder-wd", "0.1", "--decoder-wd", "0.01", "--optimizer", "adam", "--steps", "300", "--eval-interval", "50",
        "--width", "16", "--depth", "2", "--embedding-dim", "3", "--grokking-delay", "100", "--seed", "18446744073709551615", "--json",
    ];

    [Fact]
    public async Task JsonCurveAndPhaseEqualTheLibraryRunWithTheSameSettings()
    {
        var result = await Cli.RunAsync(Args, cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        var settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(9, 3))
        {
            TrainingFraction = 0.6,
            Seed = ulong.MaxValue,
            EvaluationInterval = 50,
            Model = new AutoencoderConfig { DecoderWidth = 16, DecoderDepth = 2, EmbeddingDimension = 3 },
            Criteria = PhaseCriteria.Table4 with { Budget = 300, GrokkingDelay = 100 },
            Optimizer = new OptimizerSettings
            {
                Kind = OptimizerKind.Adam, EncoderLearningRate = 2e-2, DecoderLearningRate = 5e-3, EncoderWeightDecay = 0.1, DecoderWeightDecay = 0.01,
            },
        };
        var expected = TrainingRun.Execute(settings, cancellationToken: Ct);
        var lines = result.Json;
        Assert.Equal(expected.Curve.Count + 1, lines.Length);
        for (int i = 0; i < expected.Curve.Count; i++)
        {
            var point = expected.Curve[i];
            Assert.Equal(point.Step, lines[i].GetProperty("step").GetInt64());
            Assert.Equal(point.Loss, lines[i].GetProperty("loss").GetDouble());
            Assert.Equal(point.TrainAccuracy, lines[i].GetProperty("trainAccuracy").GetDouble());
            Assert.Equal(point.TestAccuracy, lines[i].GetProperty("testAccuracy").GetDouble());
        }

        var last = lines[^1];
        Assert.Equal(expected.Outcome.Phase.ToString(), last.GetProperty("phase").GetString());
        Assert.Equal(expected.StepsRun, last.GetProperty("steps").GetInt64());
        Assert.Equal(ulong.MaxValue, last.GetProperty("seed").GetUInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, last.GetProperty("seed").ValueKind);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameOutputAndAnotherSeedAnother()
    {
        string[] args = ["train", "--family", "less-than", "-n", "8", "--steps", "200", "--eval-interval", "20", "--width", "16", "--encoder-lr", "1e-2"];
        var a = await Cli.RunAsync([.. args, "--seed", "3"], cancellationToken: Ct);
        var b = await Cli.RunAsync([.. args, "--seed", "3"], cancellationToken: Ct);
        var c = await Cli.RunAsync([.. args, "--seed", "4"], cancellationToken: Ct);
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.Equal(a.Output, b.Output);
        Assert.NotEqual(a.Output, c.Output);
        Assert.StartsWith("train: less-than, n = 8", a.Lines[0]);
        Assert.StartsWith("phase: ", a.Lines[^1]);
        Assert.Equal(2 + 11 + 1, a.Lines.Length);
    }

    [Theory]
    [InlineData("--steps", "-5", "--steps must be at least 1")]
    [InlineData("--eval-interval", "0", "--eval-interval must be at least 1")]
    [InlineData("--train-fraction", "1.5", "--train-fraction values must be in (0, 1]")]
    [InlineData("--encoder-lr", "0", "--encoder-lr values must be positive")]
    [InlineData("--decoder-wd", "-1", "--decoder-wd values must be non-negative")]
    [InlineData("--optimizer", "rmsprop", "'rmsprop' not recognized")]
    [InlineData("--encoder-lr", "fast", "Cannot parse 'fast' for --encoder-lr")]
    public async Task BadValuesAreUsageErrors(string option, string value, string message)
    {
        var result = await Cli.RunAsync(["train", "--family", "mod", "-n", "6", option, value], cancellationToken: Ct);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task AListIsRejectedByTrainAndATypoGetsASuggestion()
    {
        var list = await Cli.RunAsync(["train", "--family", "mod", "-n", "6", "--encoder-lr", "1e-3", "1e-2"], cancellationToken: Ct);
        Assert.Equal(1, list.ExitCode);
        var typo = await Cli.RunAsync(["train", "--family", "mod", "-n", "6", "--decoder-rl", "1e-3"], cancellationToken: Ct);
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("did you mean '--decoder-lr'?", typo.Error);
        var relation = await Cli.RunAsync(["train", "--family", "mod3", "-n", "6"], cancellationToken: Ct);
        Assert.Equal(1, relation.ExitCode);
        Assert.Contains("'mod3' not recognized", relation.Error);
    }

    [Fact]
    public async Task CancellingMidRunExitsWith130AndKeepsTheCurvePrintedSoFar()
    {
        // A tiny encoder rate memorizes and runs to the budget: 10^6 steps take far longer than the 0.5 s before cancel.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
        var result = await Cli.RunAsync(
            ["train", "--family", "mod", "-n", "9", "--encoder-lr", "1e-5", "--steps", "1000000", "--eval-interval", "100", "--width", "8", "--json", "--quiet"],
            cancellationToken: cancel.Token);
        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("cancelled", result.Error);
        var steps = result.Json.Select(j => j.GetProperty("step").GetInt64()).ToArray();
        Assert.NotEmpty(steps);
        Assert.Equal(Enumerable.Range(0, steps.Length).Select(i => 100L * i), steps);
        Assert.True(steps[^1] < 1_000_000);
    }

    [Fact]
    public async Task ATrainingFractionThatLeavesNoPairsIsAnInputError()
    {
        var result = await Cli.RunAsync(["train", "--family", "mod", "-n", "2", "--train-fraction", "0.1"], cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("leaves no training pairs", result.Error);
    }

    [Fact]
    public async Task NoEarlyStopRunsTheWholeBudgetAndExportReplayWritesTheSplitAndTheInitialModel()
    {
        // This run generalizes and stops at step 80 once its phase is certain.
        string[] args = ["train", "--family", "mod", "-n", "9", "--train-fraction", "0.8", "--encoder-lr", "0.02", "--decoder-lr", "0.002",
            "--steps", "400", "--eval-interval", "20", "--grokking-delay", "100", "--json"];
        var early = await Cli.RunAsync(args, cancellationToken: Ct);
        Assert.True(early.ExitCode == 0, early.ToString());
        Assert.True(early.Json[^1].GetProperty("steps").GetInt64() < 400, early.Output);

        string path = Path.Combine(Path.GetTempPath(), $"geneft-replay-{Guid.NewGuid():N}.json");
        try
        {
            var full = await Cli.RunAsync([.. args, "--no-early-stop", "--export-replay", path], cancellationToken: Ct);
            Assert.True(full.ExitCode == 0, full.ToString());
            Assert.Equal(400, full.Json[^1].GetProperty("steps").GetInt64());
            Assert.Equal("Budget", full.Json[^1].GetProperty("stop").GetString());

            using var replay = JsonDocument.Parse(File.ReadAllText(path));
            var doc = replay.RootElement;
            Assert.Equal(9, doc.GetProperty("n").GetInt32());
            Assert.Equal(400, doc.GetProperty("budget").GetInt64());
            Assert.Equal(0.02, doc.GetProperty("eta_enc").GetDouble());
            // Train and test together are every pair once, each labelled by x = y (mod 3).
            var pairs = new HashSet<(int, int)>();
            foreach (string part in new[] { "train", "test" })
            {
                var set = doc.GetProperty(part);
                int[] left = [.. set.GetProperty("left").EnumerateArray().Select(e => e.GetInt32())];
                int[] right = [.. set.GetProperty("right").EnumerateArray().Select(e => e.GetInt32())];
                double[] label = [.. set.GetProperty("label").EnumerateArray().Select(e => e.GetDouble())];
                for (int i = 0; i < left.Length; i++)
                {
                    Assert.True(pairs.Add((left[i], right[i])));
                    Assert.Equal((left[i] - right[i]) % 3 == 0 ? 1.0 : 0.0, label[i]);
                }
            }

            Assert.Equal(81, pairs.Count);
            foreach (var parameter in doc.GetProperty("parameters").EnumerateArray())
            {
                int size = parameter.GetProperty("shape").EnumerateArray().Aggregate(1, (a, d) => a * d.GetInt32());
                Assert.Equal(size, parameter.GetProperty("values").GetArrayLength());
            }

            Assert.Equal([9, 2], doc.GetProperty("parameters")[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("train")]
    [InlineData("sweep")]
    [InlineData("sweep", "run")]
    [InlineData("sweep", "merge")]
    [InlineData("sweep", "phase-diagram")]
    [InlineData("figure")]
    [InlineData("figure", "figure5")]
    [InlineData("figure", "perceptron-nu")]
    public async Task HelpWorksOnEveryNewCommand(params string[] path)
    {
        var result = await Cli.RunAsync([.. path, "--help"], cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"geneft {string.Join(' ', path)}", result.Output);
        Assert.Contains("Usage:", result.Output);
    }
}
