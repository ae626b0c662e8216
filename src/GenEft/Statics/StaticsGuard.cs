using System.Runtime.CompilerServices;

namespace GenEft.Statics;

/// <summary>Shared domain checks of the statics formulas.</summary>
internal static class StaticsGuard
{
    public static void DescriptionLength(double b, [CallerArgumentExpression(nameof(b))] string? name = null)
    {
        if (!(b > 1) || double.IsInfinity(b))
            throw new ArgumentOutOfRangeException(name, b, "The description length must be finite and > 1 bit.");
    }

    public static void NonNegative(double x, [CallerArgumentExpression(nameof(x))] string? name = null)
    {
        if (!(x >= 0) || double.IsInfinity(x))
            throw new ArgumentOutOfRangeException(name, x, "Must be finite and >= 0.");
    }

    public static void Probability(double p, [CallerArgumentExpression(nameof(p))] string? name = null)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(name, p, "Must be in [0, 1].");
    }

    public static void OpenUnit(double p, [CallerArgumentExpression(nameof(p))] string? name = null)
    {
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(name, p, "Must be in (0, 1).");
    }

    public static void ElementCount(int n, [CallerArgumentExpression(nameof(n))] string? name = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(name, n, "Must be >= 1.");
    }
}
