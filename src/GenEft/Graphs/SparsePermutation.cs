namespace GenEft.Graphs;

/// <summary>A permutation stored by its support: Support[i] maps to Image[i]; every other vertex is fixed.</summary>
internal readonly struct SparsePermutation(int[] support, int[] image)
{
    public int[] Support { get; } = support;
    public int[] Image { get; } = image;

    public int[] ToArray(int n)
    {
        var p = new int[n];
        for (int v = 0; v < n; v++) p[v] = v;
        for (int i = 0; i < Support.Length; i++) p[Support[i]] = Image[i];
        return p;
    }

    /// <summary>Builds from a full map, keeping only moved points.</summary>
    public static SparsePermutation FromArray(ReadOnlySpan<int> map)
    {
        int moved = 0;
        for (int v = 0; v < map.Length; v++) if (map[v] != v) moved++;
        var s = new int[moved];
        var t = new int[moved];
        int k = 0;
        for (int v = 0; v < map.Length; v++)
        {
            if (map[v] == v) continue;
            s[k] = v;
            t[k++] = map[v];
        }
        return new SparsePermutation(s, t);
    }
}
