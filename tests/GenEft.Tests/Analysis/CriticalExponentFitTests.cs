using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public class CriticalExponentFitTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.5)]
    public void ExactPowerLawsGiveTheirExponent(double nu)
    {
        // Runs E_r(t) = A_r (t_eps,r - t)^nu sampled on their own grids: the aligned average is A tau^nu exactly.
        var random = new Random(4);
        var runs = new List<LearningCurve>();
        for (int r = 0; r < 30; r++)
        {
            double tEps = 1 + (5 * random.NextDouble()), a = 0.5 + random.NextDouble();
            var times = Enumerable.Range(0, 400).Select(k => tEps * k / 400.0).ToArray();
            runs.Add(new LearningCurve(times, [.. times.Select(t => a * Math.Pow(tEps - t, nu))], tEps));
        }

        var fit = CriticalExponentFit.Fit(runs, new CriticalExponentFitOptions(0.05, 0.5));
        Assert.Equal(nu, fit.Nu, 0.02); // linear interpolation between samples 1/400 apart
        Assert.Equal(30, fit.RunsUsed);
        Assert.True(fit.StandardError < 0.01);
    }

    [Fact]
    public void ExponentAndErrorBarFollowTheSpreadOfTheRuns()
    {
        // Each run has its own exponent nu_r ~ 2 +- 0.3: the average is dominated near tau = 1 by a mix; the bootstrap error bar must
        // reflect the run-to-run spread (far larger than for identical exponents) and the estimate must be near the mean exponent.
        var random = new Random(8);
        var runs = new List<LearningCurve>();
        for (int r = 0; r < 60; r++)
        {
            double nu = 2 + (0.3 * ((2 * random.NextDouble()) - 1));
            var taus = Enumerable.Range(0, 200).Select(k => Math.Pow(10, -3 + (3.0 * k / 199))).Reverse().ToArray();
            var times = taus.Select(t => 1 - t).ToArray();
            runs.Add(new LearningCurve(times, [.. taus.Select(t => Math.Pow(t, nu))], 1));
        }

        var fit = CriticalExponentFit.Fit(runs, new CriticalExponentFitOptions(0.1, 0.9) { Seed = 2 });
        Assert.InRange(fit.Nu, 1.8, 2.2);
        Assert.InRange(fit.StandardError, 0.005, 0.1);
        var again = CriticalExponentFit.Fit(runs, new CriticalExponentFitOptions(0.1, 0.9) { Seed = 2 });
        Assert.Equal(fit.StandardError, again.StandardError);
    }

    [Fact]
    public void RunsThatNeverReachZeroOrStartTooLateAreSkipped()
    {
        var good = Enumerable.Range(0, 3).Select(i => new LearningCurve([0.0, 0.5, 1.0, 1.5, 2.0], [1.0, 0.75, 0.5, 0.25, 0])).ToList();
        var never = new LearningCurve([0.0, 1.0], [1.0, 0.5]);
        var late = new LearningCurve([1.9, 2.0], [0.05, 0]);
        var fit = CriticalExponentFit.Fit([.. good, never, late], new CriticalExponentFitOptions(0.1, 1.0) { Points = 5 });
        Assert.Equal(3, fit.RunsUsed);
        Assert.Equal(2, fit.RunsSkipped);
        Assert.Equal(1, fit.Nu, 1e-12);
        Assert.Equal(0.5, fit.Prefactor, 1e-12);
        Assert.Throws<ArgumentException>(() => CriticalExponentFit.Fit([never, late], new CriticalExponentFitOptions(0.1, 1.0)));
    }

    [Fact]
    public void LearningCurveValidatesAndInterpolates()
    {
        var curve = new LearningCurve([0.0, 1.0, 2.0], [0.4, 0.2, 0.1], zeroErrorTime: 2.5);
        Assert.Equal(0.3, curve.ErrorAt(0.5), 1e-15);
        Assert.Equal(0.05, curve.ErrorAt(2.25), 1e-15);
        Assert.True(double.IsNaN(curve.ErrorAt(-1)));
        Assert.Equal(2.0, new LearningCurve([0.0, 1.0, 2.0], [0.4, 0.2, 0]).ZeroErrorTime);
        Assert.True(double.IsNaN(new LearningCurve([0.0, 1.0], [0.4, 0.2]).ZeroErrorTime));
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => new LearningCurve([0.0, 0.0], [1.0, 1.0])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => new LearningCurve([0.0, 1.0], [1.0])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => new LearningCurve([0.0, 1.0], [1.0, -1.0])).ParamName);
        Assert.Equal("maxOffset", Assert.Throws<ArgumentOutOfRangeException>(() => new CriticalExponentFitOptions(0.1, 0.1)).ParamName);
    }
}
