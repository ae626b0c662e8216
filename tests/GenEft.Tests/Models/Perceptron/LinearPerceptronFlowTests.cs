using GenEft.Dynamics;
using GenEft.Models.Perceptron;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

public class LinearPerceptronFlowTests
{
    [Theory]
    [InlineData(4, 10, 0.0)]
    [InlineData(6, 3, 0.1)]
    [InlineData(10, 10, 0.1)]
    public void ExactFlowWithoutL1EqualsNumericalIntegration(int dimension, int n, double l2)
    {
        // Oracle: Dormand-Prince (rtol 1e-12) on dw/dt = -(G w - a), with G and a built here from the raw data.
        var set = BallModelTrainingSet.Sample(n, dimension, 1.2, seed: 41);
        var (g, a) = Moments(set.Data, l2);
        var flow = new LinearPerceptronFlow(set.Data, new PerceptronRegularization(0, l2));
        var w0 = Gaussian(dimension, 7);
        var trajectory = flow.Solve(w0);
        Assert.Equal(1, trajectory.PieceCount);
        double[] times = [0.01, 0.3, 1, 4, 20];
        var states = new double[times.Length * dimension];
        new DormandPrince54Solver(1e-12, 1e-14).Solve(new QuadraticFlow(g, a, 0), 0, w0, times[^1], new double[dimension], new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            var exact = trajectory.StateAt(times[i]);
            for (int k = 0; k < dimension; k++)
            {
                Assert.True(Math.Abs(exact[k] - states[(i * dimension) + k]) <= 1e-9, $"t = {times[i]}, w_{k}: exact {exact[k]:R} vs ODE {states[(i * dimension) + k]:R}");
            }
        }

        if (2 * n >= dimension || l2 > 0)
        {
            var minimizer = flow.Minimizer();
            var residual = Multiply(g, minimizer).Zip(a, (gw, ak) => Math.Abs(gw - ak)).Max();
            Assert.True(residual < 1e-12);
            Assert.Equal(minimizer, trajectory.FinalState(), new ToleranceComparer(1e-9));
        }
    }

    [Fact]
    public void L1FlowConvergesToTheFineStepProximalScheme()
    {
        // Oracle: the forward-backward (proximal gradient) scheme w <- S_{h lambda1}(w - h (G w - a)), first-order accurate in h.
        var set = BallModelTrainingSet.Sample(5, 6, 1.2, seed: 3);
        var regularization = new PerceptronRegularization(0.1, 0.05);
        var (g, a) = Moments(set.Data, regularization.L2);
        var flow = new LinearPerceptronFlow(set.Data, regularization);
        var w0 = Gaussian(6, 1);
        var trajectory = flow.Solve(w0);
        Assert.True(trajectory.PieceCount >= 3, $"the case should switch coordinates: {trajectory.PieceCount} piece(s)");
        double[] times = [0.25, 1, 3, 10];
        double Error(double h)
        {
            double worst = 0;
            var w = (double[])w0.Clone();
            double t = 0;
            foreach (double target in times)
            {
                while (t < target - (h / 2))
                {
                    var gw = Multiply(g, w);
                    for (int k = 0; k < w.Length; k++)
                    {
                        double v = w[k] - (h * (gw[k] - a[k]));
                        w[k] = Math.Sign(v) * Math.Max(Math.Abs(v) - (h * regularization.L1), 0);
                    }

                    t += h;
                }

                var exact = trajectory.StateAt(target);
                worst = Math.Max(worst, exact.Zip(w, (x, y) => Math.Abs(x - y)).Max());
            }

            return worst;
        }

        double coarse = Error(1e-3), fine = Error(2.5e-4);
        Assert.True(fine < 1e-3, $"max deviation {fine} at h = 2.5e-4");
        Assert.True(coarse / fine > 3 && coarse / fine < 5, $"deviation {coarse} at h = 1e-3 and {fine} at h = 2.5e-4: first-order convergence gives ratio 4");
    }

    [Fact]
    public void L1FlowEndsAtTheLassoMinimiserAndNeverIncreasesTheLoss()
    {
        var set = BallModelTrainingSet.Sample(8, 7, 1.05, seed: 12);
        var regularization = new PerceptronRegularization(0.05, 0.02);
        var flow = new LinearPerceptronFlow(set.Data, regularization);
        var trajectory = flow.Solve(Gaussian(7, 2));
        var minimizer = flow.Minimizer();
        var (g, a) = Moments(set.Data, regularization.L2);
        var gradient = Multiply(g, minimizer).Zip(a, (x, y) => x - y).ToArray();
        for (int k = 0; k < 7; k++)
        {
            // KKT: g_k + lambda1 sgn w_k = 0 on the support, |g_k| <= lambda1 off it.
            if (minimizer[k] != 0)
            {
                Assert.True(Math.Abs(gradient[k] + (regularization.L1 * Math.Sign(minimizer[k]))) < 1e-10);
            }
            else
            {
                Assert.True(Math.Abs(gradient[k]) <= regularization.L1 + 1e-12);
            }
        }

        Assert.Contains(0.0, minimizer);
        Assert.Equal(minimizer, trajectory.FinalState(), new ToleranceComparer(1e-9));
        double previous = double.PositiveInfinity;
        foreach (double t in Enumerable.Range(0, 400).Select(i => 0.05 * i))
        {
            double loss = set.Data.Loss(trajectory.StateAt(t), regularization);
            Assert.True(loss <= previous + 1e-13, $"loss rose at t = {t}");
            previous = loss;
        }

        var velocity = new double[7];
        flow.Velocity(trajectory.StateAt(200), velocity);
        Assert.True(velocity.Max(Math.Abs) < 1e-9);
    }

