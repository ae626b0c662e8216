using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>
/// Seeded initial values for parameters: normal N(0, σ²) and uniform U[-b, b) entries, from a seed or from the
/// caller's <see cref="Random"/> (which is then advanced: two draws per normal entry, one per uniform entry, in
/// row-major order). The layers of <see cref="GenEft.Nn"/> initialize themselves with these.
/// </summary>
public static class Initializers
{
    /// <summary>A tensor with entries normal with mean 0 and standard deviation <paramref name="standardDeviation"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="seed">The seed.</param>
    /// <param name="standardDeviation">σ, non-negative and finite.</param>
    /// <param name="dims">The shape.</param>
    /// <returns>The new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative or not finite, or a size is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    public static DenseTensor<T> Normal<T>(ulong seed, double standardDeviation, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Normal<T>(SeededRandom.Create(seed), standardDeviation, dims);

    /// <summary>A tensor with entries normal with mean 0 and standard deviation <paramref name="standardDeviation"/>, drawn from <paramref name="random"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="random">The generator (advanced by two draws per entry).</param>
    /// <param name="standardDeviation">σ, non-negative and finite.</param>
    /// <param name="dims">The shape.</param>
    /// <returns>The new tensor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative or not finite, or a size is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    public static DenseTensor<T> Normal<T>(Random random, double standardDeviation, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckScale(standardDeviation, nameof(standardDeviation));
        var t = DenseTensor<T>.Zeros(dims);
        FillNormal(random, standardDeviation, t.Span);
        return t;
    }

    /// <summary>A tensor with entries uniform in [-<paramref name="bound"/>, <paramref name="bound"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="seed">The seed.</param>
    /// <param name="bound">The half-width b, non-negative and finite.</param>
    /// <param name="dims">The shape.</param>
    /// <returns>The new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is negative or not finite, or a size is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    public static DenseTensor<T> Uniform<T>(ulong seed, double bound, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Uniform<T>(SeededRandom.Create(seed), bound, dims);

    /// <summary>A tensor with entries uniform in [-<paramref name="bound"/>, <paramref name="bound"/>), drawn from <paramref name="random"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="random">The generator (advanced by one draw per entry).</param>
    /// <param name="bound">The half-width b, non-negative and finite.</param>
    /// <param name="dims">The shape.</param>
    /// <returns>The new tensor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is negative or not finite, or a size is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="dims"/> is empty.</exception>
    public static DenseTensor<T> Uniform<T>(Random random, double bound, params ReadOnlySpan<int> dims)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckScale(bound, nameof(bound));
        var t = DenseTensor<T>.Zeros(dims);
        FillUniform(random, bound, t.Span);
        return t;
    }

    /// <summary>Overwrites <paramref name="destination"/> with normal entries (Box–Muller: σ √(-2 ln u₁) cos(2π u₂), u₁ in (0, 1]).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="random">The generator (advanced by two draws per entry).</param>
    /// <param name="standardDeviation">σ, non-negative and finite.</param>
    /// <param name="destination">The entries to overwrite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative or not finite.</exception>
    public static void FillNormal<T>(Random random, double standardDeviation, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckScale(standardDeviation, nameof(standardDeviation));
        for (int i = 0; i < destination.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
            double u2 = random.NextDouble();
            destination[i] = T.CreateChecked(standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }

    /// <summary>Overwrites <paramref name="destination"/> with entries b (2u - 1), u uniform in [0, 1).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="random">The generator (advanced by one draw per entry).</param>
    /// <param name="bound">The half-width b, non-negative and finite.</param>
    /// <param name="destination">The entries to overwrite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is negative or not finite.</exception>
    public static void FillUniform<T>(Random random, double bound, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckScale(bound, nameof(bound));
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = T.CreateChecked(bound * ((2 * random.NextDouble()) - 1));
        }
    }

    private static void CheckScale(double value, string paramName)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be non-negative and finite.");
        }
    }
}
