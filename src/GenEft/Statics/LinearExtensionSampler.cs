using System.Numerics;
using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// Draws linear extensions (total orders compatible with a strict partial order) exactly uniformly at random.
/// <para>
/// A random topological sort is not uniform, so this counts instead: the poset splits into the connected components
/// of its comparability graph; for each component, a dynamic programme over its down-sets (order ideals) counts
/// e(D), the linear extensions of every down-set D (e(D) = sum over maximal x of e(D \ x)), and an extension is
/// drawn backwards, removing maximal element x with probability e(D \ x) / e(D). The components are then riffled
/// together by a uniformly random interleaving (a shuffled multiset of component labels), which is uniform because
/// every interleaving of the components' extensions is a distinct linear extension of their disjoint union.
/// </para>
/// <para>
/// Cost: building is proportional to the number of down-sets (at most <c>maxDownSets</c> in all; components of
/// at most 63 elements); a draw costs O(sum over components of size x width) hash look-ups. An instance keeps
/// scratch buffers, so use one instance per thread.
/// </para>
/// </summary>
public sealed class LinearExtensionSampler
{
    /// <summary>The default cap on the total number of down-sets kept (about 100 MB of counts).</summary>
    public const int DefaultMaxDownSets = 4_000_000;

    private readonly Component[] _components;
    private readonly int[] _slots;
    private readonly int[] _cursor;

    /// <summary>Prepares the sampler for a strict partial order (irreflexive and transitive; (x, y) means x before y).</summary>
    /// <param name="strictPartialOrder">The poset; <c>R[x, y]</c> true means x must come before y.</param>
    /// <param name="maxDownSets">Cap on the total number of down-sets counted, &gt;= 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="strictPartialOrder"/> is null.</exception>
    /// <exception cref="ArgumentException">The relation is not a strict partial order, a connected component has more
    /// than 63 elements, or the down-sets exceed <paramref name="maxDownSets"/> (the poset is too wide for exact counting).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDownSets"/> &lt; 1.</exception>
    public LinearExtensionSampler(Relation strictPartialOrder, int maxDownSets = DefaultMaxDownSets)
    {
        ArgumentNullException.ThrowIfNull(strictPartialOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDownSets, 1);
        if (!strictPartialOrder.IsStrictPartialOrder)
            throw new ArgumentException("The relation must be a strict partial order (irreflexive and transitive).", nameof(strictPartialOrder));
        Size = strictPartialOrder.Size;
        var groups = ComparabilityComponents(strictPartialOrder);
        _components = new Component[groups.Count];
        int budget = maxDownSets;
        double logCount = LogCombinatorics.LogFactorial(Size);
        for (int c = 0; c < groups.Count; c++)
        {
            if (groups[c].Length > 63)
                throw new PosetTooWideException($"A comparability component has {groups[c].Length} > 63 elements.", nameof(strictPartialOrder));
            _components[c] = new Component(groups[c], strictPartialOrder, ref budget);
            logCount += _components[c].LogCount - LogCombinatorics.LogFactorial(groups[c].Length);
        }
        Log2Count = logCount / Math.Log(2);
        DownSetCount = _components.Sum(c => c.DownSetCount);
        _slots = new int[Size];
        for (int c = 0, p = 0; c < _components.Length; c++)
            for (int t = 0; t < _components[c].Elements.Length; t++) _slots[p++] = c;
        _cursor = new int[_components.Length];
    }

    /// <summary>The number of elements.</summary>
    public int Size { get; }

    /// <summary>log2 of the number of linear extensions.</summary>
    public double Log2Count { get; }

    /// <summary>The number of down-sets counted over all components (the size of the dynamic programme).</summary>
    public int DownSetCount { get; }

