namespace GenEft.Graphs;

/// <summary>
/// Folds the parts of a graph whose symmetries are known in closed form into vertex colours, as
/// dejavu and Traces do before their search: pendant trees (undirected graphs; stripped layer by layer,
/// so the tree centre stays) and twin classes (equal open or closed neighbourhoods, with equal colours).
/// Each surviving vertex r stands for an ordered block Expansion(r) of original vertices; equal colours
/// mean the blocks are isomorphic under the position-by-position map, and every block is a module
/// (all or none of its vertices are joined to any other block). Hence an automorphism of the quotient
/// lifts block by block, and |Aut(G)| = |Aut(quotient)| times the product of the multiplicity
/// factorials of the folded parts.
/// </summary>
internal sealed class Preprocessor
{
    private readonly Graph _g;
    private readonly int _n;
    private readonly bool[] _alive;
    private readonly int[] _cid;
    private readonly int[] _firstChild, _lastChild, _nextSibling;
    private readonly ColorInterner _interner = new();
    private readonly CancellationToken _cancel;
    private int[] _buffer = new int[16];
    private long[]? _vertexHash;

    /// <summary>The product of the multiplicity factorials folded so far.</summary>
    public readonly BigProduct Factor = new();
    public readonly List<SparsePermutation> Generators = [];

    public Preprocessor(Graph graph, CancellationToken cancellationToken)
    {
        _g = graph;
        _n = graph.VertexCount;
        _cancel = cancellationToken;
        _alive = new bool[_n];
        _cid = new int[_n];
        _firstChild = new int[_n];
        _lastChild = new int[_n];
        _nextSibling = new int[_n];
        Array.Fill(_alive, true);
        Array.Fill(_firstChild, -1);
        Array.Fill(_lastChild, -1);
        Array.Fill(_nextSibling, -1);
        Span<int> key = stackalloc int[3];
        for (int v = 0; v < _n; v++)
        {
            key[0] = 0; key[1] = graph.ColorUnchecked(v); key[2] = HasLoop(v) ? 1 : 0;
            _cid[v] = _interner.Intern(key);
        }
    }

    /// <summary>Runs the enabled reductions until none applies.</summary>
    public void Run(bool pendantTrees, bool twins)
    {
        for (int round = 0; round < 64; round++)
        {
            bool changed = false;
            if (pendantTrees && !_g.IsDirected) changed |= StripPendantTrees();
            if (twins)
            {
                changed |= CollapseTwins(closed: false);
                changed |= CollapseTwins(closed: true);
            }
            if (!changed) break;
        }
    }

    /// <summary>The quotient graph on the surviving vertices (in increasing order), coloured by structural colour.</summary>
    public (Graph Quotient, int[] Representatives) BuildQuotient()
    {
        var reps = new List<int>();
        var index = new int[_n];
        for (int v = 0; v < _n; v++) { index[v] = reps.Count; if (_alive[v]) reps.Add(v); }
        int q = reps.Count;
        if (q == _n) return (_g, [.. reps]);
        var colors = new int[q];
        var (outOff, outTgt) = Restrict(_g.OutOffsets, _g.OutTargets, reps, index);
        int[] inOff = outOff, inTgt = outTgt;
        if (_g.IsDirected) (inOff, inTgt) = Restrict(_g.InOffsets, _g.InTargets, reps, index);
        for (int i = 0; i < q; i++) colors[i] = _cid[reps[i]] + 1;
        return (Graph.FromSortedCsr(q, _g.IsDirected, outOff, outTgt, inOff, inTgt, colors), [.. reps]);
    }

    /// <summary>The ordered block of original vertices that <paramref name="r"/> stands for (pre-order over folded children).</summary>
    public void AppendExpansion(int r, List<int> into)
    {
        var stack = new Stack<int>();
        stack.Push(r);
        while (stack.Count > 0)
        {
            int x = stack.Pop();
            into.Add(x);
            // Push children in reverse so they pop in order.
            int count = 0;
            for (int c = _firstChild[x]; c >= 0; c = _nextSibling[c]) count++;
            if (count == 0) continue;
            if (_buffer.Length < count) _buffer = new int[2 * count];
            int k = 0;
            for (int c = _firstChild[x]; c >= 0; c = _nextSibling[c]) _buffer[k++] = c;
            for (int i = count - 1; i >= 0; i--) stack.Push(_buffer[i]);
        }
    }

    private (int[] Offsets, int[] Targets) Restrict(int[] off, int[] tgt, List<int> reps, int[] index)
    {
        var offsets = new int[reps.Count + 1];
        var targets = new List<int>();
        for (int i = 0; i < reps.Count; i++)
        {
            int v = reps[i];
            for (int a = off[v]; a < off[v + 1]; a++) if (_alive[tgt[a]]) targets.Add(index[tgt[a]]);
            offsets[i + 1] = targets.Count;
        }
        return (offsets, targets.ToArray());
    }

