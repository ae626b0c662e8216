using System.Numerics;

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
        var search = new SearchTree(graph, cancellationToken);
        search.Run();
        return new AutomorphismGroup(graph.VertexCount, search.Order, search.Orbits.Representatives(), search.Generators.ToArray());
    }
}
