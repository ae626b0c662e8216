using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class RandomAttentionSamplerTests
{
    [Fact]
    public void SameSeedAndAttemptSameTensor()
    {
        Assert.Equal(8, RandomAttentionSampler.Sample(2, 3).Length);
        Assert.Equal(2 * 5 * 5, RandomAttentionSampler.Sample(5, 3).Length);
        Assert.Equal(RandomAttentionSampler.Sample(2, 3, 7), RandomAttentionSampler.Sample(2, 3, 7));
        Assert.NotEqual(RandomAttentionSampler.Sample(2, 3, 7), RandomAttentionSampler.Sample(2, 3, 8));
        Assert.NotEqual(RandomAttentionSampler.Sample(2, 3, 7), RandomAttentionSampler.Sample(2, 4, 7));
    }

    [Fact]
    public void EntriesAreIidStandardNormal()
    {
        // 5000 attempts of d = 2 (40000 values): mean 0 +- 5/sqrt(40000) = 0.025, variance 1 +- 5 sqrt(2/40000) = 0.035,
        // fourth moment 3 +- 0.2, and entries 0 and 1 (A[0,0,0], A[0,0,1]) uncorrelated (|r| < 5/sqrt(5000) = 0.071);
        // the fraction below 1 is Phi(1) = 0.8413 +- 5 x 0.0018.
        const int attempts = 5000;
        var all = new List<double>();
        var first = new double[attempts];
        var second = new double[attempts];
        for (int i = 0; i < attempts; i++)
        {
            double[] a = RandomAttentionSampler.Sample(2, 11, i);
            all.AddRange(a);
            first[i] = a[0];
            second[i] = a[1];
        }

        double mean = all.Average();
        double variance = all.Average(v => (v - mean) * (v - mean));
        double kurtosis = all.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        Assert.InRange(mean, -0.025, 0.025);
        Assert.InRange(variance, 0.965, 1.035);
        Assert.InRange(kurtosis, 2.8, 3.2);
        Assert.InRange(all.Count(v => v < 1) / (double)all.Count, 0.8413 - 0.009, 0.8413 + 0.009);
        double m1 = first.Average(), m2 = second.Average();
        double cov = first.Zip(second, (x, y) => (x - m1) * (y - m2)).Average();
        double r = cov / Math.Sqrt(first.Average(x => (x - m1) * (x - m1)) * second.Average(y => (y - m2) * (y - m2)));
        Assert.InRange(r, -0.071, 0.071);
    }

    [Fact]
    public void TransferMatrixTakesThePhysicalIndexLast()
    {
        // A[l, r, k] = 100 l + 10 r + k, written by its definition.
        const int d = 3;
        var a = new double[2 * d * d];
        for (int l = 0; l < d; l++)
        {
            for (int r = 0; r < d; r++)
            {
                for (int k = 0; k < 2; k++)
                {
                    a[(((l * d) + r) * 2) + k] = (100 * l) + (10 * r) + k;
                }
            }
        }

        double[] a1 = RandomAttentionSampler.TransferMatrix(a, d, 1);
        Assert.Equal(121.0, a1[(1 * d) + 2]);
        Assert.Equal(201.0, RandomAttentionSampler.TransferMatrix(a, d, 1)[2 * d]);
        Assert.Equal(20.0, RandomAttentionSampler.TransferMatrix(a, d, 0)[2]);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomAttentionSampler.Sample(0, 1));
        Assert.Equal("bondDimension", e.ParamName);
        Assert.Contains("1..4096", e.Message, StringComparison.Ordinal);
        Assert.Equal("attempt", Assert.Throws<ArgumentOutOfRangeException>(() => RandomAttentionSampler.Sample(2, 1, -1)).ParamName);
        Assert.Equal("bit", Assert.Throws<ArgumentOutOfRangeException>(() => RandomAttentionSampler.TransferMatrix(new double[8], 2, 2)).ParamName);
        Assert.Equal("attention", Assert.Throws<ArgumentException>(() => RandomAttentionSampler.TransferMatrix(new double[7], 2, 0)).ParamName);
    }
}
