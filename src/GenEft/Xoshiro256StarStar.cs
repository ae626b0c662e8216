namespace GenEft;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018), a small fast generator with 256 bits of state, seeded through SplitMix64.
/// A mutable struct: pass it by <c>ref</c>. <see cref="ForTask"/> derives one independent stream per (seed, task index),
/// so Monte Carlo results depend on the seed and the index, never on which thread ran the task.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong s0, s1, s2, s3;
    private double spareGaussian;
    private bool hasSpareGaussian;

    /// <summary>Seeds the four state words from the SplitMix64 sequence started at <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        s0 = SplitMix64.Mix(seed);
        s1 = SplitMix64.Mix(unchecked(seed + SplitMix64.Increment));
        s2 = SplitMix64.Mix(unchecked(seed + (2 * SplitMix64.Increment)));
        s3 = SplitMix64.Mix(unchecked(seed + (3 * SplitMix64.Increment)));
        if ((s0 | s1 | s2 | s3) == 0)
        {
            s0 = SplitMix64.Increment;
        }

        spareGaussian = 0;
        hasSpareGaussian = false;
    }

    /// <summary>The stream of task <paramref name="index"/> (and sub-stream <paramref name="stream"/>) under <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar ForTask(ulong seed, ulong index, ulong stream = 0)
        => new(SplitMix64.Avalanche(SplitMix64.Mix(seed) ^ SplitMix64.Mix((index * 0xD1B54A32D192ED03UL) + 0x632BE59BD9B4E019UL) ^ SplitMix64.Mix(stream + 0x8CB92BA72F3D8DD7UL)));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitRotate(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitRotate(s3, 45);
        return result;
    }

    /// <summary>A double uniform in [0, 1) with 53 bits of resolution.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double uniform in (0, 1], safe under a logarithm.</summary>
    public double NextOpenDouble() => SplitMix64.ToUnitInterval(NextUInt64());

    /// <summary>An Exp(1) variate, -ln U with U in (0, 1].</summary>
    public double NextExponential() => -Math.Log(NextOpenDouble());

    /// <summary>A standard normal variate (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /// <summary>An index uniform in [0, <paramref name="count"/>) (Lemire's multiply-shift; the bias is below 2^-32 for counts below 2^32).</summary>
    public int NextIndex(int count) => (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
