using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>Seeded initial values.</summary>
internal static class Init
{
    /// <summary>Entries uniform in [-bound, bound).</summary>
    public static DenseTensor<T> Uniform<T>(Random random, double bound, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = DenseTensor<T>.Zeros(dims);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = T.CreateChecked(bound * ((2 * random.NextDouble()) - 1));
        }

        return t;
    }

    /// <summary>Entries normal with mean 0 and the given standard deviation (Box–Muller).</summary>
    public static DenseTensor<T> Normal<T>(Random random, double std, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = DenseTensor<T>.Zeros(dims);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
            double u2 = random.NextDouble();
            s[i] = T.CreateChecked(std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return t;
    }
}
