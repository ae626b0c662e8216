using GenEft.Analysis;
using GenEft.Experiments;
using GenEft.Models.TensorNetwork;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public class TensorNetworkScenarioATests
{
    private static readonly LocalRule Rule30 = LocalRule.Rule30(steps: 1, SequenceBoundary.Open);

    // H_L(i) of one sequence by the definition: H_L(0) = e_0, H_L(i) = n(H_L(i-1) A(x_(i-1))), in double.
    private static double[][] NaiveLeft(ReadOnlySpan<double> a, int d, ReadOnlySpan<byte> seq)
    {
        var h = new double[seq.Length][];
        h[0] = new double[d];
        h[0][0] = 1;
        for (int i = 1; i < seq.Length; i++)
        {
            var g = new double[d];
            for (int r = 0; r < d; r++)
            {
                for (int l = 0; l < d; l++)
                {
                    g[r] += h[i - 1][l] * a[(((l * d) + r) * 2) + seq[i - 1]];
                }
            }

            double n = Math.Sqrt(g.Sum(v => v * v));
            h[i] = g.Select(v => v / n).ToArray();
        }

        return h;
    }

    [Fact]
    public void LeftContextsAreTheNormalisedRecursion()
    {
        var model = new TensorNetworkAttention<double>(3, seed: 5);
        var set = BinarySequenceSet.Random(4, 7, Rule30, seed: 2);
        var h = model.LeftContexts(set.Inputs.Span, set.Count);
        Assert.Equal(new TensorShape(28, 3), h.Shape);
        var a = model.Attention.Value.ReadOnlySpan;
        for (int p = 0; p < set.Count; p++)
        {
            var naive = NaiveLeft(a, 3, set.Inputs.Span.Slice(p * 7, 7));
            for (int i = 0; i < 7; i++)
            {
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(naive[i][k], h.ReadOnlySpan[(((p * 7) + i) * 3) + k], 1e-13);
                }
            }
        }
    }

    [Fact]
    public void TheMetricIsTheEffectiveDimensionOfTheMiddleWindowOfLeftContexts()
    {
        Assert.Equal((2, 8), TensorNetworkTrainingModel<double>.Window(10, 3));
        Assert.Equal((0, 3), TensorNetworkTrainingModel<double>.Window(4, 3));
        Assert.Equal((4, 6), TensorNetworkTrainingModel<double>.Window(10, 1));

        var model = new TensorNetworkAttention<double>(4, seed: 8);
        var probe = BinarySequenceSet.All(10, Rule30);
        var wrapper = new TensorNetworkTrainingModel<double>(model, probe);
        var metric = Assert.Single(wrapper.EvaluationMetrics());
        Assert.Equal(TensorNetworkTrainingModel<double>.EffectiveDimensionMetric, metric.Key);

        // Oracle: the naive recursion's rows at positions 2..7, and D_eff = exp(entropy of the covariance spectrum),
        // the spectrum from MathNet's symmetric eigenvalue decomposition.
        var rows = new List<double[]>();
        for (int p = 0; p < probe.Count; p++)
        {
            var h = NaiveLeft(model.Attention.Value.ReadOnlySpan, 4, probe.Inputs.Span.Slice(p * 10, 10));
            for (int i = 2; i < 8; i++)
            {
                rows.Add(h[i]);
            }
        }

        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows);
        var mean = x.ColumnSums() / x.RowCount;
        var centred = x - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(x.RowCount, 4, (_, j) => mean[j]);
        var eigen = (centred.TransposeThisAndMultiply(centred)).Evd().EigenValues.Select(c => Math.Max(c.Real, 0)).ToArray();
        double total = eigen.Sum();
        double entropy = -eigen.Where(v => v > 0).Sum(v => v / total * Math.Log(v / total));
        Assert.Equal(Math.Exp(entropy), metric.Value, 1e-9);
        Assert.InRange(metric.Value, 1, 4);
    }

    [Fact]
    public void TheWrapperForwardsToTheModelAndRecordsBatchLosses()
    {
        var model = new TensorNetworkAttention<double>(3, seed: 1);
        var wrapper = new TensorNetworkTrainingModel<double>(model);
        Assert.Empty(wrapper.EvaluationMetrics());
        Assert.Equal(["attention", "classifier"], wrapper.ParameterGroups.Select(g => g.Name));
        Assert.Equal(new Parameter<double>[] { model.Attention, model.Scale }, wrapper.ParameterGroups[0].Parameters);
        Assert.Equal(new Parameter<double>[] { model.Classifier }, wrapper.ParameterGroups[1].Parameters);
        var batch = BinarySequenceSet.Random(5, 6, Rule30, seed: 3);
        var direct = model.Evaluate(batch.Inputs.Span, batch.Labels.Span, batch.Count);
        Assert.Equal(direct, wrapper.Evaluate(batch));
        Assert.Empty(wrapper.BatchLosses);
        Assert.Equal(direct, wrapper.ComputeGradients(batch));
        Assert.Equal([direct.Loss], wrapper.BatchLosses);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkTrainingModel<double>(model, contextHalfWidth: 0));
        Assert.Throws<ArgumentException>(() => new TensorNetworkTrainingModel<double>(model, BinarySequenceSet.All(1, Rule30)));
    }

    private static TensorNetworkScenarioASettings Small(TensorNetworkRegularizer regularizer, ulong seed) => new()
    {
        BondDimension = 4,
        Regularizer = regularizer,
        TrainLength = 6,
        BatchSize = 16,
        MinCrop = 4,
        MaxCrop = 6,
        MaxEpochs = 12,
        EvaluationInterval = 3,
        TestCount = 3,
        TestLength = 40,
        FinalTestCount = 2,
        Seed = seed,
    };

    [Theory]
    [InlineData(TensorNetworkRegularizer.None)]
    [InlineData(TensorNetworkRegularizer.L2)]
    [InlineData(TensorNetworkRegularizer.L1)]
    public void ARunIsTheHandWrittenAdamLoopOverCroppedBatches(TensorNetworkRegularizer regularizer)
    {
        var settings = Small(regularizer, seed: 11);
        var run = TensorNetworkScenarioA.Run(settings, null, TestContext.Current.CancellationToken);

        // The same training by hand: the documented seed streams, Adam (coupled weight decay or L1 per group) on
        // the same cropped batches, 12 epochs of 4 batches.
        var model = new TensorNetworkAttention<float>(4, seed: SeedMixer.Mix(11, "model"));
        Assert.Equal(model.Attention.Value.ReadOnlySpan.ToArray(), TensorNetworkScenarioA.InitialModel(settings).Attention.Value.ReadOnlySpan.ToArray());
        double wd = regularizer == TensorNetworkRegularizer.L2 ? 1e-4 : 0, l1 = regularizer == TensorNetworkRegularizer.L1 ? 1e-3 : 0;
        var adam = new Adam<float>([new ParameterGroup<float>([model.Attention, model.Scale], 5e-3, wd, l1), new ParameterGroup<float>([model.Classifier], 5e-3, wd, l1)]);
        var batches = new CroppedSequenceBatches(BinarySequenceSet.All(6, Rule30), Rule30, 16, 4, 6, SeedMixer.Mix(11, "batches"));
        var losses = new List<double>();
        for (int step = 0; step < 48; step++)
        {
            var b = batches.Next();
            losses.Add(model.ComputeGradients(b.Inputs.Span, b.Labels.Span, b.Count).Loss);
            adam.Step();
        }

        Assert.Equal(model.Attention.Value.ReadOnlySpan.ToArray(), run.Model.Attention.Value.ReadOnlySpan.ToArray());
        Assert.Equal(model.Classifier.Value.ReadOnlySpan.ToArray(), run.Model.Classifier.Value.ReadOnlySpan.ToArray());
        Assert.Equal(model.Scale.Value.ReadOnlySpan.ToArray(), run.Model.Scale.Value.ReadOnlySpan.ToArray());
        Assert.Equal(12, run.EpochLosses.Count);
        for (int e = 0; e < 12; e++)
        {
            Assert.Equal(losses.Skip(4 * e).Take(4).Average(), run.EpochLosses[e], 1e-12);
        }

        // Evaluations every 3 epochs (steps 0, 12, ..., 48), t = epoch x lr, with the D_eff metric.
        Assert.Equal([0L, 12, 24, 36, 48], run.Training.Curve.Select(p => p.Step));
        Assert.Equal([0, 0.015, 0.03, 0.045, 0.06], run.Training.Curve.Select(p => Math.Round(p.Time, 12)));
        Assert.All(run.Training.Curve, p => Assert.Equal(TensorNetworkTrainingModel<float>.EffectiveDimensionMetric, Assert.Single(p.Metrics).Key));
        Assert.Equal(TrainingStopReason.Budget, run.Training.StopReason);
        Assert.InRange(run.FinalTestError, 0, 1);
    }

    [Fact]
    public void SameSeedSameRunAndAnotherSeedAnotherRun()
    {
        var a = TensorNetworkScenarioA.Run(Small(TensorNetworkRegularizer.L1, 3), null, TestContext.Current.CancellationToken);
        var b = TensorNetworkScenarioA.Run(Small(TensorNetworkRegularizer.L1, 3), null, TestContext.Current.CancellationToken);
        var c = TensorNetworkScenarioA.Run(Small(TensorNetworkRegularizer.L1, 4), null, TestContext.Current.CancellationToken);
        Assert.Equal(a.EpochLosses, b.EpochLosses);
        Assert.Equal(a.Training.Curve, b.Training.Curve);
        Assert.Equal(a.FinalTestError, b.FinalTestError);
        Assert.NotEqual(a.EpochLosses, c.EpochLosses);
    }

    [Fact]
    public void Rule30GroksAndStopsTheGivenEpochsAfterTheTestErrorReachesZero()
    {
        var run = TensorNetworkScenarioA.Run(new TensorNetworkScenarioASettings
        {
            BondDimension = 8,
            TrainLength = 8,
            BatchSize = 64,
            MinCrop = 5,
            MaxCrop = 8,
            MaxEpochs = 1500,
            EpochsAfterGrokking = 20,
            EvaluationInterval = 2,
            TestCount = 10,
            TestLength = 300,
            FinalTestCount = 50,
            Seed = 1,
        }, null, TestContext.Current.CancellationToken);
        Assert.NotNull(run.TestZeroTime);
        Assert.NotNull(run.TrainZeroTime);
        Assert.Equal(TrainingStopReason.AfterTestReached, run.Training.StopReason);
        double lastTime = run.Training.Curve[^1].Time;
        Assert.Equal(run.TestZeroTime!.Value + (20 * 5e-3), lastTime, 1e-9);
        Assert.Equal(run.TestZeroTime - run.TrainZeroTime, run.GrokkingTime);
        Assert.Equal(0, run.FinalTestError);
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TensorNetworkScenarioA.Run(Small(TensorNetworkRegularizer.None, 1), null, cts.Token));
    }

    [Fact]
    public void BadSettingsAreRejected()
    {
        Assert.Equal("BondDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { BondDimension = 0 }).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { Steps = 0 }).ParamName);
        Assert.Equal("RuleNumber", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { RuleNumber = 256 }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { LearningRate = double.NaN }).ParamName);
        Assert.Equal("TrainLength", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { TrainLength = 21 }).ParamName);
        Assert.Equal("Regularizer", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorNetworkScenarioASettings { Regularizer = (TensorNetworkRegularizer)7 }).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentOutOfRangeException>(() => TensorNetworkScenarioA.Run(new TensorNetworkScenarioASettings { TrainLength = 5 }, null, TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentOutOfRangeException>(() => TensorNetworkScenarioA.Run(new TensorNetworkScenarioASettings { TrainLength = 6, BatchSize = 65, MinCrop = 3, MaxCrop = 6 }, null, TestContext.Current.CancellationToken)).ParamName);
        Assert.Throws<ArgumentNullException>(() => TensorNetworkScenarioA.Run(null!, null, TestContext.Current.CancellationToken));
    }
}
