using GenEft.Dynamics;
using GenEft.Models.Perceptron;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

public class ExponentialModelFlowTests
{
    [Theory]
    [InlineData(0.3, 0.0, 0.0, 2.0)]
    [InlineData(-0.2, 0.0, 0.5, 1.5)]
    [InlineData(0.7, 0.1, 0.3, 3.0)]
    public void SimulatedFlowEqualsEquationSixToOneInABillion(double mean, double l1, double l2, double b0)
    {
        // Oracle: Dormand-Prince at rtol 1e-12 on Eq. 5; with L1 only while b stays positive (the right-hand side is smooth there).
        var regularization = new PerceptronRegularization(l1, l2);
        var solver = new DormandPrince54Solver(1e-12, 1e-14);
        double[] times = [0.05, 0.3, 1, 2, 4, 8];
        var states = new double[times.Length];
        solver.Solve(new ExponentialModelBiasSystem(mean, regularization), 0, [b0], times[^1], new double[1], new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            double exact = ExponentialModelBias.At(times[i], b0, mean, regularization);
            Assert.True(exact > 0 || l1 == 0);
            Assert.True(Math.Abs(states[i] - exact) <= 1e-9, $"t = {times[i]}: ODE {states[i]:R} vs Eq. 6 {exact:R}");
        }
    }

    [Theory]
    [InlineData(-0.6, 0.2, 0.4)] // crosses 0 and settles at (xbar + lambda1)/(1 + lambda2) < 0
    [InlineData(0.1, 0.2, 0.4)] // |xbar| <= lambda1: sticks at 0
    public void ExactFlowThroughZeroMatchesPiecewiseIntegration(double mean, double l1, double l2)
    {
        // Oracle: integrate the b > 0 branch with a terminal event at b = 0, then the branch the subdifferential selects.
        var regularization = new PerceptronRegularization(l1, l2);
        const double b0 = 1.5;
        var solver = new DormandPrince54Solver(1e-12, 1e-14);
        var zero = new OdeEvent((_, y) => y[0], EventDirection.Decreasing, isTerminal: true);
        var final = new double[1];
        var hit = solver.Solve(new FixedSignSystem(mean, l1, l2, +1), 0, [b0], 50, final, new OdeRequest { Events = [zero] });
        Assert.Equal(OdeStatus.TerminatedByEvent, hit.Status);
        Assert.Equal(hit.Time, ExponentialModelBias.FirstTimeAt(0, b0, mean, regularization), 1e-9);
        foreach (double after in new[] { 0.5, 2.0, 6.0 })
        {
            double expected = 0;
            if (Math.Abs(mean) > l1)
            {
                var y = new double[1];
                solver.Solve(new FixedSignSystem(mean, l1, l2, -1), 0, [0.0], after, y);
                expected = y[0];
            }

            Assert.Equal(expected, ExponentialModelBias.At(hit.Time + after, b0, mean, regularization), 1e-9);
        }

        Assert.Equal(ExponentialModelBias.Stationary(mean, regularization), ExponentialModelBias.At(200, b0, mean, regularization), 1e-12);
    }

    [Fact]
    public void ZeroTestErrorTimeHasTheOneOverOnePlusLambdaTwoFactorThatEquationEightLacks()
    {
        // The simulated flow crosses b = epsilon at ln((b0 - xbar_l)/(epsilon - xbar_l)) / (1 + lambda2); Eq. 8 as printed omits the division.
        const double epsilon = 0.3, mean = 0.05, b0 = 2.0;
        var regularization = new PerceptronRegularization(0.02, 0.5);
        var solver = new DormandPrince54Solver(1e-12, 1e-14);
        var crossing = new OdeEvent((_, y) => y[0] - epsilon, EventDirection.Decreasing, isTerminal: true);
        var hit = solver.Solve(new ExponentialModelBiasSystem(mean, regularization), 0, [b0], 100, new double[1], new OdeRequest { Events = [crossing] });
        double derived = ExponentialModelZeroTestErrorTime.Compute(epsilon, b0, mean, regularization);
        double printed = ExponentialModelZeroTestErrorTime.AsPrinted(epsilon, b0, mean, regularization);
        Assert.Equal(hit.Time, derived, 1e-9);
        Assert.Equal(1.5 * derived, printed, 1e-12);
        Assert.True(Math.Abs(printed - hit.Time) > 0.5, $"printed {printed} vs simulated {hit.Time}");
    }

    [Fact]
    public void HittingTimesInvertTheTrajectory()
    {
        var regularization = new PerceptronRegularization(0.1, 0.2);
        foreach (var (b0, mean) in new[] { (2.0, 0.5), (2.0, -0.9), (-1.0, 0.8), (0.0, 0.4), (0.3, 1.5) })
        {
            double limit = ExponentialModelBias.Stationary(mean, regularization);
            foreach (double fraction in new[] { 0.1, 0.5, 0.9 })
            {
                double level = b0 + (fraction * (limit - b0));
                double t = ExponentialModelBias.FirstTimeAt(level, b0, mean, regularization);
                Assert.True(double.IsFinite(t));
                Assert.Equal(level, ExponentialModelBias.At(t, b0, mean, regularization), 1e-12);
            }

            Assert.Equal(double.PositiveInfinity, ExponentialModelBias.FirstTimeAt(limit + (limit - b0), b0, mean, regularization));
        }
    }

