namespace GenEft.Graphs;

/// <summary>
/// Caps on what a graph reader accepts, so a service that reads untrusted files cannot be made to allocate without
/// bound. Readers never size a buffer from a declared count: edge storage grows only with the edges actually read
/// (about 24 bytes per edge record at the peak, see docs/automorphisms.md), and the one allocation a header alone can
/// cause is the graph's vertex index, 4 bytes per vertex (8 for a digraph), which <see cref="MaxVertices"/> bounds.
/// A count beyond a limit is a <see cref="FormatException"/> with the position of the offending field.
/// </summary>
/// <remarks>
/// The defaults admit a 10^6-vertex, 10^7-edge graph with room to spare; at the default
/// <see cref="MaxVertices"/> a header-only file costs at most 64 MiB (128 MiB for a digraph).
/// </remarks>
public sealed class GraphReadLimits
{
    /// <summary>The default <see cref="MaxVertices"/>, 2^24 = 16,777,216.</summary>
    public const int DefaultMaxVertices = 1 << 24;

    /// <summary>The default <see cref="MaxEdges"/>, 2^25 = 33,554,432.</summary>
    public const long DefaultMaxEdges = 1L << 25;

    /// <summary>The largest <see cref="MaxEdges"/> allowed: an undirected graph stores each edge twice in one array.</summary>
    public static long LargestMaxEdges => Array.MaxLength / 2;

    /// <summary>The limits readers use when none are given.</summary>
    public static GraphReadLimits Default { get; } = new();

    /// <summary>The most vertices a graph may declare; in [0, <see cref="Graph.MaxVertexCount"/>], default <see cref="DefaultMaxVertices"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, <see cref="Graph.MaxVertexCount"/>].</exception>
    public int MaxVertices
    {
        get;
        init => field = value >= 0 && value <= Graph.MaxVertexCount
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Must lie in [0, Graph.MaxVertexCount = {Graph.MaxVertexCount}].");
    } = DefaultMaxVertices;

    /// <summary>
    /// The most edge records a graph may hold: set bits for graph6/digraph6, (b, x) edge pairs for sparse6,
    /// <c>e</c> lines for DIMACS, lines for edge lists (repeats count before they collapse). In
    /// [0, <see cref="LargestMaxEdges"/>], default <see cref="DefaultMaxEdges"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, <see cref="LargestMaxEdges"/>].</exception>
    public long MaxEdges
    {
        get;
        init => field = value >= 0 && value <= LargestMaxEdges
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Must lie in [0, LargestMaxEdges = {LargestMaxEdges}].");
    } = DefaultMaxEdges;
}
