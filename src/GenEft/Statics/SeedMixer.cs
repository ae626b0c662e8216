namespace GenEft.Statics;

/// <summary>SplitMix64 finalizer: derives independent-looking per-task seeds from (seed, index) pairs.</summary>
internal static class SeedMixer
{
    public static int Mix(long seed, long index)
    {
        ulong z = (ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
