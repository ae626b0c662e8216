using System.Text.Json;
using GenEft.Analysis;
using GenEft.Models.Perceptron;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

public class BallModelMonteCarloTests
{
    [Fact]
    public void ResultsAndStreamedRecordsDoNotDependOnTheThreadCount()
    {
        string Run(int threads, TrialRecordFormat format, out PerceptronMonteCarloResult<BallModelTrial> result)
        {
            var driver = new BallModelMonteCarlo(6, 4, 1.1, new PerceptronRegularization(0.02, 0.1)) { ComputeTrajectories = true, MaxDegreeOfParallelism = threads };
            var output = new StringWriter();
            result = driver.Run(700, seed: 4, output: output, format: format, cancellationToken: TestContext.Current.CancellationToken);
            return output.ToString();
        }

        string one = Run(1, TrialRecordFormat.Csv, out var a), two = Run(2, TrialRecordFormat.Csv, out var b);
        Assert.Equal(one, two);
        Assert.Equal(a.Trials, b.Trials);
        Assert.Equal(a.GrokkingTimes, b.GrokkingTimes);
        var lines = one.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(701, lines.Length);
        Assert.StartsWith("index,groks,", lines[0]);
        Assert.Equal(Enumerable.Range(0, 700).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
        string json = Run(2, TrialRecordFormat.JsonLines, out _);
        var first = JsonDocument.Parse(json.Split('\n')[0]).RootElement;
        Assert.Equal(0, first.GetProperty("index").GetInt64());
        Assert.Equal(a.Trials[0].Groks, first.GetProperty("groks").GetBoolean());
        Assert.Equal(a.Trials[0].StationaryMargin, first.GetProperty("stationary_margin").GetDouble());
    }

    [Fact]
    public void CancelledRunKeepsEveryFinishedRecord()
    {
        var driver = new BallModelMonteCarlo(10, 10, 1.01, new PerceptronRegularization(0.05, 0.1)) { MaxDegreeOfParallelism = 2 };
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var progress = new SynchronousProgress(fraction =>
        {
            if (fraction > 0)
            {
                cancellation.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => driver.Run(10_000_000, seed: 1, output: output, format: TrialRecordFormat.JsonLines, progress: progress, cancellationToken: cancellation.Token));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 256 && lines.Length < 10_000_000, $"{lines.Length} records written");
        var indices = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("index").GetInt64()).ToArray();
        Assert.Equal(indices.Length, indices.Distinct().Count());
        var resumed = driver.RunTrial(1, indices[^1]);
        Assert.Equal(resumed.StationaryMargin, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("stationary_margin").GetDouble());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void StationaryVerdictAgreesWithTheFlowsLimit(double l1)
    {
        var driver = new BallModelMonteCarlo(10, 6, 1.05, new PerceptronRegularization(l1, 0.05)) { ComputeTrajectories = true };
        var result = driver.Run(200, seed: 2, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var trial in result.Trials)
        {
            var flow = new LinearPerceptronFlow(driver.TrainingSet(2, trial.Index), driver.Regularization);
            var final = flow.Solve(driver.InitialWeights(2, trial.Index)).FinalState();
            double norm = Math.Sqrt(final.Sum(v => v * v));
            Assert.Equal(trial.StationaryMargin, 1.05 * final[0] / norm, 1e-8);
            if (trial.Groks && trial.StationaryMargin > 1 + 1e-9)
            {
                Assert.True(double.IsFinite(trial.ZeroTestErrorTime), $"trial {trial.Index} groks but its flow never reached zero test error");
            }
        }

        if (l1 == 0)
        {
            Assert.InRange(result.GrokkingProbability.Estimate, 0.02, 0.98); // both verdicts occur, so the comparison above tests both
        }
        Assert.True(result.ReachedZeroTestError >= result.GrokkingProbability.Successes - result.Trials.Count(t => t.Groks && t.StationaryMargin <= 1 + 1e-9));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void MeasuredCriticalExponentIsHalfOfDimensionPlusOne(int dimension)
    {
        // Runs aligned at t_eps (located on the exact flow), test error from the cap formula, averaged, log-log fitted over tau in [1e-8, 1e-6].
        const double epsilon = 1.5;
        var driver = new BallModelMonteCarlo(100, dimension, epsilon, new PerceptronRegularization(0, 0.05));
        var population = new BallModelPopulationError(epsilon, dimension);
        var curves = new List<LearningCurve>();
        for (int i = 0; curves.Count < 40 && i < 400; i++)
        {
            var trajectory = new LinearPerceptronFlow(driver.TrainingSet(6, i), driver.Regularization).Solve(driver.InitialWeights(6, i));
            double tEps = trajectory.FirstZeroErrorTime(population);
            if (!(tEps > 1e-2 && double.IsFinite(tEps)))
            {
                continue;
            }

            var times = Enumerable.Range(0, 120).Select(k => tEps - (1e-5 * Math.Pow(1e-4, k / 119.0))).ToArray();
            var errors = times.Select(t => population.Error(trajectory.StateAt(t))).ToArray();
            curves.Add(new LearningCurve(times, errors, tEps));
        }

        Assert.Equal(40, curves.Count);
        var fit = CriticalExponentFit.Fit(curves, new CriticalExponentFitOptions(1e-8, 1e-6) { Seed = 3 });
        double nu = BallModelCriticalExponent.Nu(dimension);
        Assert.True(Math.Abs(fit.Nu - nu) < 0.1, $"D = {dimension}: nu = {fit.Nu:F4} ± {fit.StandardError:F4} vs (D+1)/2 = {nu}");
        Assert.True(Math.Abs(fit.Nu - nu) < (3 * fit.StandardError) + 0.01);
        Assert.Equal(nu, fit.MedianRunNu, 0.01);
    }

    [Fact]
    public void LargeNumberFlowWithThePapersThresholdsGroksAfterTheDerivedSlowBranchTime()
    {
        // The Eq. 47 setting simulated: inputs eps e_1 +- c e_k (c^2 = D/(D+2)) give exactly G = lambda_{2,D} I + eps^2 e_1 e_1^T, a = eps e_1;
        // training "zero" when eps w_1 >= |w_perp|, test zero when eps w_1 >= |w|. Slow-branch starts: large |w_perp(0)|.
        const int d = 5;
        const double epsilon = 2, l2 = 0.01;
        double c = Math.Sqrt(d / (d + 2.0));
        var inputs = new List<double>();
        var labels = new List<double>();
        for (int k = 0; k < d; k++)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                foreach (double y in new[] { 1.0, -1.0 })
                {
                    var x = new double[d];
                    x[0] = y * epsilon;
                    x[k] += sign * c;
                    inputs.AddRange(x);
                    labels.Add(y);
                }
            }
        }

        var flow = new LinearPerceptronFlow(new LinearPerceptronData([.. inputs], d, [.. labels]), new PerceptronRegularization(0, l2));
        double lambda = BallModelEffectiveL2.Compute(l2, d);
        Assert.Equal(lambda + (epsilon * epsilon), flow.Hessian[0], 1e-12);
        Assert.Equal(lambda, flow.Hessian[(1 * d) + 1], 1e-12);
        foreach (double s in new[] { 20.0, 50.0 })
        {
            var w0 = new double[d];
            w0[0] = -0.3;
            w0[1] = s * 0.6;
            w0[2] = s * 0.8;
            var times = flow.Solve(w0).GrokkingTimes(new PapersTrainingThreshold(epsilon, d), new BallModelPopulationError(epsilon, d));
            double derived = BallModelGrokkingTime.SlowBranchTime(epsilon, lambda), printed = BallModelGrokkingTime.SlowBranchTimeAsPrinted(epsilon, lambda);
            Assert.True(Math.Abs(times.GrokkingTime - derived) < 1e-6 * derived, $"s = {s}: t_G = {times.GrokkingTime} vs derived {derived}, printed {printed}");
        }
    }

    /// <summary>The training threshold of the paper's large-N analysis: zero "training error" once epsilon w_1 &gt;= |w_perp|.</summary>
    private sealed class PapersTrainingThreshold(double epsilon, int dimension) : IPerceptronErrorMeasure
    {
        public int Dimension => dimension;

        public double Error(ReadOnlySpan<double> weights) => ZeroErrorMargin(weights) >= 0 ? 0 : 1;

        public double ZeroErrorMargin(ReadOnlySpan<double> weights)
        {
            double perpendicular = 0;
            for (int k = 1; k < weights.Length; k++)
            {
                perpendicular += weights[k] * weights[k];
            }

            return (epsilon * weights[0]) - Math.Sqrt(perpendicular);
        }
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
