namespace GenEft;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): the stateless 64-bit mixer every seeded API derives its
/// per-task seeds from, so that a result depends on (seed, task index) and never on scheduling.
/// </summary>
internal static class SplitMix64
{
    /// <summary>The golden-ratio increment, 2^64 / φ.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>One SplitMix64 output: advance by <see cref="Increment"/>, then avalanche.</summary>
    public static ulong Mix(ulong z) => Avalanche(z + Increment);

    /// <summary>The SplitMix64 finalizer (variant 13 of Stafford's mixers): every input bit affects every output bit.</summary>
    public static ulong Avalanche(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Maps 64 random bits to a double in (0, 1] with 53 bits of resolution (never 0, so safe under log).</summary>
    public static double ToUnitInterval(ulong bits) => ((bits >> 11) + 1) * (1.0 / (1UL << 53));
}
