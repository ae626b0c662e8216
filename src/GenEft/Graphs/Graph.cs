namespace GenEft.Graphs;

/// <summary>
/// An immutable sparse graph in compressed sparse row (CSR) form: directed or undirected, with
/// optional integer vertex colours and self-loops. Adjacency lists are sorted and free of duplicates,
/// and memory is linear in the number of edges, so 10^6 vertices and 10^7 edges fit comfortably.
/// This is the graph whose automorphism group gives GenEFT's description length
/// b = log2(n! / |Aut(G)|), the description length of GenEFT Section III.
/// </summary>
public sealed class Graph
{
    private readonly int[] _outOffsets;
    private readonly int[] _outTargets;
    private readonly int[] _inOffsets;
    private readonly int[] _inTargets;
    private readonly int[]? _colors;

    private Graph(int vertexCount, bool directed, int[] outOffsets, int[] outTargets, int[] inOffsets, int[] inTargets, int[]? colors, long edgeCount)
    {
        VertexCount = vertexCount;
        IsDirected = directed;
        _outOffsets = outOffsets;
        _outTargets = outTargets;
        _inOffsets = inOffsets;
        _inTargets = inTargets;
        _colors = colors;
        EdgeCount = edgeCount;
    }

    /// <summary>Number of vertices; vertices are numbered 0 .. VertexCount - 1.</summary>
    public int VertexCount { get; }

    /// <summary>
    /// Number of distinct edges: ordered pairs for a directed graph, unordered pairs for an undirected
    /// one; a self-loop counts once.
    /// </summary>
    public long EdgeCount { get; }

    /// <summary>Whether edges are ordered pairs.</summary>
    public bool IsDirected { get; }

    /// <summary>Whether any vertex has a non-zero colour.</summary>
    public bool IsColored => _colors is not null;

    /// <summary>
    /// The most vertices a graph can have, Array.MaxLength - 1 (the CSR index holds VertexCount + 1 offsets). Graph
    /// readers stop far earlier, at <see cref="GraphReadLimits.MaxVertices"/>.
    /// </summary>
    public static int MaxVertexCount => Array.MaxLength - 1;

    /// <summary>
    /// Builds a graph from an edge list. Duplicate edges collapse to one (for an undirected graph
    /// (u, v) and (v, u) are the same edge); self-loops are kept.
    /// </summary>
    /// <param name="vertexCount">Number of vertices, at least 0.</param>
    /// <param name="edges">Edges as (From, To) pairs of vertices in [0, vertexCount).</param>
    /// <param name="directed">Whether (From, To) is an ordered pair.</param>
    /// <param name="vertexColors">Empty (all colours 0) or one colour per vertex; automorphisms preserve colours.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vertexCount"/> is negative or above <see cref="MaxVertexCount"/>, an edge endpoint is outside [0, vertexCount), or the adjacency lists would exceed Array.MaxLength entries (an undirected edge u != v takes two).</exception>
    /// <exception cref="ArgumentException"><paramref name="vertexColors"/> is neither empty nor of length <paramref name="vertexCount"/>.</exception>
    public static Graph FromEdges(int vertexCount, ReadOnlySpan<(int From, int To)> edges, bool directed, ReadOnlySpan<int> vertexColors = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vertexCount, MaxVertexCount);
        if (!vertexColors.IsEmpty && vertexColors.Length != vertexCount)
            throw new ArgumentException($"vertexColors must be empty or have length vertexCount = {vertexCount}, but has length {vertexColors.Length}.", nameof(vertexColors));
        long entries = 0;
        for (int i = 0; i < edges.Length; i++)
        {
            var (a, b) = edges[i];
            if ((uint)a >= (uint)vertexCount || (uint)b >= (uint)vertexCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {i} = ({a}, {b}) has an endpoint outside [0, {vertexCount}).");
            entries += directed || a == b ? 1 : 2;
        }
        if (entries > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(edges), $"The edges need {entries} adjacency entries; one array holds at most {Array.MaxLength}.");

        int[]? colors = null;
        foreach (int c in vertexColors)
        {
            if (c != 0) { colors = vertexColors.ToArray(); break; }
        }

        var (outOffsets, outTargets) = BuildCsr(vertexCount, edges, reverse: false, symmetric: !directed);
        if (!directed)
        {
            long loops = 0;
            for (int v = 0; v < vertexCount; v++)
                if (ContainsSorted(outTargets, outOffsets[v], outOffsets[v + 1], v)) loops++;
            long undirectedEdges = (outTargets.Length - loops) / 2 + loops;
            return new Graph(vertexCount, false, outOffsets, outTargets, outOffsets, outTargets, colors, undirectedEdges);
        }

        var (inOffsets, inTargets) = BuildCsr(vertexCount, edges, reverse: true, symmetric: false);
        return new Graph(vertexCount, true, outOffsets, outTargets, inOffsets, inTargets, colors, outTargets.Length);
    }

