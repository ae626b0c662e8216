namespace GenEft.Dynamics.Repons;

/// <summary>The SplitMix64 finalizer (Steele, Lea and Flood 2014), used as a counter-based generator: sample i's random numbers are a hash of (seed, i).</summary>
internal static class SplitMix64
{
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in (0, 1] from the top 53 bits, so its logarithm is finite.</summary>
    public static double ToUnitInterval(ulong bits) => ((bits >> 11) + 1) * (1.0 / (1UL << 53));
}
