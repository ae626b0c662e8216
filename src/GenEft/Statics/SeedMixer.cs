namespace GenEft.Statics;

/// <summary>SplitMix64 finalizer: derives independent-looking per-task seeds from (seed, index) pairs.</summary>
internal static class SeedMixer
{
    public static int Mix(long seed, long index)
    {
        ulong z = SplitMix64.Avalanche(((ulong)seed * SplitMix64.Increment) + (ulong)index + 0x632BE59BD9B4E019UL);
        return (int)(z & 0x7FFFFFFF);
    }
}