    private bool HasLoop(int v) => Graph.ContainsSorted(_g.OutTargets, _g.OutOffsets[v], _g.OutOffsets[v + 1], v);

    private int AliveDegree(int v, out int lastNeighbor)
    {
        int d = 0;
        lastNeighbor = -1;
        var off = _g.OutOffsets; var tgt = _g.OutTargets;
        for (int a = off[v]; a < off[v + 1]; a++)
        {
            int x = tgt[a];
            if (x != v && _alive[x]) { d++; lastNeighbor = x; }
        }
        return d;
    }

    private void AppendChild(int parent, int child)
    {
        if (_lastChild[parent] < 0) _firstChild[parent] = child;
        else _nextSibling[_lastChild[parent]] = child;
        _lastChild[parent] = child;
    }

    /// <summary>Swaps the blocks of two vertices with equal structural colour, position by position.</summary>
    private void AddBlockSwap(int a, int b)
    {
        var ea = new List<int>();
        var eb = new List<int>();
        AppendExpansion(a, ea);
        AppendExpansion(b, eb);
        var support = new int[2 * ea.Count];
        var image = new int[2 * ea.Count];
        for (int i = 0; i < ea.Count; i++)
        {
            support[2 * i] = ea[i]; image[2 * i] = eb[i];
            support[2 * i + 1] = eb[i]; image[2 * i + 1] = ea[i];
        }
        Generators.Add(new SparsePermutation(support, image));
    }

    /// <summary>Strips degree-1 vertices layer by layer (so the outcome is labelling-independent), folding each into its parent.</summary>
    private bool StripPendantTrees()
    {
        var degree = new int[_n];
        var candidates = new List<int>();
        for (int v = 0; v < _n; v++)
        {
            if (!_alive[v]) continue;
            degree[v] = AliveDegree(v, out _);
            if (degree[v] == 1) candidates.Add(v);
        }
        bool changed = false;
        var parentOf = new Dictionary<int, List<int>>();
        while (candidates.Count > 0)
        {
            _cancel.ThrowIfCancellationRequested();
            parentOf.Clear();
            foreach (int v in candidates)
            {
                if (!_alive[v] || degree[v] != 1) continue;
                AliveDegree(v, out int p);
                if (degree[p] == 1) continue; // an isolated edge: both ends stay
                if (!parentOf.TryGetValue(p, out var list)) parentOf[p] = list = [];
                list.Add(v);
            }
            candidates.Clear();
            if (parentOf.Count == 0) break;
            changed = true;
            var parents = parentOf.Keys.ToArray();
            Array.Sort(parents);
            foreach (int p in parents)
            {
                var kids = parentOf[p];
                foreach (int c in kids) _alive[c] = false;
                degree[p] -= kids.Count;
                FoldChildren(p, kids, kind: 1);
                if (degree[p] == 1) candidates.Add(p);
            }
        }
        return changed;
    }

    /// <summary>
    /// Appends children (already dead) to <paramref name="p"/> sorted by colour, counts and lists the swaps
    /// of equal-coloured children, and gives p the colour of (kind, old colour, child colours).
    /// </summary>
    private void FoldChildren(int p, List<int> kids, int kind)
    {
        kids.Sort((x, y) => _cid[x] != _cid[y] ? _cid[x].CompareTo(_cid[y]) : x.CompareTo(y));
        var key = new int[2 + kids.Count];
        key[0] = kind; key[1] = _cid[p];
        for (int i = 0; i < kids.Count; i++)
        {
            key[2 + i] = _cid[kids[i]];
            AppendChild(p, kids[i]);
        }
        int run = 1;
        for (int i = 1; i <= kids.Count; i++)
        {
            if (i < kids.Count && _cid[kids[i]] == _cid[kids[i - 1]])
            {
                run++;
                AddBlockSwap(kids[i - 1], kids[i]);
            }
            else
            {
                Factor.MultiplyFactorial(run);
                run = 1;
            }
        }
        _cid[p] = _interner.Intern(key);
    }

