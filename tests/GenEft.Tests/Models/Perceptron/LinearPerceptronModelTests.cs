using GenEft.Experiments;
using GenEft.Models;
using GenEft.Models.Perceptron;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

/// <summary>The perceptron as a model of the experiments layer: TrainingLoop + SGD against independent oracles.</summary>
public sealed class LinearPerceptronModelTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static SupervisedDataset<double> ToDataset(LinearPerceptronData data) =>
        new(DenseTensor<double>.FromSpan(data.Inputs, data.Count, data.Dimension), [.. data.Labels.ToArray().Select(y => y > 0 ? 1 : 0)]);

    private static TrainingResult Train(LinearPerceptronModel model, SupervisedDataset<double> train, double eta, long steps, PhaseCriteria? criteria = null, SupervisedDataset<double>? test = null) =>
        TrainingLoop.Run(
            model,
            new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = eta }.Create,
            new TrainingData<SupervisedBatch<double>>(train.FullBatches(), [train.AsBatch()], test is null ? null : [test.AsBatch()]),
            new TrainingLoopSettings { Criteria = (criteria ?? PhaseCriteria.Table4) with { Budget = steps }, EvaluationInterval = TrainingInterval.Steps(1), StopWhenCertain = false },
            null,
            Ct);

    [Fact]
    public void SgdThroughTheLoopIsGradientDescentOnTheRegularizedSquareLoss()
    {
        var set = BallModelTrainingSet.Sample(samplesPerClass: 6, dimension: 4, epsilon: 0.1, seed: 7);
        var data = set.Data;
        double[] w0 = [0.3, -0.2, 0.05, 0.4];
        var regularization = new PerceptronRegularization(l1: 0.01, l2: 0.02);
        var model = new LinearPerceptronModel(w0, regularization);
        const double eta = 0.2;
        var result = Train(model, ToDataset(data), eta, 40);

        // Oracle: w <- w - eta ((1/n) sum (w.x - y) x + l2 w + l1 sgn w), written out in plain loops.
        var w = w0.ToArray();
        int n = data.Count, d = data.Dimension;
        var x = data.Inputs.ToArray();
        var y = data.Labels.ToArray();
        for (int step = 0; step < 40; step++)
        {
            var g = new double[d];
            for (int i = 0; i < n; i++)
            {
                double r = -y[i];
                for (int k = 0; k < d; k++) r += w[k] * x[(i * d) + k];
                for (int k = 0; k < d; k++) g[k] += r * x[(i * d) + k] / n;
            }

            for (int k = 0; k < d; k++) w[k] -= eta * (g[k] + (0.02 * w[k]) + (0.01 * Math.Sign(w[k])));
        }

        var trained = model.Weights.Value.ReadOnlySpan.ToArray();
        for (int k = 0; k < d; k++)
        {
            Assert.Equal(w[k], trained[k], 1e-13);
        }

        // The loop's time axis is steps x learning rate, and its loss and error are the perceptron data's own.
        Assert.Equal(40 * eta, result.Final.Time, 12);
        Assert.Equal(data.Loss(trained, regularization), result.Final.Loss, 13);
        Assert.Equal(data.Error(trained), result.Final.TrainError, 13);
    }

    [Fact]
    public void SmallStepsConvergeToTheExactGradientFlowAtFirstOrder()
    {
        // Gradient descent with step eta follows the flow w(t) = w* + exp(-G t)(w0 - w*) with an O(eta) error at
        // fixed t: halving eta halves the error. The flow is LinearPerceptronFlow's exact (eigen-decomposed) solution.
        var set = BallModelTrainingSet.Sample(samplesPerClass: 5, dimension: 3, epsilon: 0.2, seed: 3);
        double[] w0 = [0.5, -0.4, 0.3];
        var regularization = new PerceptronRegularization(0, 0.05);
        var exact = new LinearPerceptronFlow(set.Data, regularization).Solve(w0).StateAt(2.0);
        double ErrorAt(double eta)
        {
            var model = new LinearPerceptronModel(w0, regularization);
            Train(model, ToDataset(set.Data), eta, (long)Math.Round(2.0 / eta));
            var w = model.Weights.Value.ReadOnlySpan;
            double sum = 0;
            for (int k = 0; k < 3; k++) sum += (w[k] - exact[k]) * (w[k] - exact[k]);
            return Math.Sqrt(sum);
        }

        double coarse = ErrorAt(0.02), fine = ErrorAt(0.01);
        Assert.InRange(coarse, 1e-6, 0.05);
        Assert.InRange(coarse / fine, 1.8, 2.2);
    }

    [Fact]
    public void ZeroErrorGrokkingReadsTheTimeBetweenZeroTrainAndZeroTestError()
    {
        // Two training and two test points in 2D, chosen (by a search over small grids) so that gradient descent from w0
        // separates the training set at step 5 and the test set only at step 28; the oracle loop recomputes both steps.
        var train = new SupervisedDataset<double>(DenseTensor<double>.FromSpan([1.0, 1.0, -1.0, 0.2], 2, 2), [1, 0]);
        var test = new SupervisedDataset<double>(DenseTensor<double>.FromSpan([0.6, -1.0, -0.2, 0.4], 2, 2), [1, 0]);
        double[] w0 = [-0.27, 0.45];
        var model = new LinearPerceptronModel(w0);
        var result = Train(model, train, 0.1, 400, PhaseCriteria.ZeroErrorGrokking, test);

        var w = w0.ToArray();
        long? trainZero = null, testZero = null;
        double[][] xTrain = [[1.0, 1.0], [-1.0, 0.2]], xTest = [[0.6, -1.0], [-0.2, 0.4]];
        double[] yTrain = [1, -1], yTest = [1, -1];
        bool AllRight(double[][] xs, double[] ys) => xs.Zip(ys).All(p => p.Second * ((p.First[0] * w[0]) + (p.First[1] * w[1])) > 0);
        for (long step = 0; step <= 400; step++)
        {
            if (trainZero is null && AllRight(xTrain, yTrain)) trainZero = step;
            if (testZero is null && AllRight(xTest, yTest)) testZero = step;
            var g = new double[2];
            for (int i = 0; i < 2; i++)
            {
                double r = (xTrain[i][0] * w[0]) + (xTrain[i][1] * w[1]) - yTrain[i];
                g[0] += r * xTrain[i][0] / 2;
                g[1] += r * xTrain[i][1] / 2;
            }

            w[0] -= 0.1 * g[0];
            w[1] -= 0.1 * g[1];
        }

        Assert.NotNull(trainZero);
        Assert.NotNull(testZero);
        Assert.True(testZero > trainZero, $"the construction should grok late: train {trainZero}, test {testZero}");
        Assert.Equal(trainZero, result.Outcome.TrainReachedStep);
        Assert.Equal(testZero, result.Outcome.TestReachedStep);
        Assert.Equal((double)(testZero - trainZero)! * 0.1, result.Outcome.GrokkingTime!.Value, 12);
    }

    [Fact]
    public void BadInputIsRejectedAtTheBoundary()
    {
        Assert.Throws<ArgumentException>("initialWeights", () => new LinearPerceptronModel(ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentException>("initialWeights", () => new LinearPerceptronModel([1.0, double.NaN]));
        var model = new LinearPerceptronModel([0.1, 0.2]);
        var wrongWidth = new SupervisedDataset<double>(DenseTensor<double>.FromSpan([1.0, 2.0, 3.0], 1, 3), [1]);
        Assert.Throws<ArgumentException>("batch", () => model.Evaluate(wrongWidth.AsBatch()));
        var badLabel = new SupervisedDataset<double>(DenseTensor<double>.FromSpan([1.0, 2.0], 1, 2), [2]);
        Assert.Throws<ArgumentException>("batch", () => model.ComputeGradients(badLabel.AsBatch()));
        var pairs = SupervisedDataset<double>.FromIndexPairs([0], [1], [1]);
        Assert.Throws<ArgumentException>("batch", () => model.Evaluate(pairs.AsBatch()));
        var ok = new SupervisedDataset<double>(DenseTensor<double>.FromSpan([1.0, 2.0], 1, 2), [1]);
        Assert.Throws<ArgumentException>("outputs", () => model.Predict(ok.AsBatch(), new double[2]));
        var outputs = new double[1];
        model.Predict(ok.AsBatch(), outputs);
        Assert.Equal((0.1 * 1.0) + (0.2 * 2.0), outputs[0], 15);
    }
}
