namespace GenEft.Cli.Input;

/// <summary>The graph file formats <c>geneft graph aut</c> reads.</summary>
internal enum GraphFileFormat
{
    /// <summary>Decide from the first non-blank line.</summary>
    Auto,

    /// <summary>nauty's graph6: undirected, one graph per line.</summary>
    Graph6,

    /// <summary>nauty's sparse6 (lines start with ':'): undirected, loops allowed, one graph per line.</summary>
    Sparse6,

    /// <summary>nauty's digraph6 (lines start with '&amp;'): directed, one graph per line.</summary>
    Digraph6,

    /// <summary>DIMACS as bliss reads it: 'p edge N M', 'e u v', 'n v colour', vertices from 1.</summary>
    Dimacs,

    /// <summary>'u v' per line, vertices from 0, '#' comments.</summary>
    EdgeList,
}
