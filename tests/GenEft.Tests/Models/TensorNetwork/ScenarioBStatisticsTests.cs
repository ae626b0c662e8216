using GenEft.Models.Perceptron;
using GenEft.Models.TensorNetwork;
using GenEft.Nn;
using GenEft.Tensors;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class ScenarioBStatisticsTests
{
    private static readonly ElementaryCellularAutomaton Rule30 = ElementaryCellularAutomaton.Rule30();

    // Attempt 2324 of seed 1 at d = 2 is accepted on the 100 x 100 test set of seed 1 (its stationary test error is 0)
    // and groks fast (t_eps ~ 130), so flows over it are cheap.
    private static readonly double[] Accepted = RandomAttentionSampler.Sample(2, 1, 2324);
    private static readonly BinarySequenceSet Train = BinarySequenceSet.All(3, Rule30);
    private static readonly BinarySequenceSet Test = BinarySequenceSet.Random(100, 100, Rule30, seed: 1);

    [Fact]
    public void ClassSeparationAndBoundaryDistancesOfAHandMadeSet()
    {
        // Positives at x1 = 1, 3 and negatives at x1 = -2, -4 (x2 arbitrary); along w = (2, 0): centres 2 and -3, half-ranges 1
        // and 1, so eps = (2 - (-3)) / (1 + 1) = 2.5. Margins y w.x/|w| = 1, 3, 2, 4: distances to the nearest, 0, 2, 1, 3.
        var data = new LinearPerceptronData([1.0, 5, 3, -7, -2, 0, -4, 1], 2, [1.0, 1, -1, -1]);
        Assert.Equal(2.5, ScenarioBStatistics.ClassSeparation(data, [2.0, 0]), 12);
        Assert.Equal([0.0, 2, 1, 3], ScenarioBStatistics.BoundaryDistances(data, [2.0, 0]));

        // Along (1, 1)/sqrt 2: p = 6, -4 (positives), -2, -3 (negatives) in units of 1/sqrt 2: centres 1 and -2.5, half-ranges 5 and 0.5.
        Assert.Equal(3.5 / 5.5, ScenarioBStatistics.ClassSeparation(data, [1.0, 1]), 12);

        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.ClassSeparation(data, [0.0, 0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.BoundaryDistances(data, [1.0])).ParamName);
        var oneClass = new LinearPerceptronData([1.0, 2], 1, [1.0, 1]);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.ClassSeparation(oneClass, [1.0])).ParamName);
    }

    [Fact]
    public void TheBallModelGivesItsKnownEffectiveDimensionSeparationXiAndNu()
    {
        // Unit 3-balls centred at +-eps e_1, eps = 2. Oracles: covariance diag(eps^2 + 1/5, 1/5, 1/5), so D_eff = exp(entropy of
        // the normalised diagonal); eps of the training set ~2 (its extremes sit a little inside the balls); the cap volume
        // F(h) = h^2 (3 - h)/4 of the test distances gives 1 - xi ~ 2 (xi ~ -1, i.e. (1 - D)/2); nu = (D + 1)/2 = 2 (measured 2.14).
        const int d = 3;
        const double eps = 2;
        var train = BallModelTrainingSet.Sample(400, d, eps, seed: 1).Data;
        var test = BallModelTrainingSet.Sample(20_000, d, eps, seed: 2).Data;
        var stats = ScenarioBStatistics.Compute(train, test, new ScenarioBStatisticsOptions { Initializations = 40, Seed = 3, WindowStart = 0.01, WindowEnd = 0.2 },
            cancellationToken: TestContext.Current.CancellationToken);

        double[] variances = [(eps * eps) + 0.2, 0.2, 0.2];
        double entropy = -variances.Sum(v => v / variances.Sum() * Math.Log(v / variances.Sum()));
        Assert.Equal(Math.Exp(entropy), stats.TrainingEffectiveDimension, 0.05 * Math.Exp(entropy));
        Assert.Equal(Math.Exp(entropy), stats.TestEffectiveDimension, 0.01 * Math.Exp(entropy));
        Assert.InRange(stats.Separation, 1.9, 2.3);
        Assert.Equal(0, stats.StationaryTestError);
        // xi: -1 in the limit; at 40,000 test points and k = 2,000 the estimate sits about 0.2 higher (measured -0.81 +- 0.05),
        // because h is counted from the sample's nearest point (about 0.006 inside the true edge) and the cap's local
        // exponent 2 - h/(3 - h) falls to 1.9 at the top of the fitted range.
        Assert.InRange(stats.Xi, -1.05, -0.7);
        Assert.NotNull(stats.CriticalExponent);
        Assert.Equal(2, stats.CriticalExponent.Nu, 0.25);
    }

    [Fact]
    public void GrokkingTimesAreTheFirstZeroErrorTimesOfABruteForceScanOfTheFlow()
    {
        // Oracle: w(t) = w* + V exp(-Lambda t) V^T (w(0) - w*) from an eigendecomposition of G = Z^T Z / n computed here, scanned on a
        // uniform grid of step 0.02: the first grid time with zero error lies within one step after the reported time.
        var stats = ScenarioBStatistics.Compute(Accepted, 2, Train, Test, new ScenarioBStatisticsOptions { Initializations = 3, Seed = 9 }, cancellationToken: TestContext.Current.CancellationToken);
        var train = ScenarioBAttention.Features(Accepted, 2, Train);
        var test = ScenarioBAttention.Features(Accepted, 2, Test);
        int n = train.Count, dim = train.Dimension;
        var z = Matrix<double>.Build.Dense(n, dim, (i, j) => train.Input(i)[j]);
        var y = Vector<double>.Build.Dense(train.Labels.ToArray());
        var g = z.TransposeThisAndMultiply(z) / n;
        var wStar = g.Solve(z.TransposeThisAndMultiply(y) / n);
        var evd = g.Evd(Symmetricity.Symmetric);
        const double step = 0.02;
        for (int r = 0; r < 3; r++)
        {
            var w0 = Vector<double>.Build.Dense(ScenarioBStatistics.InitialWeights(dim, 9, r));
            var c = evd.EigenVectors.TransposeThisAndMultiply(w0 - wStar);
            double firstTrain = double.NaN, firstTest = double.NaN;
            for (int k = 0; double.IsNaN(firstTest); k++)
            {
                double t = k * step;
                var w = (wStar + (evd.EigenVectors * Vector<double>.Build.Dense(dim, i => c[i] * Math.Exp(-evd.EigenValues[i].Real * t)))).ToArray();
                if (double.IsNaN(firstTrain) && train.Error(w) == 0)
                {
                    firstTrain = t;
                }

                if (test.Error(w) == 0)
                {
                    firstTest = t;
                }
            }

            var run = stats.Runs[r];
            Assert.InRange(firstTrain - run.ZeroTrainingErrorTime, 0, step);
            Assert.InRange(firstTest - run.ZeroTestErrorTime, 0, step);
            Assert.Equal(run.ZeroTestErrorTime - run.ZeroTrainingErrorTime, run.GrokkingTime);
        }
    }

    [Fact]
    public void TheModelsOwnSgdTrainingOfBFollowsTheFlowToFirstOrderInTheLearningRate()
    {
        // TensorNetworkAttention with A fixed (only B handed to the optimizer), linear head (square loss on t = 2y - 1), full-batch SGD:
        // after T / lr steps B must be within O(lr) of the exact flow w(T): halving lr halves the distance.
        const double time = 20;
        var w0 = ScenarioBStatistics.InitialWeights(8, 4, 0);
        var flow = new LinearPerceptronFlow(ScenarioBAttention.Features(Accepted, 2, Train), new PerceptronRegularization(0, 0));
        var exact = flow.Solve(w0).StateAt(time);
        double Distance(double lr)
        {
            var model = TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.FromSpan(Accepted, 2, 2, 2), DenseTensor<double>.FromSpan(w0, 2, 2, 2), 1.0,
                new TensorNetworkAttentionOptions { Head = TensorNetworkHead.Linear });
            var optimizer = new Sgd<double>([new ParameterGroup<double>([model.Classifier], lr)]);
            for (int step = 0; step < (int)Math.Round(time / lr); step++)
            {
                model.ComputeGradients(Train.Inputs.Span, Train.Labels.Span, Train.Count);
                optimizer.Step();
            }

            var b = model.Classifier.Value.ReadOnlySpan.ToArray();
            return Math.Sqrt(Enumerable.Range(0, 8).Sum(i => (b[i] - exact[i]) * (b[i] - exact[i])));
        }

        double coarse = Distance(0.02), fine = Distance(0.01);
        double moved = Math.Sqrt(Enumerable.Range(0, 8).Sum(i => (w0[i] - exact[i]) * (w0[i] - exact[i])));
        Assert.True(fine < 1e-3 * moved, $"distance {fine} after moving {moved}");
        Assert.InRange(coarse / fine, 1.8, 2.2);
    }

    [Fact]
    public void TheResultDoesNotDependOnTheThreadCountAndProgressCountsEveryInitialization()
    {
        var progress = new MaxProgress();
        var one = ScenarioBStatistics.Compute(Accepted, 2, Train, Test, new ScenarioBStatisticsOptions { Initializations = 8, Seed = 5, MaxDegreeOfParallelism = 1 }, progress, TestContext.Current.CancellationToken);
        var two = ScenarioBStatistics.Compute(Accepted, 2, Train, Test, new ScenarioBStatisticsOptions { Initializations = 8, Seed = 5, MaxDegreeOfParallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(one.Runs, two.Runs);
        Assert.Equal(one.CriticalExponent!.Nu, two.CriticalExponent!.Nu);
        Assert.Equal(one.CriticalExponent.StandardError, two.CriticalExponent.StandardError);
        Assert.Equal(8, progress.Max);
        Assert.Equal(0, one.StationaryTestError);
        Assert.Equal(1, one.GrokkingFraction);
        Assert.Equal((one.TrainingEffectiveDimension - (2 * one.CriticalExponent.Nu) + 1) / 2, one.Equation50Xi, 12);
        var other = ScenarioBStatistics.Compute(Accepted, 2, Train, Test, new ScenarioBStatisticsOptions { Initializations = 8, Seed = 6 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(one.Runs, other.Runs);
    }

    [Fact]
    public void CancellationAndBadInputThrow()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ScenarioBStatistics.Compute(Accepted, 2, Train, Test, cancellationToken: cancelled.Token));
        Assert.Equal("Initializations", Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBStatisticsOptions { Initializations = 1 }).ParamName);
        Assert.Equal("WindowEnd", Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBStatisticsOptions { WindowEnd = 1 }).ParamName);
        Assert.Equal("TailFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBStatisticsOptions { TailFraction = 0 }).ParamName);
        Assert.Equal("Lambda2", Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBStatisticsOptions { Lambda2 = -1 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBStatisticsOptions { MaxDegreeOfParallelism = 0 }).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.Compute(Accepted, 2, Train, Test, new ScenarioBStatisticsOptions { WindowStart = 0.5, WindowEnd = 0.2 }, cancellationToken: TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("attention", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.Compute([1.0, 2], 2, Train, Test, cancellationToken: TestContext.Current.CancellationToken)).ParamName);
        var small = BinarySequenceSet.Random(1, 3, Rule30, seed: 1);
        Assert.Equal("test", Assert.Throws<ArgumentException>(() => ScenarioBStatistics.Compute(Accepted, 2, Train, small, cancellationToken: TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("initialization", Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioBStatistics.InitialWeights(8, 0, -1)).ParamName);
    }

    private sealed class MaxProgress : IProgress<int>
    {
        private int max;

        public int Max => Volatile.Read(ref max);

        public void Report(int value)
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref max);
            }
            while (value > seen && Interlocked.CompareExchange(ref max, value, seen) != seen);
        }
    }
}
