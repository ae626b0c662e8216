using GenEft.Analysis;
using GenEft.Models.Perceptron;
using MathNet.Numerics;
using Xunit;

namespace GenEft.Tests.Models.Perceptron;

public class ExponentialModelStatisticsTests
{
    [Theory]
    [InlineData(1, 0.05)]
    [InlineData(1, 0.4)]
    [InlineData(2, 0.05)]
    [InlineData(2, 0.4)]
    [InlineData(5, 0.05)]
    [InlineData(5, 0.4)]
    [InlineData(10, 0.05)]
    [InlineData(10, 0.4)]
    public void GrokkingProbabilityIsWithinThreeStandardErrorsOfMonteCarlo(int n, double effectiveSeparation)
    {
        const int trials = 40_000;
        var result = new ExponentialModelMonteCarlo(n, effectiveSeparation, default).Run(trials, seed: (ulong)(100 * n), cancellationToken: TestContext.Current.CancellationToken);
        double exact = ExponentialModelGrokkingProbability.Exact(n, effectiveSeparation);
        double se = Math.Sqrt(exact * (1 - exact) / trials);
        Assert.True(Math.Abs(result.GrokkingProbability.Estimate - exact) <= 3 * se, $"N = {n}, eps_l = {effectiveSeparation}: MC {result.GrokkingProbability} vs exact {exact:F5} (3 SE = {3 * se:F5})");
    }