    [Fact]
    public void EquationSevenMatchesMisclassifiedTestPoints()
    {
        // Oracle: draw test points from the model and count mistakes of sgn(x - b).
        const double epsilon = 0.4;
        var random = new Random(5);
        foreach (double bias in new[] { 0.2, 0.9, -1.3 })
        {
            const int points = 200_000;
            int wrong = 0;
            for (int i = 0; i < points; i++)
            {
                double e = -Math.Log(1 - random.NextDouble());
                bool positive = (i & 1) == 0;
                double x = positive ? epsilon + e : -epsilon - e;
                wrong += (x - bias > 0) == positive ? 0 : 1;
            }

            double expected = ExponentialModelTestError.Of(bias, epsilon), measured = (double)wrong / points;
            double se = Math.Sqrt(Math.Max(expected * (1 - expected), 1e-12) / points);
            Assert.True(Math.Abs(measured - expected) <= (4 * se) + 1e-12, $"b = {bias}: sampled {measured} vs Eq. 7 {expected}");
        }
    }

    [Fact]
    public void GradientDescentTracksTheFlowToFirstOrderInTheStep()
    {
        var set = ExponentialModelTrainingSet.Sample(5, 0.3, seed: 3);
        var regularization = new PerceptronRegularization(0, 0.25);
        double ErrorAt(double lr)
        {
            var run = PerceptronOptimizerTraining.Train(set, regularization, 2.0, new PerceptronOptimizerSettings { LearningRate = lr, Steps = (long)Math.Round(2.0 / lr), EvaluationInterval = 1_000_000 });
            return Math.Abs(run.FinalWeights[0] - ExponentialModelBias.At(2.0, 2.0, set.Mean, regularization));
        }

        double coarse = ErrorAt(0.01), fine = ErrorAt(0.0025);
        Assert.True(coarse < 0.02 && fine < coarse / 3.5 && fine > coarse / 4.5, $"error {coarse} at lr 0.01, {fine} at lr 0.0025 (first order: ratio 4)");
    }

    [Fact]
    public void TrainingSetSummariesMatchTheOffsets()
    {
        var set = ExponentialModelTrainingSet.Sample(7, 0.2, seed: 11);
        Assert.Equal((set.PositiveOffsets.ToArray().Average() - set.NegativeOffsets.ToArray().Average()) / 2, set.Mean, 1e-14);
        Assert.Equal(set.PositiveOffsets.ToArray().Min(), set.MinPositiveOffset);
        Assert.Equal(0.5, set.TrainingError(set.Epsilon + set.PositiveOffsets.ToArray().Max() + 1), 1e-15);
        Assert.Equal(0, set.TrainingError(0));
        Assert.Equal(set.Mean, ExponentialModelTrainingSet.Sample(7, 0.2, seed: 11).Mean);
        Assert.NotEqual(set.Mean, ExponentialModelTrainingSet.Sample(7, 0.2, seed: 12).Mean);
    }

    [Fact]
    public void BadInputIsRejectedNamingTheParameter()
    {
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialModelTrainingSet.Sample(3, 0, 1)).ParamName);
        Assert.Equal("samplesPerClass", Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialModelTrainingSet.Sample(0, 0.1, 1)).ParamName);
        Assert.Equal("l1", Assert.Throws<ArgumentOutOfRangeException>(() => new PerceptronRegularization(-0.1, 0)).ParamName);
        Assert.Equal("l2", Assert.Throws<ArgumentOutOfRangeException>(() => new PerceptronRegularization(0, double.NaN)).ParamName);
        Assert.Equal("effectiveSeparation", Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialModelGrokkingProbability.Exact(2, -1)).ParamName);
        Assert.Equal("initialBias", Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialModelZeroTestErrorTime.Compute(0.5, 0.4, 0, default)).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialModelGrokkingTime.Density(-1, 2, 0.1, default)).ParamName);
        Assert.Equal("negativeOffsets", Assert.Throws<ArgumentException>(() => new ExponentialModelTrainingSet(0.1, [1.0, 2.0], [1.0])).ParamName);
        Assert.Equal("positiveOffsets", Assert.Throws<ArgumentException>(() => new ExponentialModelTrainingSet(0.1, [-1.0], [1.0])).ParamName);
    }

    /// <summary>Eq. 5 with sgn(b) frozen to one side: the smooth branch the flow follows while b keeps that sign.</summary>
    private readonly struct FixedSignSystem(double mean, double l1, double l2, double sign) : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = mean - (l1 * sign) - ((1 + l2) * state[0]);
    }
}