    /// <summary>Collapses each class of alive twins (equal colour and equal open/closed neighbourhoods) into its smallest vertex.</summary>
    private bool CollapseTwins(bool closed)
    {
        // Bucket vertices by a hash of (colour, neighbourhood) in an open-addressing table; only buckets
        // that receive a second vertex are examined exactly. Linear time, no sort of all vertices.
        int capacity = 1;
        while (capacity < 2 * _n) capacity <<= 1;
        var keys = new long[capacity];
        var heads = new int[capacity];
        Array.Fill(heads, -1);
        var next = new int[_n];
        var tails = new int[capacity];
        var crowded = new List<int>();
        for (int v = 0; v < _n; v++)
        {
            if (!_alive[v]) continue;
            long key = NeighborhoodHash(v, closed) ^ Mix(_cid[v] + 0x1234567L);
            int slot = (int)((ulong)Mix(key) & (ulong)(capacity - 1));
            while (heads[slot] >= 0 && keys[slot] != key) slot = (slot + 1) & (capacity - 1);
            next[v] = -1;
            if (heads[slot] < 0)
            {
                keys[slot] = key;
                heads[slot] = v;
                tails[slot] = v;
            }
            else
            {
                if (heads[slot] == tails[slot]) crowded.Add(slot);
                next[tails[slot]] = v;
                tails[slot] = v;
            }
        }
        bool changed = false;
        var members = new List<int>();
        var remaining = new List<int>();
        foreach (int slot in crowded)
        {
            _cancel.ThrowIfCancellationRequested();
            remaining.Clear();
            for (int v = heads[slot]; v >= 0; v = next[v]) remaining.Add(v);
            // Split the bucket into exact classes (hash collisions are possible but rare).
            while (remaining.Count > 1)
            {
                int leader = remaining[0];
                members.Clear();
                members.Add(leader);
                var rest = new List<int>();
                for (int r = 1; r < remaining.Count; r++)
                {
                    int u = remaining[r];
                    (_cid[u] == _cid[leader] && AreTwins(leader, u, closed) ? members : rest).Add(u);
                }
                if (members.Count > 1) { CollapseClass(members, closed); changed = true; }
                remaining.Clear();
                remaining.AddRange(rest);
            }
        }
        return changed;
    }

    private void CollapseClass(List<int> members, bool closed)
    {
        int rep = members[0];
        var kids = members.GetRange(1, members.Count - 1);
        foreach (int c in kids) _alive[c] = false;
        // The representative's own block comes first, then the others: all share one colour, so the
        // new colour only needs the class size and twin kind.
        var key = new int[4];
        key[0] = closed ? 3 : 2; key[1] = _cid[rep]; key[2] = members.Count; key[3] = 0;
        for (int i = 1; i < members.Count; i++) AddBlockSwap(members[i - 1], members[i]);
        Factor.MultiplyFactorial(members.Count);
        foreach (int c in kids) AppendChild(rep, c);
        _cid[rep] = _interner.Intern(key);
    }

    private long NeighborhoodHash(int v, bool closed)
    {
        if (_vertexHash is null)
        {
            _vertexHash = new long[_n];
            for (int x = 0; x < _n; x++) _vertexHash[x] = Mix(x);
        }
        var vh = _vertexHash;
        long h = closed ? vh[v] : 0;
        var off = _g.OutOffsets; var tgt = _g.OutTargets;
        for (int a = off[v]; a < off[v + 1]; a++) { int x = tgt[a]; if (x != v && _alive[x]) h += vh[x]; }
        if (_g.IsDirected)
        {
            long hi = closed ? vh[v] : 0;
            var ioff = _g.InOffsets; var itgt = _g.InTargets;
            for (int a = ioff[v]; a < ioff[v + 1]; a++) { int x = itgt[a]; if (x != v && _alive[x]) hi += vh[x]; }
            h = h * 31 + Mix(hi);
        }
        return h;
    }

    private static long Mix(long x)
    {
        unchecked
        {
            ulong z = (ulong)x + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }

    private bool AreTwins(int u, int v, bool closed)
    {
        if (!SameNeighborhood(_g.OutOffsets, _g.OutTargets, u, v, closed)) return false;
        return !_g.IsDirected || SameNeighborhood(_g.InOffsets, _g.InTargets, u, v, closed);
    }

    /// <summary>Compares N(u) \ {u} with N(v) \ {v} (open) or N(u) ∪ {u} with N(v) ∪ {v} (closed), over alive vertices.</summary>
    private bool SameNeighborhood(int[] off, int[] tgt, int u, int v, bool closed)
    {
        var a = Filtered(off, tgt, u, closed);
        var b = Filtered(off, tgt, v, closed);
        return a.AsSpan().SequenceEqual(b);
    }

    private int[] Filtered(int[] off, int[] tgt, int v, bool closed)
    {
        var list = new List<int>(off[v + 1] - off[v] + 1);
        bool placed = !closed;
        for (int a = off[v]; a < off[v + 1]; a++)
        {
            int x = tgt[a];
            if (!placed && x > v) { list.Add(v); placed = true; }
            if (x == v || !_alive[x]) continue;
            list.Add(x);
        }
        if (!placed) list.Add(v);
        return [.. list];
    }
}
