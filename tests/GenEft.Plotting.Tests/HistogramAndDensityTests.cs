using Xunit;

namespace GenEft.Plotting.Tests;

public class HistogramAndDensityTests
{
    [Fact]
    public void BinsCountByHandAndTheLastBinIsClosed()
    {
        var h = HistogramBins.Compute([0, 1, 2, 3, 4, double.NaN], 2);
        Assert.Equal([0.0, 2.0, 4.0], h.Edges);
        Assert.Equal([2.0, 3.0], h.Heights); // [0, 2) holds 0 and 1; [2, 4] holds 2, 3 and 4
    }

    [Fact]
    public void NormalizationsSumOrIntegrateToOne()
    {
        var random = new Random(5);
        double[] values = [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble() * 7 - 2)];
        var fraction = HistogramBins.Compute(values, 13, HistogramNormalization.Fraction);
        var density = HistogramBins.Compute(values, 13, HistogramNormalization.Density);
        Assert.Equal(1, fraction.Heights.Sum(), 12);
        Assert.Equal(1, density.Heights.Select((h, i) => h * (density.Edges[i + 1] - density.Edges[i])).Sum(), 12);
        Assert.Equal(1000, HistogramBins.Compute(values, 13).Heights.Sum());
    }

    [Fact]
    public void OneValueGetsAUnitWideRange()
    {
        var h = HistogramBins.Compute([3, 3, 3], 4);
        Assert.Equal(2.5, h.Edges[0]);
        Assert.Equal(3.5, h.Edges[^1]);
        Assert.Equal(3, h.Heights.Sum());
    }

    [Fact]
    public void HistogramInputIsValidated()
    {
        Assert.Equal("binCount", Assert.Throws<ArgumentOutOfRangeException>(() => HistogramBins.Compute([1.0], 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => HistogramBins.Compute([double.NaN], 3)).ParamName);
    }

    [Fact]
    public void OnePointGivesTheNormalDensity()
    {
        double[] at = [-1.0, 0.0, 0.5, 2.0];
        double[] f = KernelDensity.Evaluate([0.5], at, bandwidth: 0.7);
        for (int i = 0; i < at.Length; i++)
        {
            double z = (at[i] - 0.5) / 0.7;
            Assert.Equal(Math.Exp(-z * z / 2) / (0.7 * Math.Sqrt(2 * Math.PI)), f[i], 14);
        }
    }

    [Fact]
    public void DensityIntegratesToOne()
    {
        var random = new Random(9);
        double[] values = [.. Enumerable.Range(0, 200).Select(_ => random.NextDouble() * random.NextDouble() * 10)];
        double h = KernelDensity.SilvermanBandwidth(values);
        double lo = values.Min() - (10 * h), hi = values.Max() + (10 * h);
        double[] grid = [.. Enumerable.Range(0, 4001).Select(i => lo + ((hi - lo) * i / 4000))];
        double[] f = KernelDensity.Evaluate(values, grid);
        double integral = Enumerable.Range(0, 4000).Sum(i => (f[i] + f[i + 1]) / 2 * (grid[i + 1] - grid[i]));
        Assert.Equal(1, integral, 6);
    }

    [Fact]
    public void SilvermanBandwidthByHand()
    {
        // 1..5: s = sqrt(2.5) = 1.5811, IQR = 4 - 2 = 2, IQR / 1.34 = 1.49254 < s, so h = 0.9 * 1.49254 * 5^(-1/5) = 0.973585.
        Assert.Equal(0.973585, KernelDensity.SilvermanBandwidth([5, 3, 1, 4, 2]), 6);
        // Two values: IQR = 0.75 - 0.25 = 0.5, 0.5 / 1.34 = 0.373134 < s = 0.7071, h = 0.9 * 0.373134 * 2^(-1/5) = 0.292349.
        Assert.Equal(0.292349, KernelDensity.SilvermanBandwidth([0, 1]), 6);
    }

    [Fact]
    public void DensityInputIsValidated()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => KernelDensity.SilvermanBandwidth([2, 2, 2])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => KernelDensity.SilvermanBandwidth([1])).ParamName);
        Assert.Equal("bandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => KernelDensity.Evaluate([1.0], [0.0], -1)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => KernelDensity.Evaluate([double.NaN], [0.0])).ParamName);
    }
}
