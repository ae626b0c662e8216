using System.Globalization;
using System.Text.Json;
using GenEft.Models.Perceptron;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

/// <summary>Issue 10 items the other perceptron test classes did not cover: the 1D Monte Carlo driver on 1 and 2 threads.</summary>
public class IssueCoverageTests
{
    [Fact]
    public void ExponentialModelMonteCarloGivesTheSameRecordsOnOneAndTwoThreads()
    {
        var regularization = new PerceptronRegularization(0.02, 0.3);
        string Run(int threads, TrialRecordFormat format, out PerceptronMonteCarloResult<ExponentialModelTrial> result, List<double>? reports = null)
        {
            var driver = new ExponentialModelMonteCarlo(5, 0.1, regularization) { MaxDegreeOfParallelism = threads };
            var output = new StringWriter();
            var progress = reports is null ? null : new SynchronousProgress(reports.Add);
            result = driver.Run(1500, seed: 11, output: output, format: format, progress: progress, cancellationToken: TestContext.Current.CancellationToken);
            return output.ToString();
        }

        var reports = new List<double>();
        string one = Run(1, TrialRecordFormat.Csv, out var a), two = Run(2, TrialRecordFormat.Csv, out var b, reports);
        Assert.Equal(one, two);
        Assert.Equal(a.Trials, b.Trials);
        Assert.Equal(a.GrokkingTimes, b.GrokkingTimes);
        Assert.Equal(a.GrokkingProbability, b.GrokkingProbability);
        Assert.Equal(1.0, reports.Max());

        var lines = one.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1501, lines.Length);
        Assert.Equal("index,mean,min_positive_offset,groks,zero_training_error_time,zero_test_error_time,grokking_time", lines[0]);
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));

        // Independent oracle per record: the training set of (seed, i) summarized directly, the grokking condition
        // |xbar| <= eps_l and Eq. 16 for t_G.
        var driver = new ExponentialModelMonteCarlo(5, 0.1, regularization);
        double epsL = ExponentialModelSeparation.Effective(0.1, regularization);
        foreach (int i in new[] { 0, 1, 255, 256, 777, 1499 })
        {
            var set = driver.TrainingSet(11, i);
            var record = a.Trials[i];
            Assert.Equal(set.PositiveOffsets.ToArray().Min(), record.MinPositiveOffset);
            double mean = (set.PositiveOffsets.ToArray().Average() - set.NegativeOffsets.ToArray().Average()) / 2;
            Assert.Equal(mean, record.Mean, 1e-14);
            Assert.Equal(Math.Abs(mean) <= epsL, record.Groks);
            if (record.Groks)
            {
                double xbarL = (mean - regularization.L1) / (1 + regularization.L2);
                double tG = Math.Log((0.1 + record.MinPositiveOffset - xbarL) / (0.1 - xbarL)) / (1 + regularization.L2);
                Assert.Equal(tG, record.GrokkingTime, 1e-9);
            }
        }

        string json = Run(2, TrialRecordFormat.JsonLines, out _);
        var jsonLines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1500, jsonLines.Length);
        var last = JsonDocument.Parse(jsonLines[^1]).RootElement;
        Assert.Equal(1499, last.GetProperty("index").GetInt64());
        Assert.Equal(a.Trials[1499].Mean, last.GetProperty("mean").GetDouble());
        Assert.Equal(a.Trials[1499].Groks, last.GetProperty("groks").GetBoolean());
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