    /// <summary>Builds a graph from CSR arrays that are already sorted and duplicate-free (internal fast path).</summary>
    internal static Graph FromSortedCsr(int vertexCount, bool directed, int[] outOffsets, int[] outTargets, int[] inOffsets, int[] inTargets, int[]? colors)
    {
        if (colors is not null && Array.TrueForAll(colors, c => c == 0)) colors = null;
        long edgeCount = outTargets.Length;
        if (!directed)
        {
            long loops = 0;
            for (int v = 0; v < vertexCount; v++)
                if (ContainsSorted(outTargets, outOffsets[v], outOffsets[v + 1], v)) loops++;
            edgeCount = (outTargets.Length - loops) / 2 + loops;
        }
        return new Graph(vertexCount, directed, outOffsets, outTargets, inOffsets, inTargets, colors, edgeCount);
    }

    /// <summary>Out-neighbours of <paramref name="v"/> in increasing order (all neighbours when undirected).</summary>
    /// <param name="v">A vertex in [0, VertexCount).</param>
    /// <returns>The sorted neighbour list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is outside [0, VertexCount).</exception>
    public ReadOnlySpan<int> OutNeighbors(int v)
    {
        CheckVertex(v, nameof(v));
        return _outTargets.AsSpan(_outOffsets[v], _outOffsets[v + 1] - _outOffsets[v]);
    }

    /// <summary>In-neighbours of <paramref name="v"/> in increasing order (all neighbours when undirected).</summary>
    /// <param name="v">A vertex in [0, VertexCount).</param>
    /// <returns>The sorted neighbour list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is outside [0, VertexCount).</exception>
    public ReadOnlySpan<int> InNeighbors(int v)
    {
        CheckVertex(v, nameof(v));
        return _inTargets.AsSpan(_inOffsets[v], _inOffsets[v + 1] - _inOffsets[v]);
    }

    /// <summary>The colour of <paramref name="v"/> (0 when the graph is uncoloured).</summary>
    /// <param name="v">A vertex in [0, VertexCount).</param>
    /// <returns>The colour.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is outside [0, VertexCount).</exception>
    public int Color(int v)
    {
        CheckVertex(v, nameof(v));
        return _colors is null ? 0 : _colors[v];
    }

    /// <summary>Whether the edge (<paramref name="from"/>, <paramref name="to"/>) is present (either direction when undirected).</summary>
    /// <param name="from">A vertex in [0, VertexCount).</param>
    /// <param name="to">A vertex in [0, VertexCount).</param>
    /// <returns>True when the edge exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A vertex is outside [0, VertexCount).</exception>
    public bool HasEdge(int from, int to)
    {
        CheckVertex(from, nameof(from));
        CheckVertex(to, nameof(to));
        return ContainsSorted(_outTargets, _outOffsets[from], _outOffsets[from + 1], to);
    }

    /// <summary>Out-degree of <paramref name="v"/> (degree when undirected; a self-loop counts once).</summary>
    /// <param name="v">A vertex in [0, VertexCount).</param>
    /// <returns>The number of out-neighbours.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is outside [0, VertexCount).</exception>
    public int OutDegree(int v)
    {
        CheckVertex(v, nameof(v));
        return _outOffsets[v + 1] - _outOffsets[v];
    }

