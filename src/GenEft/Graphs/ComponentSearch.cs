using System.Numerics;

namespace GenEft.Graphs;

/// <summary>
/// Component recursion (as in bliss, at the top level): the automorphism group of a disconnected graph
/// is the product over isomorphism classes of components C (with multiplicity m) of Aut(C) wr S_m.
/// Each component is searched on its own; components with equal invariants (size, edges, refinement
/// trace, group order, orbit count) are tested for isomorphism by searching their disjoint union,
/// where a generator that moves one into the other is an explicit isomorphism. This turns the search
/// on k copies of a component, whose first path is k times deeper, into k small searches.
/// </summary>
internal sealed class ComponentSearch
{
    private readonly Graph _g;
    private readonly CancellationToken _cancel;

    /// <summary>|Aut| of the whole graph once <see cref="Run"/> is done.</summary>
    public readonly BigProduct Order = new();
    public readonly List<SparsePermutation> Generators = [];

    public ComponentSearch(Graph graph, CancellationToken cancellationToken)
    {
        _g = graph;
        _cancel = cancellationToken;
    }

    /// <summary>Weakly connected components, each as a sorted vertex list, in order of smallest vertex.</summary>
    public static List<int[]> Components(Graph g)
    {
        int n = g.VertexCount;
        var comp = new int[n];
        Array.Fill(comp, -1);
        var result = new List<int[]>();
        var stack = new Stack<int>();
        var members = new List<int>();
        for (int s = 0; s < n; s++)
        {
            if (comp[s] >= 0) continue;
            members.Clear();
            comp[s] = result.Count;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                members.Add(u);
                Visit(g.OutOffsets, g.OutTargets, u);
                if (g.IsDirected) Visit(g.InOffsets, g.InTargets, u);
            }
            members.Sort();
            result.Add([.. members]);
        }
        return result;