    /// <summary>Draws one linear extension uniformly at random.</summary>
    /// <param name="random">The random source.</param>
    /// <param name="positions">Receives the position (0 = first) of every element; length <see cref="Size"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="positions"/> has the wrong length.</exception>
    public void Sample(Random random, Span<int> positions)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (positions.Length != Size)
            throw new ArgumentException($"Expected length {Size}, got {positions.Length}.", nameof(positions));
        foreach (var component in _components) component.Draw(random);
        if (_components.Length > 1) random.Shuffle(_slots);
        Array.Clear(_cursor);
        for (int p = 0; p < Size; p++)
        {
            int c = _slots[p];
            var component = _components[c];
            positions[component.Elements[component.Order[_cursor[c]++]]] = p;
        }
    }

    private static List<int[]> ComparabilityComponents(Relation order)
    {
        int n = order.Size;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (order.Get(i, j)) parent[Find(i)] = Find(j);
        return Enumerable.Range(0, n).GroupBy(Find).Select(g => g.ToArray()).ToList();
    }

    private sealed class Component
    {
        private readonly ulong[] _predecessors;
        private readonly ulong[] _successors;
        private readonly DownSetTable _extensions;
        private readonly ulong _full;
        private readonly ulong _fullMaximal;

        public Component(int[] elements, Relation order, ref int budget)
        {
            Elements = elements;
            int s = elements.Length;
            Order = new int[s];
            _predecessors = new ulong[s];
            _successors = new ulong[s];
            for (int a = 0; a < s; a++)
                for (int b = 0; b < s; b++)
                    if (order.Get(elements[b], elements[a])) { _predecessors[a] |= 1UL << b; _successors[b] |= 1UL << a; }
            _full = (1UL << s) - 1;
            for (int a = 0; a < s; a++) if (_successors[a] == 0) _fullMaximal |= 1UL << a;
            _extensions = new DownSetTable();
            _extensions.Add(0, 1);
            // Breadth-first over the down-set lattice, one layer (down-set size) at a time, so every count is final
            // before it is pushed upwards.
            var layer = new List<ulong> { 0 };
            for (int size = 0; size < s; size++)
            {
                var next = new List<ulong>();
                foreach (ulong down in layer)
                {
                    double e = _extensions[down];
                    for (ulong free = _full & ~down; free != 0; free &= free - 1)
                    {
                        int a = BitOperations.TrailingZeroCount(free);
                        if ((_predecessors[a] & ~down) != 0) continue;
                        ulong up = down | 1UL << a;
                        if (_extensions.Add(up, e))
                        {
                            if (--budget < 0)
                                throw new PosetTooWideException("The poset has too many down-sets for exact counting.", nameof(order));
                            next.Add(up);
                        }
                    }
                }
                layer = next;
            }
            LogCount = Math.Log(_extensions[_full]);
            DownSetCount = _extensions.Count;
        }

        public int DownSetCount { get; }

        public int[] Elements { get; }

        /// <summary>The last drawn extension, as local indices, first to last.</summary>
        public int[] Order { get; }

        public double LogCount { get; }

        public void Draw(Random random)
        {
            ulong down = _full, maximal = _fullMaximal;
            double count = _extensions[_full];
            for (int t = Elements.Length - 1; t >= 0; t--)
            {
                double target = random.NextDouble() * count;
                int chosen = -1;
                for (ulong candidates = maximal; candidates != 0; candidates &= candidates - 1)
                {
                    chosen = BitOperations.TrailingZeroCount(candidates);
                    // e(D) = sum over maximal x of e(D \ x); the chosen child's count is the next step's total.
                    count = _extensions[down & ~(1UL << chosen)];
                    target -= count;
                    if (target < 0) break;
                }
                Order[t] = chosen;
                down &= ~(1UL << chosen);
                maximal &= ~(1UL << chosen);
                // Removing x can only make its predecessors maximal.
                for (ulong p = _predecessors[chosen]; p != 0; p &= p - 1)
                {
                    int a = BitOperations.TrailingZeroCount(p);
                    if ((_successors[a] & down) == 0) maximal |= 1UL << a;
                }
            }
        }
    }
}

/// <summary>The poset is too large or too wide for exact down-set counting (callers may fall back to a Markov chain).</summary>
internal sealed class PosetTooWideException(string message, string paramName) : ArgumentException(message, paramName);
