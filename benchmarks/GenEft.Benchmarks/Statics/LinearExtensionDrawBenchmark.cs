using BenchmarkDotNet.Attributes;
using GenEft.Relations;
using GenEft.Statics;

namespace GenEft.Benchmarks.Statics;

/// <summary>
/// One uniform linear-extension draw on the partial orders the greater-than bound meets: the closure of a random
/// training sample of the n-element order at a sparse and a denser fraction, at awkward sizes. Steady-state draws
/// allocate nothing. The baseline is a random topological sort (cheap but not uniform: what the sampler replaces).
/// </summary>
[MemoryDiagnoser]
public class LinearExtensionDrawBenchmark
{
    private LinearExtensionSampler _sampler = null!;
    private Relation _poset = null!;
    private readonly Random _random = new(7);
    private int[] _positions = null!;
    private bool[] _placed = null!;

    [Params(29, 37)]
    public int N { get; set; }

    [Params(0.05, 0.3)]
    public double Fraction { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var order = RelationGenerators.LessThan(N);
        var sample = new RelationDataset(order).Split(Fraction, seed: 3).Train;
        var before = new RelationBuilder(N);
        for (int t = 0; t < sample.Count; t++)
        {
            int l = sample.Left[t], r = sample.Right[t];
            if (l == r) continue;
            if (sample.Label[t] == 1) before.Add(l, r); else before.Add(r, l);
        }
        // Warshall on the builder: the sampler needs a transitively closed order.
        for (int k = 0; k < N; k++)
            for (int i = 0; i < N; i++)
                if (before[i, k])
                    for (int j = 0; j < N; j++)
                        if (before[k, j]) before[i, j] = true;
        _poset = before.ToRelation();
        _sampler = new LinearExtensionSampler(_poset);
        _positions = new int[N];
        _placed = new bool[N];
    }

    [Benchmark(Baseline = true, Description = "random topological sort (not uniform)")]
    public int RandomTopologicalSort()
    {
        Array.Clear(_placed);
        for (int p = 0; p < N; p++)
        {
            int chosen = -1, seen = 0;
            for (int x = 0; x < N; x++)
            {
                if (_placed[x]) continue;
                bool minimal = true;
                for (int y = 0; y < N && minimal; y++) minimal = _placed[y] || !_poset[y, x];
                // Reservoir sampling over the minimal elements.
                if (minimal && _random.Next(++seen) == 0) chosen = x;
            }
            _placed[chosen] = true;
            _positions[chosen] = p;
        }
        return _positions[0];
    }

    [Benchmark(Description = "uniform draw (down-set counting)")]
    public int UniformDraw()
    {
        _sampler.Sample(_random, _positions);
        return _positions[0];
    }
}