    [Fact]
    public void RegularizationEntersOnlyThroughTheEffectiveSeparation()
    {
        const int trials = 40_000;
        var regularization = new PerceptronRegularization(0.05, 0.5);
        var result = new ExponentialModelMonteCarlo(3, 0.1, regularization).Run(trials, seed: 9, cancellationToken: TestContext.Current.CancellationToken);
        double el = ExponentialModelSeparation.Effective(0.1, regularization);
        Assert.Equal(0.2, el, 1e-15);
        double exact = ExponentialModelGrokkingProbability.Exact(3, el);
        Assert.True(Math.Abs(result.GrokkingProbability.Estimate - exact) <= 3 * Math.Sqrt(exact * (1 - exact) / trials));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.04)]
    [InlineData(0.4)]
    [InlineData(3.0)]
    public void TwoSampleFormulaEqualsTheFiniteSum(double effectiveSeparation)
        => Assert.Equal(ExponentialModelGrokkingProbability.TwoSamplesPerClass(effectiveSeparation), ExponentialModelGrokkingProbability.Exact(2, effectiveSeparation), 1e-14);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void MeanDensityMatchesTheHalfIntegerBesselClosedFormAndIntegratesToGrokkingProbability(int n)
    {
        // Oracle: K_(m+1/2)(z) = sqrt(pi/(2z)) e^-z sum_k (m+k)!/(k!(m-k)!(2z)^k), independent of MathNet's Bessel routine.
        foreach (double x in new[] { 0.01, 0.1, 0.35, 1.2, -0.7 })
        {
            int m = n - 1;
            double z = 2.0 * n * Math.Abs(x), sum = 0;
            for (int k = 0; k <= m; k++)
            {
                sum += SpecialFunctions.Factorial(m + k) / (SpecialFunctions.Factorial(k) * SpecialFunctions.Factorial(m - k) * Math.Pow(2 * z, k));
            }

            double bessel = Math.Sqrt(Math.PI / (2 * z)) * Math.Exp(-z) * sum;
            double expected = 2 * Math.Pow(n, n + 0.5) * Math.Pow(Math.Abs(x), n - 0.5) * bessel / (Math.Sqrt(Math.PI) * SpecialFunctions.Gamma(n));
            Assert.Equal(expected, ExponentialModelMeanDensity.Density(x, n), expected * 1e-10);
        }

        double total = 2 * Integrate.DoubleExponential(x => ExponentialModelMeanDensity.Density(x, n), 0, 30, 1e-12); // symmetric, with a kink at 0 for N = 1
        Assert.Equal(1, total, 1e-8);
        double inside = Integrate.DoubleExponential(x => ExponentialModelMeanDensity.Density(x, n), 0, 0.3, 1e-13) * 2;
        Assert.Equal(ExponentialModelGrokkingProbability.Exact(n, 0.3), inside, 1e-9);
    }

    [Theory]
    [InlineData(0.4, 0, 0)]
    [InlineData(0.04, 0, 0)]
    [InlineData(0.004, 0, 0)]
    [InlineData(0.2, 0.1, 0.5)]
    public void TwoSampleGrokkingTimeDensityClosedFormEqualsTheQuadratureAndIntegratesToOne(double epsilon, double l1, double l2)
    {
        var regularization = new PerceptronRegularization(l1, l2);
        foreach (double t in new[] { 0.0, 1e-3, 0.05, 0.5, 2, 7, 30 })
        {
            double closed = ExponentialModelGrokkingTime.LogDensityTwoSamplesPerClass(t, epsilon, regularization);
            double quadrature = ExponentialModelGrokkingTime.LogDensity(t, 2, epsilon, regularization);
            Assert.True(Math.Abs(closed - quadrature) <= 1e-9, $"t = {t}: closed form {closed:R} vs quadrature {quadrature:R}");
        }

        double total = Integrate.DoubleExponential(t => ExponentialModelGrokkingTime.DensityTwoSamplesPerClass(t, epsilon, regularization), 0, 60, 1e-12)
            + Integrate.DoubleExponential(t => ExponentialModelGrokkingTime.DensityTwoSamplesPerClass(t, epsilon, regularization), 60, 200, 1e-12);
        Assert.Equal(1, total, 1e-8);
    }

    [Fact]
    public void GrokkingTimeDensityStaysFiniteInLogSpaceForLongTimes()
    {
        // The tail is f ~ C e^(-(1 + lambda2) t): the log density falls with slope -(1 + lambda2), where a naive form overflows.
        foreach (double t in new[] { 50.0, 800.0, 5000.0 })
        {
            double a = ExponentialModelGrokkingTime.LogDensityTwoSamplesPerClass(t, 0.04, default);
            double b = ExponentialModelGrokkingTime.LogDensityTwoSamplesPerClass(t + 1, 0.04, default);
            Assert.True(double.IsFinite(a) && double.IsFinite(b));
            Assert.Equal(-1, b - a, 1e-6);
            Assert.Equal(a, ExponentialModelGrokkingTime.LogDensity(t, 2, 0.04, default), 1e-7);
        }
    }

    [Theory]
    [InlineData(2, 0.4)]
    [InlineData(5, 0.04)]
    [InlineData(10, 0.4)]
    public void GrokkingTimeDistributionMatchesMonteCarlo(int n, double epsilon)
    {
        // Oracle: t_G from the exact flow's crossing times in the Monte Carlo driver; compare CDFs at a few times (3 SE).
        var result = new ExponentialModelMonteCarlo(n, epsilon, default).Run(40_000, seed: 77, cancellationToken: TestContext.Current.CancellationToken);
        var times = result.GrokkingTimes.ToArray();
        Assert.Equal(result.GrokkingProbability.Successes, times.Length);
        Array.Sort(times);
        foreach (double q in new[] { 0.1, 0.5, 0.9 })
        {
            double t = times[(int)(q * times.Length)];
            double cdf = Integrate.DoubleExponential(s => ExponentialModelGrokkingTime.Density(s, n, epsilon, default), 0, t, 1e-11);
            double se = Math.Sqrt(q * (1 - q) / times.Length);
            Assert.True(Math.Abs(cdf - q) <= (3 * se) + (1.0 / times.Length), $"N = {n}: F({t}) = {cdf:F4} vs empirical {q}");
        }
    }

    [Fact]
    public void MonteCarloTimesEqualEquationSixteen()
    {
        var regularization = new PerceptronRegularization(0.02, 0.3);
        var driver = new ExponentialModelMonteCarlo(4, 0.2, regularization);
        var result = driver.Run(2000, seed: 5, cancellationToken: TestContext.Current.CancellationToken);
        int checkedCount = 0;
        foreach (var trial in result.Trials.Where(t => t.Groks))
        {
            double eq16 = ExponentialModelGrokkingTime.Compute(0.2, trial.MinPositiveOffset, trial.Mean, regularization);
            Assert.Equal(eq16, trial.GrokkingTime, 1e-10);
            checkedCount++;
        }

        Assert.True(checkedCount > 500);
        var set = driver.TrainingSet(5, 17);
        Assert.Equal(result.Trials[17].Mean, set.Mean);
        Assert.Equal(result.Trials[17], driver.RunTrial(5, 17));
    }

    [Fact]
    public void AlignedAverageHasExponentOneAndPrefactorHalfTheEffectiveSeparation()
    {
        // Eq. 9-10: <<E>> ~ (eps_l / 2)(t_eps - t). Curves from the exact flow, sampled densely before each run's t_eps.
        const double epsilon = 0.3;
        var regularization = new PerceptronRegularization(0.05, 0.2);
        var driver = new ExponentialModelMonteCarlo(5, epsilon, regularization, initialBias: 3);
        var curves = new List<LearningCurve>();
        for (int i = 0; curves.Count < 400; i++)
        {
            var set = driver.TrainingSet(3, i);
            if (!ExponentialModelSeparation.Groks(set.Mean, epsilon, regularization))
            {
                continue;
            }

            double tEps = ExponentialModelZeroTestErrorTime.Compute(epsilon, 3, set.Mean, regularization);
            var times = Enumerable.Range(0, 200).Select(k => tEps - (1e-1 * Math.Pow(1e-4, k / 199.0))).ToArray();
            var errors = times.Select(t => set.TestError(ExponentialModelBias.At(t, 3, set.Mean, regularization))).ToArray();
            curves.Add(new LearningCurve(times, errors, tEps));
        }

        var fit = CriticalExponentFit.Fit(curves, new CriticalExponentFitOptions(1e-4, 1e-2) { Seed = 1 });
        Assert.Equal(ExponentialModelCriticalError.Exponent, fit.Nu, 0.01);
        Assert.Equal(ExponentialModelCriticalError.AveragedSlope(epsilon, regularization), fit.Prefactor, 0.1 * fit.Prefactor);
        Assert.True(fit.StandardError > 0 && fit.StandardError < 0.01);
    }
}
