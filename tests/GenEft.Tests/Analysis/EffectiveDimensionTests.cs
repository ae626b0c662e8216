using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public class EffectiveDimensionTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 3)]
    [InlineData(4, 9)]
    public void CrossPolytopeCloudHasExactlyItsDimension(int k, int ambient)
    {
        // The 2k points +-e_i (i < k) have covariance proportional to the identity on k axes: D_eff = k exactly.
        var points = new double[2 * k * ambient];
        for (int i = 0; i < k; i++)
        {
            points[(2 * i * ambient) + i] = 1;
            points[(((2 * i) + 1) * ambient) + i] = -1;
        }

        Assert.Equal(k, EffectiveDimension.Compute(points, ambient), 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void IsotropicGaussianInKDimensionsHasEffectiveDimensionNearK(int k)
    {
        // Embedded in 12 dimensions (the rest zero) and rotated by a fixed orthogonal map, so the axes are not special.
        const int ambient = 12, n = 20_000;
        var random = new Random(k);
        var rotation = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Random(ambient, ambient, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(99))).QR().Q;
        var points = new double[n * ambient];
        var g = new double[ambient];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < ambient; j++)
            {
                g[j] = j < k ? Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) : 0;
            }

            for (int r = 0; r < ambient; r++)
            {
                double sum = 0;
                for (int j = 0; j < ambient; j++)
                {
                    sum += rotation[r, j] * g[j];
                }

                points[(i * ambient) + r] = sum;
            }
        }

        // Sampling noise in the eigenvalues lowers the entropy by about k (k + 1) / (4 n) relative to ln k: under 0.2 % here.
        Assert.Equal(k, EffectiveDimension.Compute(points, ambient), 0.01 * k);
    }

    [Fact]
    public void WideAndTallMatricesGiveTheSameRatios()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 5 * 8).Select(_ => random.NextDouble()).ToArray();
        var wide = PrincipalComponents.ExplainedVarianceRatios(points, 8); // 5 rows, 8 columns: Gram path
        var tall = PrincipalComponents.ExplainedVarianceRatios(Transpose(points, 5, 8), 5); // 8 rows, 5 columns: covariance path, a different cloud
        Assert.Equal(5, wide.Length);
        Assert.Equal(1, wide.Sum(), 1e-12);
        Assert.Equal(1, tall.Sum(), 1e-12);
        Assert.True(wide[^1] < 1e-12, "5 centred points span at most 4 dimensions");

        // Same cloud through both paths: compare to the covariance eigenvalues computed by MathNet directly.
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(5, 8, (i, j) => points[(i * 8) + j]);
        var centred = matrix - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(5, 8, (_, j) => matrix.Column(j).Average());
        var eig = (centred.TransposeThisAndMultiply(centred)).Evd().EigenValues.Select(v => Math.Max(0, v.Real)).OrderDescending().Take(5).ToArray();
        double total = eig.Sum();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(eig[i] / total, wide[i], 1e-12);
        }
    }

    [Fact]
    public void RatiosAndEdgeCases()
    {
        Assert.Equal(4, EffectiveDimension.FromVarianceRatios([0.25, 0.25, 0.25, 0.25]), 1e-14);
        Assert.Equal(1, EffectiveDimension.FromVarianceRatios([1.0, 0, 0]), 1e-15);
        Assert.Equal(Math.Exp(-(0.9 * Math.Log(0.9)) - (0.1 * Math.Log(0.1))), EffectiveDimension.FromVarianceRatios([0.9, 0.1]), 1e-14);
        Assert.Equal(0, EffectiveDimension.Compute([1.0, 2.0, 1.0, 2.0], 2));
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => EffectiveDimension.FromVarianceRatios([0.5, 0.2])).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => EffectiveDimension.Compute([1.0, 2.0, 3.0], 2)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => EffectiveDimension.Compute([1.0, double.NaN, 3.0, 4.0], 2)).ParamName);
    }

    private static double[] Transpose(double[] a, int rows, int columns)
    {
        var t = new double[a.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                t[(j * rows) + i] = a[(i * columns) + j];
            }
        }

        return t;
    }
}
