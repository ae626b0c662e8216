using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Graphs;
using GenEft.Tests.Infrastructure;
using MathNet.Numerics;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>
/// Group orders with millions of bits (issue 14 item 4): K_{1,n} has order n!, k disjoint triangles (3!)^k k!. The
/// huge orders are checked exactly through independent number theory (Wilson's theorem, Legendre's formula for the
/// 2- and 3-adic valuations) and through log2 against ln Gamma; moderate ones by exact equality with a factorial
/// computed the slow way. The solves are bounded, so a return of the quadratic accumulation fails instead of
/// taking minutes.
/// </summary>
public class LargeGroupOrderTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private static Graph Star(int leaves)
    {
        var edges = new (int, int)[leaves];
        for (int v = 1; v <= leaves; v++) edges[v - 1] = (0, v);
        return Graph.FromEdges(leaves + 1, edges, directed: false);
    }

    private static Graph Triangles(int k)
    {
        var edges = new (int, int)[3 * k];
        for (int t = 0; t < k; t++)
        {
            edges[3 * t] = (3 * t, (3 * t) + 1);
            edges[(3 * t) + 1] = ((3 * t) + 1, (3 * t) + 2);
            edges[(3 * t) + 2] = (3 * t, (3 * t) + 2);
        }
        return Graph.FromEdges(3 * k, edges, directed: false);
    }

    /// <summary>The exponent of prime p in m! (Legendre): sum over i of floor(m / p^i).</summary>
    private static long Legendre(long m, long p)
    {
        long e = 0;
        for (long q = p; q <= m; q *= p) e += m / q;
        return e;
    }

    /// <summary>The exponent of p in x, by dividing out p^(2^j) greedily (O(log e) big divisions).</summary>
    private static long Valuation(BigInteger x, int p)
    {
        if (p == 2) return (long)BigInteger.TrailingZeroCount(x);
        var powers = new List<BigInteger> { p };
        while (x % powers[^1] == 0) powers.Add(powers[^1] * powers[^1]);
        long e = 0;
        for (int j = powers.Count - 1; j >= 0; j--)
        {
            while (x % powers[j] == 0)
            {
                x /= powers[j];
                e += 1L << j;
            }
        }
        return e;
    }

    private static double Log2Factorial(long m) => SpecialFunctions.GammaLn(m + 1) / Math.Log(2);

    [Fact]
    public void StarOfAMillionLeavesHasOrderNFactorial()
    {
        // 1000002 = p - 1 for the prime p = 1000003, so Wilson's theorem gives (p - 1)! = -1 mod p.
        const int leaves = 1_000_002, p = 1_000_003;
        var group = Bounded.Run(() => AutomorphismSearch.Default.Compute(Star(leaves), TestContext.Current.CancellationToken), Limit);
        Assert.Equal(p - 1, (int)(group.Order % p));
        Assert.Equal(leaves - BitOperations.PopCount(leaves), Valuation(group.Order, 2)); // v2(m!) = m - popcount(m)
        Assert.Equal(Log2Factorial(leaves), group.Log2Order, 1e-9 * group.Log2Order);
        Assert.Equal(2, group.OrbitCount);
    }

    [Fact]
    public void AHundredThousandTrianglesHaveOrderSixToTheKTimesKFactorial()
    {
        const int k = 100_000;
        var group = Bounded.Run(() => AutomorphismSearch.Default.Compute(Triangles(k), TestContext.Current.CancellationToken), Limit);
        Assert.Equal(k + Legendre(k, 2), Valuation(group.Order, 2));
        Assert.Equal(k + Legendre(k, 3), Valuation(group.Order, 3));
        Assert.Equal((k * Math.Log2(6)) + Log2Factorial(k), group.Log2Order, 1e-9 * group.Log2Order);
        Assert.Equal(1, group.OrbitCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ModerateOrdersEqualTheSlowProductExactly(bool preprocess)
    {
        var engine = new AutomorphismSearch(new AutomorphismSearchOptions { RemoveTwins = preprocess, RemovePendantTrees = preprocess, SplitComponents = preprocess });
        // Without preprocessing the search itself is quadratic here, so the sizes stay small.
        int leaves = preprocess ? 3001 : 601, k = preprocess ? 700 : 150;
        var star = engine.Compute(Star(leaves), TestContext.Current.CancellationToken);
        Assert.Equal(TestGraphs.Factorial(leaves), star.Order);
        Assert.Equal(Log2Factorial(leaves), star.Log2Order, 1e-12 * star.Log2Order);
        var triangles = engine.Compute(Triangles(k), TestContext.Current.CancellationToken);
        Assert.Equal(BigInteger.Pow(6, k) * TestGraphs.Factorial(k), triangles.Order);
        Assert.Equal((k * Math.Log2(6)) + Log2Factorial(k), triangles.Log2Order, 1e-12 * triangles.Log2Order);
    }

    [Property(MaxTest = 200)]
    public Property ProductTreeEqualsTheOneAtATimeProduct(ulong[] factors, NonNegativeInt factorial)
    {
        var p = new BigProduct();
        BigInteger slow = BigInteger.One;
        foreach (ulong f in factors)
        {
            ulong factor = f == 0 ? 1 : f;
            p.Multiply(factor);
            slow *= factor;
            if ((f & 7) == 0) Assert.Equal(slow, p.Value); // reads in between must not disturb later products
        }
        int m = factorial.Get % 500;
        p.MultiplyFactorial(m);
        p.Multiply(slow + 1);
        slow *= TestGraphs.Factorial(m) * (slow + 1);
        return (p.Value == slow).Label($"{factors.Length} factors, then {m}!");
    }

    [Fact]
    public void FactorialMatchesTheDefinitionAndItsEdges()
    {
        Assert.Equal(BigInteger.One, BigProduct.Factorial(0));
        Assert.Equal(BigInteger.One, BigProduct.Factorial(1));
        for (int m = 2; m <= 300; m++) Assert.Equal(TestGraphs.Factorial(m), BigProduct.Factorial(m));
        Assert.Equal(TestGraphs.Factorial(20011), BigProduct.Factorial(20011));
    }
}
