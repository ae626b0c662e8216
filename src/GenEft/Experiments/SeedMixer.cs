namespace GenEft.Experiments;

/// <summary>SplitMix64-style mixing: turns coordinates into well-spread, reproducible seeds.</summary>
internal static class SeedMixer
{
    public static ulong Mix(ulong state, ulong value)
        => SplitMix64.Avalanche(state ^ (value + SplitMix64.Increment + (state << 6) + (state >> 2)));

    public static ulong Mix(ulong state, string text)
    {
        // FNV-1a over the UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return Mix(state, hash);
    }

    public static int ToRandomSeed(ulong seed) => (int)(seed >> 33);
}
