namespace GenEft.Graphs;

/// <summary>Switches for the preprocessing of <see cref="AutomorphismSearch"/>; the defaults are the fastest settings.</summary>
public sealed record AutomorphismSearchOptions
{
    /// <summary>Collapse classes of twins (vertices with equal open or closed neighbourhoods) before the search.</summary>
    public bool RemoveTwins { get; init; } = true;

    /// <summary>Fold pendant trees (repeatedly stripped degree-1 vertices) into vertex colours before the search.</summary>
    public bool RemovePendantTrees { get; init; } = true;

    /// <summary>Search each connected component on its own and combine isomorphic ones (component recursion).</summary>
    public bool SplitComponents { get; init; } = true;
}
