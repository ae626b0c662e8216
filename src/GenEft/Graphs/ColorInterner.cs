namespace GenEft.Graphs;

/// <summary>Assigns consecutive ids to integer sequences (structural colours of folded vertices).</summary>
internal sealed class ColorInterner
{
    private readonly Dictionary<long, List<(int[] Key, int Id)>> _buckets = [];
    private int _next;

    public int Intern(ReadOnlySpan<int> key)
    {
        long h = 17;
        foreach (int x in key) h = unchecked(h * 1_000_003 + x);
        if (!_buckets.TryGetValue(h, out var bucket))
        {
            bucket = [];
            _buckets[h] = bucket;
        }
        foreach (var (k, id) in bucket)
            if (key.SequenceEqual(k)) return id;
        int fresh = _next++;
        bucket.Add((key.ToArray(), fresh));
        return fresh;
    }
}
