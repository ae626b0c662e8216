namespace GenEft.Graphs;

/// <summary>
/// The default <see cref="IAutomorphismEngine"/>: exact individualization-refinement search, written
/// from scratch and deterministic. Pendant trees and twin classes are first folded into vertex colours
/// (their automorphisms are counted in closed form and listed as generators); the rest is searched
/// with equitable refinement, trace comparison and orbit pruning (see docs/automorphisms.md).
/// </summary>
public sealed class AutomorphismSearch : IAutomorphismEngine
{
    /// <summary>An engine with the default options.</summary>
    public static AutomorphismSearch Default { get; } = new();

    /// <summary>Creates an engine.</summary>
    /// <param name="options">Preprocessing switches; null means the defaults.</param>
    public AutomorphismSearch(AutomorphismSearchOptions? options = null)
    {
        Options = options ?? new AutomorphismSearchOptions();
    }

    /// <summary>The preprocessing switches in use.</summary>
    public AutomorphismSearchOptions Options { get; }

    /// <inheritdoc />
    public AutomorphismGroup Compute(Graph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        // The subtree search recurses once per level of the first path, which can reach the thousands
        // on large graphs (CFI graphs: one level per independent cycle); give it a roomy stack.
        if (graph.VertexCount < LargeGraphVertices) return ComputeOnThisThread(graph, cancellationToken);
        AutomorphismGroup? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
        var worker = new Thread(() =>
        {
            try { result = ComputeOnThisThread(graph, cancellationToken); }
            catch (Exception e) { error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
        }, LargeGraphStackBytes);
        worker.Start();
        worker.Join();
        error?.Throw();
        return result!;
    }

    private const int LargeGraphVertices = 20_000;
    private const int LargeGraphStackBytes = 256 << 20;

    private AutomorphismGroup ComputeOnThisThread(Graph graph, CancellationToken cancellationToken)
    {
        int n = graph.VertexCount;
        Graph quotient = graph;
        int[] reps = [];
        Preprocessor? pre = null;
        if (Options.RemoveTwins || Options.RemovePendantTrees)
        {
            pre = new Preprocessor(graph, cancellationToken);
            pre.Run(Options.RemovePendantTrees, Options.RemoveTwins);
            (quotient, reps) = pre.BuildQuotient();
        }

        BigProduct order;
        List<SparsePermutation> quotientGenerators;
        var components = Options.SplitComponents ? ComponentSearch.Components(quotient) : null;
        if (components is { Count: > 1 })
        {
            var split = new ComponentSearch(quotient, cancellationToken);
            split.Run(components);
            (order, quotientGenerators) = (split.Order, split.Generators);
        }
        else
        {
            var search = new SearchTree(quotient, cancellationToken);
            search.Run();
            (order, quotientGenerators) = (search.Order, search.Generators);
        }

        var generators = new List<SparsePermutation>();
        if (pre is not null)
        {
            generators.AddRange(pre.Generators);
            order.Multiply(pre.Factor);
        }
        if (ReferenceEquals(quotient, graph)) generators.AddRange(quotientGenerators);
        else if (quotientGenerators.Count > 0) generators.AddRange(Lift(pre!, reps, quotientGenerators));
        var orbits = new OrbitPartition(n);
        foreach (var g in generators) orbits.AddGenerator(g);
        return new AutomorphismGroup(n, order, orbits.Representatives(), generators.ToArray());
    }

    /// <summary>Lifts quotient automorphisms block by block: the i-th vertex of block r maps to the i-th of block g(r).</summary>
    private static IEnumerable<SparsePermutation> Lift(Preprocessor pre, int[] reps, List<SparsePermutation> quotientGenerators)
    {
        var start = new int[reps.Length + 1];
        var flat = new List<int>();
        for (int i = 0; i < reps.Length; i++)
        {
            pre.AppendExpansion(reps[i], flat);
            start[i + 1] = flat.Count;
        }
        foreach (var g in quotientGenerators)
        {
            var support = new List<int>();
            var image = new List<int>();
            for (int k = 0; k < g.Support.Length; k++)
            {
                int a = g.Support[k], b = g.Image[k];
                for (int i = 0; i < start[a + 1] - start[a]; i++)
                {
                    support.Add(flat[start[a] + i]);
                    image.Add(flat[start[b] + i]);
                }
            }
            yield return new SparsePermutation([.. support], [.. image]);
        }
    }
}
