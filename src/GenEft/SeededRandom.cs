namespace GenEft;

/// <summary>
/// The one mapping from a library seed (<see cref="ulong"/>) to a <see cref="Random"/>: seeds in [0, int.MaxValue]
/// give <c>new Random((int)seed)</c>, so results recorded with the former int seeds are unchanged; larger seeds are
/// mixed (SplitMix64) into [0, 2^31) first.
/// </summary>
internal static class SeededRandom
{
    /// <summary>The int seed of <see cref="Create"/>.</summary>
    public static int ToInt32(ulong seed) => seed <= int.MaxValue ? (int)seed : (int)(SplitMix64.Avalanche(seed) >> 33);

    /// <summary>A generator for <paramref name="seed"/>.</summary>
    public static Random Create(ulong seed) => new(ToInt32(seed));
}
