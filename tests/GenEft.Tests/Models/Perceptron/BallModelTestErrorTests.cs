using GenEft.Models.Perceptron;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

public class BallModelTestErrorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(10)]
    public void CapVolumeMatchesMisclassifiedTestPoints(int dimension)
    {
        // Oracle: test points drawn from the ball model itself, classified by sgn(w . x).
        const double epsilon = 1.1;
        var random = new Random(dimension);
        for (int trial = 0; trial < 4; trial++)
        {
            var w = Enumerable.Range(0, dimension).Select(k => (k == 0 ? 1.5 : 0.4) * ((2 * random.NextDouble()) - 0.5)).ToArray();
            var test = BallModelTrainingSet.Sample(50_000, dimension, epsilon, seed: (ulong)(1000 + trial));
            double measured = test.TrainingError(w);
            double expected = BallCapTestError.OfWeights(w, epsilon);
            double se = Math.Sqrt(Math.Max(expected * (1 - expected), 1e-6) / test.Data.Count);
            Assert.True(Math.Abs(measured - expected) <= 4 * se, $"D = {dimension}, w = [{string.Join(", ", w.Select(v => v.ToString("F3")))}]: sampled {measured:F5} vs cap formula {expected:F5}");
        }
    }

    [Fact]
    public void CapVolumeHasTheKnownSpecialValues()
    {
        Assert.Equal(0.5, BallCapTestError.OfMargin(0, 7), 1e-15);
        Assert.Equal(0, BallCapTestError.OfMargin(1, 7));
        Assert.Equal(1, BallCapTestError.OfMargin(-1, 7));
        foreach (double h in new[] { 0.1, 0.5, 0.93 })
        {
            Assert.Equal(1, BallCapTestError.OfMargin(h, 5) + BallCapTestError.OfMargin(-h, 5), 1e-14);
            Assert.Equal((1 - h) / 2, BallCapTestError.OfMargin(h, 1), 1e-14); // D = 1: u uniform in [-1, 1]
            Assert.Equal((2 - (3 * h) + (h * h * h)) / 4, BallCapTestError.OfMargin(h, 3), 1e-14); // D = 3: cap volume pi (1-h)^2 (2+h)/3 over 4 pi/3
        }
    }

    [Fact]
    public void CapVolumeVanishesWithExponentHalfDimensionPlusOne()
    {
        foreach (int d in new[] { 2, 4, 8 })
        {
            double a = BallCapTestError.OfMargin(1 - 1e-6, d), b = BallCapTestError.OfMargin(1 - 1e-7, d);
            Assert.Equal(BallModelCriticalExponent.Nu(d), Math.Log(a / b) / Math.Log(10), 1e-5);
        }
    }

    [Fact]
    public void LargeNumberTheoryHasTheStatedForms()
    {
        Assert.Equal(0.1 + (1.0 / 12), BallModelEffectiveL2.Compute(0.1, 10), 1e-15);
        Assert.Equal(Math.Log(4.0 / 3) / 0.2, BallModelGrokkingTime.SlowBranchTime(2, 0.1), 1e-12);
        Assert.Equal(Math.Log(16.0 / 15) / 0.2, BallModelGrokkingTime.SlowBranchTimeAsPrinted(2, 0.1), 1e-12);
        foreach (int d in new[] { 2, 4, 6 })
        {
            const double epsilon = 2;
            double total = MathNet.Numerics.Integrate.DoubleExponential(t => BallModelGrokkingTime.FastBranchDensity(t, d, epsilon), 0, 40, 1e-12);
            Assert.Equal(BallModelGrokkingTime.FastBranchProbability(d, epsilon), total, 1e-8);
            foreach (double s in new[] { 0.2, 0.5, 0.8 })
            {
                // The density is chi2(s^2) pushed through Eq. 42: its integral up to t(s) is the chi2 CDF at s^2.
                double t = BallModelGrokkingTime.FastBranchTime(s, epsilon);
                double upTo = MathNet.Numerics.Integrate.DoubleExponential(x => BallModelGrokkingTime.FastBranchDensity(x, d, epsilon), 0, t, 1e-12);
                Assert.Equal(MathNet.Numerics.Distributions.ChiSquared.CDF(d - 1, s * s), upTo, 1e-8);
            }
        }

        Assert.Equal(0.9, BallModelCriticalExponent.WithBoundaryDivergence(2, 0.6), 1e-15);
        Assert.Equal(0.6, BallModelCriticalExponent.ImpliedBoundaryDivergence(2, 0.9), 1e-15);
    }

    [Fact]
    public void BadInputIsRejectedNamingTheParameter()
    {
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelTrainingSet.Sample(3, 0, 1.1, 1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelTrainingSet.Sample(3, 2, -1, 1)).ParamName);
        Assert.Equal("samplesPerClass", Assert.Throws<ArgumentOutOfRangeException>(() => new BallModelMonteCarlo(0, 2, 1.1, default)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelGrokkingTime.SlowBranchTime(1.0, 0.1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelGrokkingTime.FastBranchProbability(4, 0.5)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelGrokkingTime.FastBranchDensity(1, 1, 2)).ParamName);
        Assert.Equal("perpendicularNorm", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelGrokkingTime.FastBranchTime(0.9, 2)).ParamName);
        Assert.Equal("l2", Assert.Throws<ArgumentOutOfRangeException>(() => BallModelEffectiveL2.Compute(-0.1, 3)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new LinearPerceptronData([1.0, 2.0], 2, [0.5])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => new LinearPerceptronData([1.0, 2.0, 3.0], 2, [1.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => BallCapTestError.OfWeights([double.NaN], 1.5)).ParamName);
    }
}
