using System.Numerics;

namespace GenEft.Graphs;

/// <summary>
/// A product of many factors (group orders, factorials) kept as its factors: small ones packed into 64-bit words
/// until a word would overflow, larger ones as they are. Its log2 is the sum of the factors' logs (cheap, and all the
/// description length needs); its exact <see cref="Value"/> is formed on request by a balanced product tree, so every
/// multiplication pairs operands of similar size and BigInteger's Karatsuba path does the work. Multiplying a growing
/// BigInteger one small factor at a time instead costs O(N^2) word operations for an N-word result (the star
/// K_{1,10^6} took 19 minutes that way).
/// </summary>
internal sealed class BigProduct
{
    private readonly List<ulong> _words = [];
    private readonly List<BigInteger> _large = [];
    private ulong _packed = 1;

    /// <summary>Multiplies by <paramref name="factor"/> (at least 1).</summary>
    public void Multiply(ulong factor)
    {
        UInt128 wide = (UInt128)_packed * factor;
        if (wide <= ulong.MaxValue)
        {
            _packed = (ulong)wide;
            return;
        }
        _words.Add(_packed);
        _packed = factor;
    }

    /// <summary>Multiplies by <paramref name="factor"/> (positive).</summary>
    public void Multiply(BigInteger factor)
    {
        if (factor <= ulong.MaxValue) Multiply((ulong)factor);
        else _large.Add(factor);
    }

    /// <summary>Multiplies by every factor of <paramref name="other"/>.</summary>
    public void Multiply(BigProduct other)
    {
        foreach (ulong w in other._words) Multiply(w);
        Multiply(other._packed);
        _large.AddRange(other._large);
    }

    /// <summary>Multiplies by m! (m &gt;= 0).</summary>
    public void MultiplyFactorial(int m)
    {
        for (ulong f = 2; f <= (ulong)m; f++) Multiply(f);
    }

    /// <summary>log2 of the product, summed over the factors (relative error about 1e-16 per factor).</summary>
    public double Log2
    {
        get
        {
            double sum = Math.Log2(_packed);
            foreach (ulong w in _words) sum += Math.Log2(w);
            foreach (var b in _large) sum += BigInteger.Log(b, 2);
            return sum;
        }
    }

    /// <summary>The exact product, by a balanced product tree over the factors (not cached; O(M(N) log N) for an N-word result).</summary>
    public BigInteger Value
    {
        get
        {
            var factors = new List<BigInteger>(_words.Count + _large.Count + 1);
            foreach (ulong w in _words) factors.Add(w);
            factors.Add(_packed);
            factors.AddRange(_large);
            return ProductTree(factors);
        }
    }

    /// <summary>m! by the product tree.</summary>
    public static BigInteger Factorial(int m)
    {
        var p = new BigProduct();
        p.MultiplyFactorial(m);
        return p.Value;
    }

    /// <summary>Multiplies the list pairwise, round after round (the list is consumed).</summary>
    private static BigInteger ProductTree(List<BigInteger> factors)
    {
        int count = factors.Count;
        while (count > 1)
        {
            int half = 0;
            for (int i = 0; i + 1 < count; i += 2) factors[half++] = factors[i] * factors[i + 1];
            if ((count & 1) == 1) factors[half++] = factors[count - 1];
            count = half;
        }
        return count == 0 ? BigInteger.One : factors[0];
    }
}
