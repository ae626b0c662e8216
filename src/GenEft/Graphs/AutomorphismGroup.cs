using System.Numerics;

namespace GenEft.Graphs;

/// <summary>
/// The automorphism group Aut(G) of a graph, as found by an <see cref="IAutomorphismEngine"/>: its exact
/// order, its orbits (as representatives, as labels and as sets) and a generating set. GenEFT's description length of a relation is
/// b = log2(n!) - <see cref="Log2Order"/>, the description length of GenEFT Section III.
/// </summary>
public sealed class AutomorphismGroup
{
    private readonly int[] _orbitRepresentatives;
    private readonly SparsePermutation[] _generators;
    private readonly Lazy<BigInteger> _order;
    private readonly int[] _orbitIndex;
    private readonly int[] _orbitStarts;
    private readonly int[] _orbitMembers;

    internal AutomorphismGroup(int vertexCount, BigProduct order, int[] orbitRepresentatives, SparsePermutation[] generators)
    {
        VertexCount = vertexCount;
        _order = new Lazy<BigInteger>(() => order.Value);
        Log2Order = order.Log2;
        _orbitRepresentatives = orbitRepresentatives;
        _generators = generators;
        // Number the orbits by their smallest vertex (a representative precedes every other member), then list
        // each orbit's members in increasing order: a counting sort by orbit index.
        _orbitIndex = new int[vertexCount];
        int count = 0;
        for (int v = 0; v < vertexCount; v++)
            _orbitIndex[v] = orbitRepresentatives[v] == v ? count++ : _orbitIndex[orbitRepresentatives[v]];
        OrbitCount = count;
        _orbitStarts = new int[count + 1];
        foreach (int k in _orbitIndex) _orbitStarts[k + 1]++;
        for (int k = 0; k < count; k++) _orbitStarts[k + 1] += _orbitStarts[k];
        _orbitMembers = new int[vertexCount];
        var fill = _orbitStarts[..count];
        for (int v = 0; v < vertexCount; v++) _orbitMembers[fill[_orbitIndex[v]]++] = v;
        Generators = new GeneratorList(vertexCount, generators);
    }

    /// <summary>Number of vertices of the graph the group acts on.</summary>
    public int VertexCount { get; }

    /// <summary>
    /// The exact order |Aut(G)|. The search keeps the order as its factors (orbit lengths, multiplicity factorials);
    /// the first read multiplies them out by a balanced product tree and caches the result. That is the one costly
    /// step for huge groups (|Aut(K_{1,10^6})| = 10^6!, 18.5 million bits, takes a few seconds); <see cref="Log2Order"/>
    /// never needs it.
    /// </summary>
    public BigInteger Order => _order.Value;

    /// <summary>
    /// log2 |Aut(G)|, the bits an automorphism-invariant description saves (GenEFT Eq. 1's b = log2(n!/|Aut|)), summed
    /// over the order's factors, so it is available at once even when <see cref="Order"/> has millions of bits.
    /// </summary>
    public double Log2Order { get; }

    /// <summary>For each vertex, the smallest vertex of its orbit.</summary>
    public ReadOnlySpan<int> OrbitRepresentatives => _orbitRepresentatives;

    /// <summary>Number of orbits of Aut(G) on the vertices.</summary>
    public int OrbitCount { get; }

    /// <summary>
    /// The orbit partition as labels: for each vertex, the index of its orbit in [0, <see cref="OrbitCount"/>). Orbits
    /// are numbered in increasing order of their smallest vertex, so orbit 0 holds vertex 0.
    /// </summary>
    public ReadOnlySpan<int> OrbitIndices => _orbitIndex;

    /// <summary>The vertices of orbit <paramref name="index"/> (numbered as in <see cref="OrbitIndices"/>), in increasing order.</summary>
    /// <param name="index">An orbit index in [0, OrbitCount).</param>
    /// <returns>The orbit as a sorted set of vertices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, OrbitCount).</exception>
    public ReadOnlySpan<int> Orbit(int index)
    {
        if ((uint)index >= (uint)OrbitCount)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Orbit index must be in [0, {OrbitCount}).");
        return _orbitMembers.AsSpan(_orbitStarts[index], _orbitStarts[index + 1] - _orbitStarts[index]);
    }

    /// <summary>The orbit containing <paramref name="vertex"/>: every vertex some automorphism maps it to, in increasing order.</summary>
    /// <param name="vertex">A vertex in [0, VertexCount).</param>
    /// <returns>The orbit as a sorted set of vertices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vertex"/> is outside [0, VertexCount).</exception>
    public ReadOnlySpan<int> OrbitOf(int vertex)
    {
        if ((uint)vertex >= (uint)VertexCount)
            throw new ArgumentOutOfRangeException(nameof(vertex), vertex, $"Vertex must be in [0, {VertexCount}).");
        return Orbit(_orbitIndex[vertex]);
    }

    /// <summary>
    /// A generating set of Aut(G): each generator is a permutation p with vertex v mapped to p[v].
    /// Generators are stored sparsely; each access to an element builds a fresh array of length
    /// <see cref="VertexCount"/>. The identity group has no generators.
    /// </summary>
    public IReadOnlyList<int[]> Generators { get; }

    /// <summary>Number of vertices moved by generator <paramref name="index"/>, without building it.</summary>
    /// <param name="index">Generator index in [0, Generators.Count).</param>
    /// <returns>The size of the generator's support.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, Generators.Count).</exception>
    public int GeneratorSupportSize(int index)
    {
        if ((uint)index >= (uint)_generators.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Generator index must be in [0, {_generators.Length}).");
        return _generators[index].Support.Length;
    }

    internal ReadOnlySpan<SparsePermutation> SparseGenerators => _generators;

    private sealed class GeneratorList(int vertexCount, SparsePermutation[] generators) : IReadOnlyList<int[]>
    {
        public int[] this[int index] => generators[index].ToArray(vertexCount);
        public int Count => generators.Length;
        public IEnumerator<int[]> GetEnumerator()
        {
            foreach (var g in generators) yield return g.ToArray(vertexCount);
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
