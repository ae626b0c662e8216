using System.Numerics;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>GEMM against the scalar double oracle over shapes, transposes, alpha/beta, batches and edge cases.</summary>
public class GemmTests
{
    private static readonly int[] Awkward = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49, 50, 63, 64, 65, 70];

    public static TheoryData<int, int, int> ModelShapes => new()
    {
        { 675, 50, 4 },
        { 675, 50, 50 },
        { 675, 1, 50 },
        { 675, 4, 50 },
        { 675, 50, 1 },
        { 50, 50, 675 },
        { 4, 50, 675 },
        { 50, 4, 675 },
        { 50, 1, 675 },
        { 1, 50, 675 },
    };

    [Theory]
    [MemberData(nameof(ModelShapes))]
    public void ModelShapesMatchOracleForEveryTransposeFloat(int m, int n, int k) => AllTransposes<float>(m, n, k, 1.0, 0.0, 1);

    [Theory]
    [MemberData(nameof(ModelShapes))]
    public void ModelShapesMatchOracleForEveryTransposeDouble(int m, int n, int k) => AllTransposes<double>(m, n, k, 1.0, 0.0, 2);

    [Fact]
    public void AwkwardSizeSweepMatchesOracleFloat() => Sweep<float>(11, 260);

    [Fact]
    public void AwkwardSizeSweepMatchesOracleDouble() => Sweep<double>(12, 200);

    [Fact]
    public void EverySmallShapeMatchesOracle()
    {
        // Exhaustive over 1..9 in each dimension with one transpose pair per shape (rotating): every tile-edge combination of the small kernels.
        int counter = 0;
        for (int m = 1; m <= 9; m++)
        {
            for (int n = 1; n <= 9; n++)
            {
                for (int k = 1; k <= 9; k++)
                {
                    counter++;
                    Check<float>(m, n, k, (counter & 1) != 0, (counter & 2) != 0, 1.5, 0.5, 100 + counter, batch: 0);
                }
            }
        }
    }

    [Theory]
    [InlineData(40, 50, 33)]
    [InlineData(17, 49, 16)]
    [InlineData(64, 98, 20)]
    [InlineData(20, 52, 70)]
    [InlineData(16, 26, 16)]
    [InlineData(675, 50, 50)]
    public void A_skinny_last_column_panel_split_off_matches_the_oracle(int m, int n, int k)
    {
        // n = 3 x 16 + 1..4 (or 2 x 8 + 2 at 256 bits): the last panel goes to dot products (A rows contiguous) or to the
        // transposed product (A transposed); alpha and beta not 1 and 0, so both parts must scale C the same way.
        AllTransposes<float>(m, n, k, 0.75, -1.25, 4);
        AllTransposes<double>(m, n, k, -0.5, 2.0, 5);
    }

    [Theory]
    [InlineData(300, 260, 290)]
    [InlineData(197, 401, 130)]
    [InlineData(3, 3100, 5)]
    [InlineData(70, 3300, 9)]
    [InlineData(9, 2, 1200)]
    [InlineData(3, 700, 5000)]
    public void LargeAndBlockedShapesMatchOracle(int m, int n, int k)
    {
        // Above the packing threshold, several kc/mc blocks, and more than one nc block of columns.
        AllTransposes<float>(m, n, k, 0.75, -1.25, 3);
    }

    [Fact]
    public void BetaZeroIgnoresNaNInC()
    {
        foreach (var (m, n, k) in new[] { (675, 50, 50), (7, 3, 33), (675, 1, 50), (50, 1, 675), (3, 70, 2) })
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    var random = new Random(m + n + k);
                    var a = ta ? Oracle.Random<float>(random, k, m) : Oracle.Random<float>(random, m, k);
                    var b = tb ? Oracle.Random<float>(random, n, k) : Oracle.Random<float>(random, k, n);
                    var c = DenseTensor<float>.Full(float.NaN, m, n);
                    var (expected, bound) = Oracle.Gemm(2.0, a, ta, b, tb, 0.0, c);
                    DenseTensor.Gemm(2f, a, ta, b, tb, 0f, c);
                    Oracle.AssertClose(c.ReadOnlySpan, expected, bound, $"{m}x{n}x{k} ta={ta} tb={tb}");
                }
            }
        }
    }

    [Fact]
    public void AlphaZeroScalesCWithoutReadingInputs()
    {
        var a = DenseTensor<double>.Full(double.NaN, 5, 6);
        var b = DenseTensor<double>.Full(double.PositiveInfinity, 6, 7);
        var c = DenseTensor<double>.Full(3.0, 5, 7);
        DenseTensor.Gemm(0.0, a, false, b, false, 0.5, c);
        Assert.All(c.ToArray(), x => Assert.Equal(1.5, x));
        DenseTensor.Gemm(0.0, a, false, b, false, 0.0, c);
        Assert.All(c.ToArray(), x => Assert.Equal(0.0, x));
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(-0.5, 2.0)]
    [InlineData(3.0, -1.0)]
    [InlineData(1.0, 0.0)]
    public void AlphaAndBetaCombineAsDefined(double alpha, double beta)
    {
        foreach (var (m, n, k) in new[] { (675, 50, 50), (17, 49, 33), (675, 4, 50), (50, 1, 675), (9, 65, 300) })
        {
            AllTransposes<float>(m, n, k, alpha, beta, m + n + k);
            AllTransposes<double>(m, n, k, alpha, beta, m + n + k + 1);
        }
    }

    [Theory]
    [InlineData(3, 3, 3)]
    [InlineData(0, 3, 3)]
    [InlineData(3, 0, 3)]
    public void BatchedMatchesPerEntryOracle(int batchA, int batchB, int batchC)
    {
        // Rank-3 by rank-3, rank-3 by shared rank-2, and shared rank-2 by rank-3.
        foreach (var (m, n, k) in new[] { (5, 7, 9), (17, 33, 16), (64, 64, 64), (16, 1, 20), (1, 40, 3) })
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    var random = new Random(m * n * k);
                    int[] aDims = ta ? [k, m] : [m, k];
                    int[] bDims = tb ? [n, k] : [k, n];
                    var a = batchA == 0 ? Oracle.Random<float>(random, aDims) : Oracle.Random<float>(random, [batchA, .. aDims]);
                    var b = batchB == 0 ? Oracle.Random<float>(random, bDims) : Oracle.Random<float>(random, [batchB, .. bDims]);
                    var c = Oracle.Random<float>(random, batchC, m, n);
                    var (expected, bound) = Oracle.Gemm(1.5, a, ta, b, tb, -0.5, c);
                    DenseTensor.Gemm(1.5f, a, ta, b, tb, -0.5f, c);
                    Oracle.AssertClose(c.ReadOnlySpan, expected, bound, $"batch {m}x{n}x{k} ta={ta} tb={tb}");
                }
            }
        }
    }

    [Fact]
    public void MatMulIsGemmWithUnitAlphaAndZeroBeta()
    {
        var random = new Random(5);
        var a = Oracle.Random<double>(random, 13, 29);
        var b = Oracle.Random<double>(random, 29, 31);
        var c = DenseTensor<double>.Full(double.NaN, 13, 31);
        var (expected, bound) = Oracle.Gemm(1.0, a, false, b, false, 0.0, c);
        DenseTensor.MatMul(a, b, c);
        Oracle.AssertClose(c.ReadOnlySpan, expected, bound, "MatMul");
    }

    [Fact]
    public void RepeatedCallsGiveIdenticalResults()
    {
        // Reused packing buffers must not leak state between calls of different shapes.
        var random = new Random(8);
        var a = Oracle.Random<float>(random, 300, 260);
        var b = Oracle.Random<float>(random, 260, 290);
        var first = DenseTensor<float>.Zeros(300, 290);
        var second = DenseTensor<float>.Zeros(300, 290);
        DenseTensor.MatMul(a, b, first);
        var small = DenseTensor<float>.Zeros(5, 5);
        DenseTensor.MatMul(Oracle.Random<float>(random, 5, 3), Oracle.Random<float>(random, 3, 5), small);
        DenseTensor.MatMul(a, b, second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void InnerSizeMismatchNamesB()
    {
        var ex = Assert.Throws<ArgumentException>(() => DenseTensor.Gemm(1f, DenseTensor<float>.Zeros(3, 4), false, DenseTensor<float>.Zeros(5, 2), false, 0f, DenseTensor<float>.Zeros(3, 2)));
        Assert.Equal("b", ex.ParamName);
        Assert.Contains("inner sizes", ex.Message);
    }

    [Fact]
    public void WrongOutputShapeNamesC()
    {
        var ex = Assert.Throws<ArgumentException>(() => DenseTensor.Gemm(1f, DenseTensor<float>.Zeros(3, 4), true, DenseTensor<float>.Zeros(3, 2), false, 0f, DenseTensor<float>.Zeros(3, 2)));
        Assert.Equal("c", ex.ParamName);
        Assert.Contains("[4, 2]", ex.Message);
    }

    [Fact]
    public void BatchMismatchNamesB()
    {
        var ex = Assert.Throws<ArgumentException>(() => DenseTensor.MatMul(DenseTensor<float>.Zeros(2, 3, 4), DenseTensor<float>.Zeros(3, 4, 5), DenseTensor<float>.Zeros(2, 3, 5)));
        Assert.Equal("b", ex.ParamName);
    }

    [Fact]
    public void WrongRankAndAliasAndNullAreRejected()
    {
        var a = DenseTensor<float>.Zeros(4, 4);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => DenseTensor.MatMul(DenseTensor<float>.Zeros(16), a, a.Clone())).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => DenseTensor.MatMul(a, DenseTensor<float>.Zeros(1, 1, 4, 4), a.Clone())).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => DenseTensor.MatMul(a, a.Clone(), a)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => DenseTensor.MatMul(null!, a, a.Clone())).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => DenseTensor.MatMul(a, null!, a.Clone())).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentNullException>(() => DenseTensor.MatMul(a, a.Clone(), null!)).ParamName);
    }

    private static void Sweep<T>(int seed, int cases)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        for (int i = 0; i < cases; i++)
        {
            int m = Awkward[random.Next(Awkward.Length)], n = Awkward[random.Next(Awkward.Length)], k = Awkward[random.Next(Awkward.Length)];
            double beta = (i % 3) switch { 0 => 0.0, 1 => 1.0, _ => -0.75 };
            Check<T>(m, n, k, (i & 1) != 0, (i & 2) != 0, i % 5 == 0 ? -2.0 : 1.0, beta, seed * 1000 + i, batch: 0);
        }
    }

    private static void AllTransposes<T>(int m, int n, int k, double alpha, double beta, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                Check<T>(m, n, k, ta, tb, alpha, beta, seed, batch: 0);
            }
        }
    }

    private static void Check<T>(int m, int n, int k, bool ta, bool tb, double alpha, double beta, int seed, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var a = ta ? Oracle.Random<T>(random, k, m) : Oracle.Random<T>(random, m, k);
        var b = tb ? Oracle.Random<T>(random, n, k) : Oracle.Random<T>(random, k, n);
        var c = beta == 0 ? DenseTensor<T>.Full(T.NaN, m, n) : Oracle.Random<T>(random, m, n);
        var (expected, bound) = Oracle.Gemm(alpha, a, ta, b, tb, beta, c);
        DenseTensor.Gemm(T.CreateChecked(alpha), a, ta, b, tb, T.CreateChecked(beta), c);
        Oracle.AssertClose(c.ReadOnlySpan, expected, bound, $"{typeof(T).Name} {m}x{n}x{k} ta={ta} tb={tb} alpha={alpha} beta={beta}");
    }
}