    /// <summary>All edges, each once: (u, v) with u &lt;= v when undirected, sorted lexicographically.</summary>
    /// <returns>A new array of edges.</returns>
    public (int From, int To)[] Edges()
    {
        var result = new (int, int)[EdgeCount];
        int k = 0;
        for (int u = 0; u < VertexCount; u++)
        {
            for (int i = _outOffsets[u]; i < _outOffsets[u + 1]; i++)
            {
                int v = _outTargets[i];
                if (IsDirected || u <= v) result[k++] = (u, v);
            }
        }
        return result;
    }

    /// <summary>
    /// Whether <paramref name="permutation"/> (vertex v maps to permutation[v]) is an automorphism:
    /// a bijection of the vertices that maps edges to edges and preserves colours.
    /// </summary>
    /// <param name="permutation">The candidate map.</param>
    /// <returns>True when it is an automorphism.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="permutation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="permutation"/> does not have length VertexCount.</exception>
    public bool IsAutomorphism(int[] permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        if (permutation.Length != VertexCount)
            throw new ArgumentException($"permutation must have length VertexCount = {VertexCount}, but has length {permutation.Length}.", nameof(permutation));
        var seen = new bool[VertexCount];
        foreach (int p in permutation)
        {
            if ((uint)p >= (uint)VertexCount || seen[p]) return false;
            seen[p] = true;
        }
        for (int u = 0; u < VertexCount; u++)
        {
            int pu = permutation[u];
            if (ColorUnchecked(u) != ColorUnchecked(pu)) return false;
            if (OutDegreeUnchecked(u) != OutDegreeUnchecked(pu)) return false;
            for (int i = _outOffsets[u]; i < _outOffsets[u + 1]; i++)
            {
                int pv = permutation[_outTargets[i]];
                if (!ContainsSorted(_outTargets, _outOffsets[pu], _outOffsets[pu + 1], pv)) return false;
            }
        }
        return true;
    }

    internal int[] OutOffsets => _outOffsets;
    internal int[] OutTargets => _outTargets;
    internal int[] InOffsets => _inOffsets;
    internal int[] InTargets => _inTargets;
    internal int[]? Colors => _colors;
    internal int ColorUnchecked(int v) => _colors is null ? 0 : _colors[v];
    internal int OutDegreeUnchecked(int v) => _outOffsets[v + 1] - _outOffsets[v];

    internal static bool ContainsSorted(int[] targets, int start, int end, int value)
        => Array.BinarySearch(targets, start, end - start, value) >= 0;

    private void CheckVertex(int v, string name)
    {
        if ((uint)v >= (uint)VertexCount)
            throw new ArgumentOutOfRangeException(name, v, $"Vertex must be in [0, {VertexCount}).");
    }

    /// <summary>
    /// Counting-sort CSR build; sorts each row and removes duplicates in place. Uses one offsets array throughout
    /// (counts, then row ends while filling, then starts again), so the only O(n) allocation is the index it returns.
    /// </summary>
    private static (int[] Offsets, int[] Targets) BuildCsr(int n, ReadOnlySpan<(int From, int To)> edges, bool reverse, bool symmetric)
    {
        var offsets = new int[n + 1];
        foreach (var (a, b) in edges)
        {
            int src = reverse ? b : a, dst = reverse ? a : b;
            offsets[src + 1]++;
            if (symmetric && src != dst) offsets[dst + 1]++;
        }
        for (int v = 0; v < n; v++) offsets[v + 1] += offsets[v];
        var targets = new int[offsets[n]];
        // Fill row v from offsets[v] upwards; afterwards offsets[v] holds the end of row v, i.e. the start of row v + 1.
        foreach (var (a, b) in edges)
        {
            int src = reverse ? b : a, dst = reverse ? a : b;
            targets[offsets[src]++] = dst;
            if (symmetric && src != dst) targets[offsets[dst]++] = src;
        }
        int write = 0, start = 0;
        for (int v = 0; v < n; v++)
        {
            int end = offsets[v];
            Array.Sort(targets, start, end - start);
            offsets[v] = write;
            for (int i = start; i < end; i++)
            {
                if (i > start && targets[i] == targets[i - 1]) continue;
                targets[write++] = targets[i];
            }
            start = end;
        }
        offsets[n] = write;
        if (write != targets.Length) Array.Resize(ref targets, write);
        return (offsets, targets);
    }
}