        void Visit(int[] off, int[] tgt, int u)
        {
            for (int a = off[u]; a < off[u + 1]; a++)
            {
                int x = tgt[a];
                if (comp[x] >= 0) continue;
                comp[x] = result.Count;
                stack.Push(x);
            }
        }
    }

    public void Run(List<int[]> components)
    {
        var parts = new List<Part>();
        foreach (var vertices in components)
        {
            _cancel.ThrowIfCancellationRequested();
            var sub = Induced(vertices);
            var search = new SearchTree(sub, _cancel);
            search.Run();
            parts.Add(new Part(vertices, sub, search.Order.Value, search.Generators, Invariant(sub, search)));
        }

        // Group by invariant (deterministically ordered), then split each group into isomorphism classes.
        var groups = parts.GroupBy(p => p.Invariant).OrderBy(g => g.First().Vertices[0]);
        foreach (var group in groups)
        {
            var members = group.ToList();
            if (!TryClasses(members)) SearchTogether(members);
        }
    }

    /// <summary>
    /// Splits equal-invariant components into isomorphism classes by pairwise tests against class
    /// representatives; gives up (returns false, nothing recorded) when the classes are many, since the
    /// tests would then cost more than one search of the whole group.
    /// </summary>
    private bool TryClasses(List<Part> members)
    {
        var classes = new List<(Part Rep, int Count, int[] LastImage)>();
        var swaps = new List<SparsePermutation>();
        int budget = 4 * members.Count + 64;
        foreach (var part in members)
        {
            bool placed = false;
            for (int c = 0; c < classes.Count && !placed; c++)
            {
                if (--budget < 0) return false;
                var (rep, count, lastImage) = classes[c];
                var iso = Isomorphism(rep, part);
                if (iso is null) continue;
                // iso maps rep's local vertex i to part's local vertex iso[i]; lastImage does the same for
                // the previous member of the class, so the swap is lastImage[i] <-> part[iso[i]].
                var support = new int[2 * iso.Length];
                var image = new int[2 * iso.Length];
                var globalImage = new int[iso.Length];
                for (int i = 0; i < iso.Length; i++)
                {
                    int prev = lastImage[i], next = part.Vertices[iso[i]];
                    support[2 * i] = prev; image[2 * i] = next;
                    support[2 * i + 1] = next; image[2 * i + 1] = prev;
                    globalImage[i] = next;
                }
                swaps.Add(new SparsePermutation(support, image));
                classes[c] = (rep, count + 1, globalImage);
                placed = true;
            }
            if (!placed) classes.Add((part, 1, (int[])part.Vertices.Clone()));
        }
        foreach (var part in members)
        {
            Order.Multiply(part.Order);
            foreach (var gen in part.Generators) Generators.Add(Globalize(gen, part.Vertices));
        }
        Generators.AddRange(swaps);
        foreach (var (_, count, _) in classes)
            Order.MultiplyFactorial(count);
        return true;
    }

    private void SearchTogether(List<Part> members)
    {
        var vertices = members.SelectMany(p => p.Vertices).Order().ToArray();
        var search = new SearchTree(Induced(vertices), _cancel);
        search.Run();
        Order.Multiply(search.Order);
        foreach (var gen in search.Generators) Generators.Add(Globalize(gen, vertices));
    }

    private sealed record Part(int[] Vertices, Graph Sub, BigInteger Order, List<SparsePermutation> Generators, string Invariant);

    /// <summary>An isomorphism a -> b (local vertex i of a to local vertex result[i] of b), or null.</summary>
    private int[]? Isomorphism(Part a, Part b)
    {
        int k = a.Vertices.Length;
        var union = DisjointUnion(a.Sub, b.Sub);
        var search = new SearchTree(union, _cancel);
        search.Run();
        foreach (var gen in search.Generators)
        {
            var full = gen.ToArray(2 * k);
            if (full[0] < k) continue;
            var iso = new int[k];
            for (int i = 0; i < k; i++) iso[i] = full[i] - k;
            return iso;
        }
        return null;
    }

    private static string Invariant(Graph sub, SearchTree search)
    {
        var refiner = new PartitionRefiner(sub);
        var trace = new List<long>();
        refiner.RefineRecording(trace);
        long h = 0;
        foreach (long t in trace) h = unchecked(h * 1_000_003 + t);
        long colors = 0;
        for (int v = 0; v < sub.VertexCount; v++) colors += (long)sub.ColorUnchecked(v) * 0x9E3779B1 + 1;
        return $"{sub.VertexCount}/{sub.EdgeCount}/{refiner.CellCount}/{h}/{colors}/{search.Order.Value}/{search.Orbits.Representatives().Distinct().Count()}";
    }

    private Graph Induced(int[] vertices)
    {
        if (vertices.Length == _g.VertexCount) return _g;
        var local = new Dictionary<int, int>(vertices.Length);
        for (int i = 0; i < vertices.Length; i++) local[vertices[i]] = i;
        var edges = new List<(int, int)>();
        var colors = new int[vertices.Length];
        for (int i = 0; i < vertices.Length; i++)
        {
            int v = vertices[i];
            colors[i] = _g.ColorUnchecked(v);
            for (int a = _g.OutOffsets[v]; a < _g.OutOffsets[v + 1]; a++)
            {
                int j = local[_g.OutTargets[a]];
                if (_g.IsDirected || i <= j) edges.Add((i, j));
            }
        }
        return Graph.FromEdges(vertices.Length, edges.ToArray(), _g.IsDirected, colors);
    }

    private static Graph DisjointUnion(Graph a, Graph b)
    {
        int k = a.VertexCount;
        var edges = new List<(int, int)>();
        foreach (var (u, v) in a.Edges()) edges.Add((u, v));
        foreach (var (u, v) in b.Edges()) edges.Add((u + k, v + k));
        var colors = new int[2 * k];
        for (int v = 0; v < k; v++) { colors[v] = a.ColorUnchecked(v); colors[v + k] = b.ColorUnchecked(v); }
        return Graph.FromEdges(2 * k, edges.ToArray(), a.IsDirected, colors);
    }

    private static SparsePermutation Globalize(SparsePermutation local, int[] vertices)
    {
        var s = new int[local.Support.Length];
        var t = new int[local.Support.Length];
        for (int i = 0; i < s.Length; i++) { s[i] = vertices[local.Support[i]]; t[i] = vertices[local.Image[i]]; }
        return new SparsePermutation(s, t);
    }
}
