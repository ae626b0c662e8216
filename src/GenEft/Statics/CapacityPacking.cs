namespace GenEft.Statics;

/// <summary>
/// Whether the items sizes[p..] can fill the given bin capacities exactly (every bin to 0), memoized on the multiset
/// of remaining capacities. Exponential in the worst case but tiny for the class counts of relation learning.
/// </summary>
internal sealed class CapacityPacking
{
    private readonly int[] _sizes;
    private readonly int _bitsPerBin;
    private readonly bool _enabled;
    private readonly Dictionary<ulong, bool> _memo = new();

    public CapacityPacking(int[] sizes, int[] capacities)
    {
        _sizes = sizes;
        int total = capacities.Sum();
        _bitsPerBin = Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)total));
        // The key packs the sorted capacities; without room for them, or with more items than the recursion can
        // safely go deep, the check is skipped (always "maybe"): the sampler then only meets more dead ends.
        _enabled = (long)_bitsPerBin * capacities.Length <= 64 && sizes.Length <= 1000;
    }

    public bool CanComplete(int next, int[] remaining)
    {
        if (!_enabled) return true;
        Span<int> sorted = stackalloc int[remaining.Length];
        remaining.CopyTo(sorted);
        return Solve(next, sorted);
    }

    private bool Solve(int next, Span<int> capacities)
    {
        if (next == _sizes.Length)
        {
            foreach (int c in capacities) if (c != 0) return false;
            return true;
        }
        capacities.Sort();
        ulong key = 0;
        foreach (int c in capacities) key = (key << _bitsPerBin) | (uint)c;
        if (_memo.TryGetValue(key, out bool known)) return known;
        bool result = false;
        int size = _sizes[next];
        Span<int> child = stackalloc int[capacities.Length];
        for (int j = 0; j < capacities.Length && !result; j++)
        {
            if (capacities[j] < size || (j > 0 && capacities[j] == capacities[j - 1])) continue;
            capacities.CopyTo(child);
            child[j] -= size;
            result = Solve(next + 1, child);
        }
        _memo[key] = result;
        return result;
    }
}
