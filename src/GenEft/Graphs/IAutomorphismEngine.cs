namespace GenEft.Graphs;

/// <summary>Computes the automorphism group of a graph; <see cref="AutomorphismSearch"/> is the default implementation.</summary>
public interface IAutomorphismEngine
{
    /// <summary>Computes Aut(G): the permutations of the vertices that preserve edges and vertex colours.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Cancels a long search.</param>
    /// <returns>The exact group order, orbits and generators.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    AutomorphismGroup Compute(Graph graph, CancellationToken cancellationToken = default);
}
