namespace GenEft.Graphs;

/// <summary>Union-find over vertices with orbit sizes; orbits of the group generated so far.</summary>
internal sealed class OrbitPartition
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public OrbitPartition(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (int v = 0; v < n; v++) { _parent[v] = v; _size[v] = 1; }
    }

    public int Find(int v)
    {
        int root = v;
        while (_parent[root] != root) root = _parent[root];
        while (_parent[v] != root) { int next = _parent[v]; _parent[v] = root; v = next; }
        return root;
    }

    public int SizeOf(int v) => _size[Find(v)];

    public bool Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return false;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
        return true;
    }

    public void AddGenerator(SparsePermutation g)
    {
        for (int i = 0; i < g.Support.Length; i++) Union(g.Support[i], g.Image[i]);
    }

    /// <summary>Smallest vertex of each orbit, per vertex.</summary>
    public int[] Representatives()
    {
        int n = _parent.Length;
        var minOfRoot = new int[n];
        Array.Fill(minOfRoot, int.MaxValue);
        for (int v = 0; v < n; v++) { int r = Find(v); if (v < minOfRoot[r]) minOfRoot[r] = v; }
        var reps = new int[n];
        for (int v = 0; v < n; v++) reps[v] = minOfRoot[Find(v)];
        return reps;
    }
}
