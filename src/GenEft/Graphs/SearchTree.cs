using System.Runtime.CompilerServices;

namespace GenEft.Graphs;

/// <summary>
/// Individualization-refinement search for the automorphisms of one (preprocessed) graph.
/// The first path individualizes the first vertex of the first smallest non-trivial cell until the
/// partition is discrete; its trace and leaf are kept. Levels are then processed deepest first: at
/// level k every vertex w of the target cell whose orbit (under the generators found so far, all of
/// which fix the first k path vertices) differs from the path vertex's is tested by searching the
/// subtree under w for a leaf whose map from the first leaf is an automorphism, abandoning any node
/// whose trace differs from the first path's. The orbit of the path vertex at level k is then its
/// orbit in the pointwise stabilizer of the earlier path vertices, and |Aut| is the product of these
/// orbit lengths (the stabilizer chain along the first path; no Schreier-Sims needed).
/// </summary>
internal sealed class SearchTree
{
    private readonly Graph _graph;
    private readonly PartitionRefiner _p;
    private readonly int _n;
    private readonly CancellationToken _cancel;

    private readonly List<int> _targetStart = [];
    private readonly List<int> _pathVertex = [];
    private readonly List<int> _pathMark = [];
    private readonly List<int> _traceStart = [];
    private long[] _trace = [];
    private int[] _firstLeaf = [];
    private int _depth;
    private readonly int[] _map;
    private readonly int[] _stamp;
    private int _stampValue;
    private readonly int[] _failed;
    private int _failedValue;
    private long _nodes;

    public readonly OrbitPartition Orbits;
    public readonly List<SparsePermutation> Generators = [];
    /// <summary>|Aut| once <see cref="Run"/> is done: the product of the orbit lengths along the first path.</summary>
    public readonly BigProduct Order = new();

    public SearchTree(Graph graph, CancellationToken cancellationToken)
    {
        _graph = graph;
        _n = graph.VertexCount;
        _p = new PartitionRefiner(graph);
        _cancel = cancellationToken;
        _map = new int[_n];
        _stamp = new int[_n];
        _failed = new int[_n];
        Orbits = new OrbitPartition(_n);
    }

    public long NodeCount => _nodes;

    public void Run()
    {
        if (_n == 0) return;
        _p.RefineRecording(null);
        var trace = new List<long>();
        while (!_p.IsDiscrete)
        {
            int target = FirstSmallestCell();
            int v = _p.Lab[target];
            _targetStart.Add(target);
            _pathVertex.Add(v);
            _pathMark.Add(_p.TrailLength);
            _traceStart.Add(trace.Count);
            _p.Individualize(v);
            _p.RefineRecording(trace);
            _nodes++;
        }
        _traceStart.Add(trace.Count);
        _trace = trace.ToArray();
        _firstLeaf = (int[])_p.Lab.Clone();
        _depth = _pathVertex.Count;

        var cell = new List<int>();
        for (int k = _depth - 1; k >= 0; k--)
        {
            _p.Undo(_pathMark[k]);
            int s = _targetStart[k];
            cell.Clear();
            for (int i = s; i < _p.CellEnd[s]; i++) cell.Add(_p.Lab[i]);
            cell.Sort();
            int v = _pathVertex[k];
            _failedValue++;
            foreach (int w in cell)
            {
                if (w == v || Orbits.Find(w) == Orbits.Find(v)) continue;
                int root = Orbits.Find(w);
                if (_failed[root] == _failedValue) continue; // orbit already shown inequivalent at this level
                _cancel.ThrowIfCancellationRequested();
                if (!TestChild(k, w)) _failed[Orbits.Find(w)] = _failedValue;
            }
            Order.Multiply((ulong)Orbits.SizeOf(v));
        }
    }

    private bool TestChild(int level, int w)
    {
        int mark = _p.TrailLength;
        _p.Individualize(w);
        _nodes++;
        bool found = _p.RefineComparing(_trace, _traceStart[level], _traceStart[level + 1]) && Descend(level + 1);
        _p.Undo(mark);
        return found;
    }

    private bool Descend(int level)
    {
        if (level == _depth) return _p.IsDiscrete && TryLeaf();
        int s = _targetStart[level];
        int end = _p.CellEnd[s];
        var children = new int[end - s];
        int preferred = _pathVertex[level];
        int count = 0;
        // The first path's own vertex first: automorphisms of sparse graphs usually fix it.
        if (_p.CellOf[preferred] == s) children[count++] = preferred;
        for (int i = s; i < end; i++) if (_p.Lab[i] != preferred) children[count++] = _p.Lab[i];
        foreach (int u in children)
        {
            int mark = _p.TrailLength;
            _p.Individualize(u);
            _nodes++;
            bool found = _p.RefineComparing(_trace, _traceStart[level], _traceStart[level + 1]) && Descend(level + 1);
            _p.Undo(mark);
            if (found) return true;
            if ((_nodes & 1023) == 0) _cancel.ThrowIfCancellationRequested();
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryLeaf()
    {
        var lab = _p.Lab;
        int moved = 0;
        for (int i = 0; i < _n; i++)
        {
            int a = _firstLeaf[i], b = lab[i];
            _map[a] = b;
            if (a != b) moved++;
        }
        if (moved == 0) return false;
        if (!MapIsAutomorphism()) return false;
        var perm = SparsePermutation.FromArray(_map);
        Generators.Add(perm);
        Orbits.AddGenerator(perm);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MapIsAutomorphism()
    {
        var off = _graph.OutOffsets; var tgt = _graph.OutTargets;
        var inOff = _graph.InOffsets; var inTgt = _graph.InTargets;
        for (int x = 0; x < _n; x++)
        {
            int y = _map[x];
            if (y == x) continue;
            if (!EdgesMap(off, tgt, x, y)) return false;
            if (_graph.IsDirected && !EdgesMap(inOff, inTgt, x, y)) return false;
        }
        return true;
    }

    /// <summary>Whether the neighbours of x map onto the neighbours of y = map(x) (degrees are equal by refinement).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EdgesMap(int[] off, int[] tgt, int x, int y)
    {
        if (off[x + 1] - off[x] != off[y + 1] - off[y]) return false;
        _stampValue++;
        for (int a = off[y]; a < off[y + 1]; a++) _stamp[tgt[a]] = _stampValue;
        for (int a = off[x]; a < off[x + 1]; a++)
            if (_stamp[_map[tgt[a]]] != _stampValue) return false;
        return true;
    }

    private int FirstSmallestCell()
    {
        int best = -1, bestSize = int.MaxValue;
        for (int i = 0; i < _n; i = _p.CellEnd[i])
        {
            int size = _p.CellEnd[i] - i;
            if (size > 1 && size < bestSize)
            {
                best = i; bestSize = size;
                if (size == 2) break;
            }
        }
        return best;
    }
}
