using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public class ProportionEstimateTests
{
    [Fact]
    public void EstimateAndStandardErrorAreTheBinomialOnes()
    {
        var p = new ProportionEstimate(30, 120);
        Assert.Equal(0.25, p.Estimate);
        Assert.Equal(Math.Sqrt(0.25 * 0.75 / 120), p.StandardError, 1e-15);
    }

    [Fact]
    public void WilsonIntervalHasItsClosedFormAtTheExtremes()
    {
        // k = 0: [0, z^2 / (n + z^2)]; k = n: [n / (n + z^2), 1].
        const double z = 1.96, z2 = z * z;
        var none = new ProportionEstimate(0, 10).WilsonInterval(z);
        Assert.Equal(0, none.Lower, 1e-15);
        Assert.Equal(z2 / (10 + z2), none.Upper, 1e-14);
        var all = new ProportionEstimate(10, 10).WilsonInterval(z);
        Assert.Equal(10 / (10 + z2), all.Lower, 1e-14);
        Assert.Equal(1, all.Upper, 1e-15);
    }

    [Fact]
    public void WilsonIntervalCoversTheTruthAtItsNominalRate()
    {
        // Coverage of the 95 % interval over many binomial draws with p = 0.3, n = 200 (exact coverage about 0.95).
        var random = new Random(1);
        int covered = 0;
        const int repeats = 4000;
        for (int r = 0; r < repeats; r++)
        {
            int k = 0;
            for (int i = 0; i < 200; i++)
            {
                k += random.NextDouble() < 0.3 ? 1 : 0;
            }

            var (lower, upper) = new ProportionEstimate(k, 200).WilsonInterval();
            covered += lower <= 0.3 && 0.3 <= upper ? 1 : 0;
        }

        Assert.InRange((double)covered / repeats, 0.935, 0.965);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(1, 0));
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(5, 4)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(1, 4).WilsonInterval(0)).ParamName);
    }
}
