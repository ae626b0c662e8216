using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public class DensityEstimateTests
{
    [Fact]
    public void HistogramCountsEveryValueOnce()
    {
        var h = Histogram.Create([-1.0, 0.0, 0.1, 0.25, 0.5, 0.99, 1.0, 2.0, double.NaN, double.PositiveInfinity], 4, 0, 1);
        Assert.Equal([2L, 1, 1, 2], h.Counts.ToArray());
        Assert.Equal(1, h.Below);
        Assert.Equal(2, h.Above);
        Assert.Equal(9, h.Total);
        Assert.Equal(0.125, h.BinCenter(0));
        double inRange = Enumerable.Range(0, 4).Sum(i => h.Density(i) * h.BinWidth);
        Assert.Equal(6.0 / 9, inRange, 1e-15);
        Assert.Equal(Math.Sqrt((2.0 / 9) * (7.0 / 9) / 9) / 0.25, h.DensityStandardError(0), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.Create([1.0], 3, 1, 1));
    }

    [Fact]
    public void KernelDensityOfNormalDataApproachesTheNormalDensity()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        var kde = new KernelDensity(values);
        Assert.InRange(kde.Bandwidth, 0.05, 0.15); // Silverman: 0.9 n^-0.2 ~ 0.12 for unit variance
        foreach (double x in new[] { -2.0, -0.5, 0, 1, 2.5 })
        {
            double normal = Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
            Assert.Equal(normal, kde.Evaluate(x), 0.015);
        }

        Assert.Equal(1, MathNet.Numerics.Integrate.DoubleExponential(kde.Evaluate, -8, 8, 1e-8), 1e-6);
    }

    [Fact]
    public void ReflectedKernelDensityIntegratesToOneAboveTheBound()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        var kde = new KernelDensity(values, lowerBound: 0);
        double total = MathNet.Numerics.Integrate.DoubleExponential(kde.Evaluate, 0, 30, 1e-8);
        Assert.Equal(1, total, 1e-4);
        Assert.Equal(0, kde.Evaluate(-0.1));
        Assert.InRange(kde.Evaluate(0.0), 0.85, 1.05); // the Exp(1) density is 1 at 0; reflection keeps it from halving
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new KernelDensity([1.0, -1.0], lowerBound: 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new KernelDensity([2.0, 2.0])).ParamName);
    }
}
