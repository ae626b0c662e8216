using MathNet.Numerics.Distributions;

namespace GenEft.Tests.Relations;

/// <summary>Pearson's chi-square goodness of fit against a uniform distribution over <c>categories</c> outcomes.</summary>
internal static class ChiSquare
{
    /// <summary>True when the counts are consistent with uniformity at significance 1e-4 (a false alarm 1 run in 10^4).</summary>
    public static bool LooksUniform(IReadOnlyCollection<int> counts, int categories)
    {
        if (counts.Count != categories) return false;
        double total = counts.Sum(), expected = total / categories;
        double statistic = counts.Sum(c => (c - expected) * (c - expected) / expected);
        return statistic < ChiSquared.InvCDF(categories - 1, 1 - 1e-4);
    }
}