    [Fact]
    public void FirstZeroErrorTimesMatchABruteForceScan()
    {
        var set = BallModelTrainingSet.Sample(20, 4, 1.5, seed: 8);
        var flow = new LinearPerceptronFlow(set.Data, new PerceptronRegularization(0, 0.05));
        var w0 = Gaussian(4, 4).Select(v => -v).ToArray();
        w0[0] = -Math.Abs(w0[0]) - 1; // start on the wrong side so both errors have to fall to 0
        var trajectory = flow.Solve(w0);
        var times = trajectory.GrokkingTimes(set.Data, set.PopulationError);
        Assert.True(times.ZeroTrainingErrorTime > 0 && times.ZeroTestErrorTime > times.ZeroTrainingErrorTime, $"{times}");
        const double step = 1e-4;
        double Scan(IPerceptronErrorMeasure measure)
        {
            for (int i = 0; ; i++)
            {
                if (measure.Error(trajectory.StateAt(i * step)) == 0)
                {
                    return i * step;
                }
            }
        }

        Assert.Equal(Scan(set.Data), times.ZeroTrainingErrorTime, step);
        Assert.Equal(Scan(set.PopulationError), times.ZeroTestErrorTime, step);
        Assert.Equal(times.ZeroTestErrorTime - times.ZeroTrainingErrorTime, times.GrokkingTime, 1e-15);
    }

    [Fact]
    public void GradientDescentTracksTheFlowAndAdamReachesZeroTestError()
    {
        var set = BallModelTrainingSet.Sample(10, 5, 1.3, seed: 21);
        var regularization = new PerceptronRegularization(0, 0.1);
        var w0 = Gaussian(5, 9);
        var exact = new LinearPerceptronFlow(set.Data, regularization).Solve(w0).StateAt(3);
        double Deviation(double lr)
        {
            var run = PerceptronOptimizerTraining.Train(set.Data, regularization, w0, set.PopulationError, new PerceptronOptimizerSettings { LearningRate = lr, Steps = (long)Math.Round(3 / lr) }, TestContext.Current.CancellationToken);
            Assert.Equal(3, run.Curve[^1].Time, 1e-9);
            return run.FinalWeights.Zip(exact, (x, y) => Math.Abs(x - y)).Max();
        }

        double coarse = Deviation(4e-3), fine = Deviation(1e-3);
        Assert.True(fine < 5e-3 && coarse / fine > 3 && coarse / fine < 5, $"{coarse} vs {fine}");
        var adam = PerceptronOptimizerTraining.Train(set.Data, regularization, w0, set.PopulationError, new PerceptronOptimizerSettings { Optimizer = PerceptronOptimizer.Adam, LearningRate = 0.01, Steps = 20_000, StopAtZeroTestError = true }, TestContext.Current.CancellationToken);
        Assert.NotNull(adam.ZeroTestErrorStep);
        Assert.Equal(adam.ZeroTestErrorStep, adam.StepsRun);
        Assert.Equal(0, set.TestError(adam.FinalWeights.ToArray()));
    }

    internal static double[] Gaussian(int d, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, d).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
    }

    internal static (double[] G, double[] A) Moments(LinearPerceptronData data, double l2)
    {
        int d = data.Dimension, n = data.Count;
        var g = new double[d * d];
        var a = new double[d];
        for (int i = 0; i < n; i++)
        {
            var x = data.Input(i);
            for (int r = 0; r < d; r++)
            {
                a[r] += data.Labels[i] * x[r] / n;
                for (int c = 0; c < d; c++)
                {
                    g[(r * d) + c] += x[r] * x[c] / n;
                }
            }
        }

        for (int r = 0; r < d; r++)
        {
            g[(r * d) + r] += l2;
        }

        return (g, a);
    }

    internal static double[] Multiply(double[] g, double[] w)
    {
        int d = w.Length;
        return [.. Enumerable.Range(0, d).Select(r => Enumerable.Range(0, d).Sum(c => g[(r * d) + c] * w[c]))];
    }

    /// <summary>dw/dt = -(G w - a + lambda1 sgn w), the smooth (lambda1 = 0) or subgradient form.</summary>
    internal sealed class QuadraticFlow(double[] g, double[] a, double l1) : IOdeSystem
    {
        public int Dimension => a.Length;

        public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
        {
            int d = a.Length;
            for (int r = 0; r < d; r++)
            {
                double sum = -a[r] + (l1 * Math.Sign(state[r]));
                for (int c = 0; c < d; c++)
                {
                    sum += g[(r * d) + c] * state[c];
                }

                derivative[r] = -sum;
            }
        }
    }

    internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
