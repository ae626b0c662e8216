using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public sealed class LowerTailExponentFitTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void APowerLawTailIsRecoveredWithinItsErrorBar(double kappa)
    {
        // h = U^(1/kappa) has F(h) = h^kappa on (0, 1] exactly (a density diverging like h^-xi with xi = 1 - kappa).
        var random = new Random(3);
        var values = Enumerable.Range(0, 50_000).Select(_ => Math.Pow(random.NextDouble(), 1 / kappa)).ToArray();
        var fit = LowerTailExponentFit.Fit(values, 1000, bootstrapResamples: 30, seed: 1);
        Assert.InRange(fit.Exponent, kappa - (3 * fit.StandardError), kappa + (3 * fit.StandardError));
        Assert.InRange(fit.StandardError, 0.005 * kappa, 0.15 * kappa);
        Assert.Equal(1000, fit.TailCount);
        Assert.Equal(values.Order().ElementAt(999), fit.Threshold);
        Assert.Equal(fit, LowerTailExponentFit.Fit(values, 1000, bootstrapResamples: 30, seed: 1));
    }

    [Fact]
    public void TheErrorBarIsCalibratedOverRepeats()
    {
        // 200 independent samples of a kappa = 2 tail: the z-scores (estimate - 2) / se must have spread ~1 and a mean near 0
        // (a few tenths of a standard error of bias at k = 200 are allowed).
        var random = new Random(11);
        var z = new List<double>();
        for (int rep = 0; rep < 200; rep++)
        {
            var values = Enumerable.Range(0, 2000).Select(_ => Math.Sqrt(random.NextDouble())).ToArray();
            var fit = LowerTailExponentFit.Fit(values, 200, bootstrapResamples: 40, seed: (ulong)rep);
            z.Add((fit.Exponent - 2) / fit.StandardError);
        }

        double mean = z.Average(), sd = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / (z.Count - 1));
        Assert.InRange(mean, -0.45, 0.2);
        Assert.InRange(sd, 0.75, 1.3);
    }

    [Fact]
    public void OnlyTheLowerTailMattersAndNonPositiveValuesAreLeftOut()
    {
        // Below 0.01 the values follow F ~ h^1.5; above it a uniform bulk; zeros and negatives are not in the tail.
        var random = new Random(5);
        var tail = Enumerable.Range(0, 1000).Select(_ => 0.01 * Math.Pow(random.NextDouble(), 1 / 1.5));
        var bulk = Enumerable.Range(0, 9000).Select(_ => 0.01 + random.NextDouble());
        double[] values = [.. bulk, .. tail, 0, -3];
        var fit = LowerTailExponentFit.Fit(values, 800);
        Assert.InRange(fit.Exponent, 1.5 - (3 * fit.StandardError), 1.5 + (3 * fit.StandardError));
        Assert.True(fit.Threshold < 0.01);
    }

    [Fact]
    public void BadInputThrows()
    {
        double[] ten = [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal("tailCount", Assert.Throws<ArgumentOutOfRangeException>(() => LowerTailExponentFit.Fit(ten, 7)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => LowerTailExponentFit.Fit([.. ten, 0, -1], 11)).ParamName);
        Assert.Equal("bootstrapResamples", Assert.Throws<ArgumentOutOfRangeException>(() => LowerTailExponentFit.Fit(ten, 8, 1)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => LowerTailExponentFit.Fit([.. ten, double.NaN], 8)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => LowerTailExponentFit.Fit([2.0, 2, 2, 2, 2, 2, 2, 2, 5, 6], 8)).ParamName);
    }
}
