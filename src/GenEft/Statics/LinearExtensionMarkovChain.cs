using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// Approximately uniform linear extensions of any strict partial order, for posets too wide for the exact
/// <see cref="LinearExtensionSampler"/>: the lazy adjacent-transposition (Karzanov-Khachiyan) Markov chain. A step
/// picks a uniformly random adjacent pair of positions and, with probability 1/2, swaps the two elements if they
/// are incomparable. The proposals are symmetric, so the chain's stationary distribution is uniform over the linear
/// extensions; Wilson (2004) showed that it mixes in O(n^3 log n) steps. Consecutive draws are
/// <see cref="StepsPerDraw"/> steps apart (default ceil(n^3 ln n / pi^2) + n, the order of Wilson's bound), after a
/// burn-in of 10 such gaps, so they are nearly, not exactly, independent and uniform. Keeps state: one instance per thread.
/// </summary>
public sealed class LinearExtensionMarkovChain
{
    private readonly Relation _order;
    private readonly Random _random;
    private readonly int[] _sequence;
    private readonly int[] _position;

    /// <summary>Starts the chain from a linear extension (elements sorted by their number of predecessors) and burns it in.</summary>
    /// <param name="strictPartialOrder">The poset; <c>R[x, y]</c> true means x must come before y.</param>
    /// <param name="random">The chain's random source (kept).</param>
    /// <param name="stepsPerDraw">Steps between draws, &gt;= 1; null for the default ceil(n^3 ln n / pi^2) + n.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The relation is not a strict partial order.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepsPerDraw"/> &lt; 1.</exception>
    public LinearExtensionMarkovChain(Relation strictPartialOrder, Random random, long? stepsPerDraw = null)
    {
        ArgumentNullException.ThrowIfNull(strictPartialOrder);
        ArgumentNullException.ThrowIfNull(random);
        if (!strictPartialOrder.IsStrictPartialOrder)
            throw new ArgumentException("The relation must be a strict partial order (irreflexive and transitive).", nameof(strictPartialOrder));
        if (stepsPerDraw is < 1) throw new ArgumentOutOfRangeException(nameof(stepsPerDraw), stepsPerDraw, "Must be >= 1.");
        _order = strictPartialOrder;
        _random = random;
        int n = strictPartialOrder.Size;
        StepsPerDraw = stepsPerDraw ?? DefaultSteps(n);
        // In a transitively closed order x < y implies pred(x) is a proper subset of pred(y): sorting by the number
        // of predecessors gives a linear extension.
        var predecessors = new int[n];
        for (int x = 0; x < n; x++)
            for (int y = 0; y < n; y++)
                if (strictPartialOrder.Get(y, x)) predecessors[x]++;
        _sequence = Enumerable.Range(0, n).OrderBy(x => predecessors[x]).ToArray();
        _position = new int[n];
        for (int p = 0; p < n; p++) _position[_sequence[p]] = p;
        Advance(10 * StepsPerDraw);
    }

    /// <summary>The number of elements.</summary>
    public int Size => _sequence.Length;

    /// <summary>Chain steps between consecutive draws.</summary>
    public long StepsPerDraw { get; }

    /// <summary>Advances the chain <see cref="StepsPerDraw"/> steps and writes the current extension.</summary>
    /// <param name="positions">Receives the position (0 = first) of every element; length <see cref="Size"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="positions"/> has the wrong length.</exception>
    public void Sample(Span<int> positions)
    {
        if (positions.Length != Size) throw new ArgumentException($"Expected length {Size}, got {positions.Length}.", nameof(positions));
        Advance(StepsPerDraw);
        _position.CopyTo(positions);
    }

    private void Advance(long steps)
    {
        int n = _sequence.Length;
        if (n < 2) return;
        for (long s = 0; s < steps; s++)
        {
            // One draw decides both the pair and the lazy coin.
            int r = _random.Next(2 * (n - 1));
            if ((r & 1) == 0) continue;
            int p = r >> 1;
            int a = _sequence[p], b = _sequence[p + 1];
            if (_order.Get(a, b)) continue;
            _sequence[p] = b;
            _sequence[p + 1] = a;
            _position[a] = p + 1;
            _position[b] = p;
        }
    }

    private static long DefaultSteps(int n) => n < 2 ? 1 : (long)Math.Ceiling(Math.Pow(n, 3) * Math.Log(n) / (Math.PI * Math.PI)) + n;
}
