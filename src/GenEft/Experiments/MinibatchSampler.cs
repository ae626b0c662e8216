using GenEft.Relations;

namespace GenEft.Experiments;

/// <summary>Minibatches without replacement: each epoch is a fresh seeded shuffle cut into full batches (the remainder is dropped).</summary>
internal sealed class MinibatchSampler
{
    private readonly RelationSamples _samples;
    private readonly int[] _order;
    private readonly int[] _left, _right, _label;
    private readonly Random _random;
    private int _position;

    public MinibatchSampler(RelationSamples samples, int batchSize, int seed)
    {
        _samples = samples;
        _order = Enumerable.Range(0, samples.Count).ToArray();
        _left = new int[batchSize];
        _right = new int[batchSize];
        _label = new int[batchSize];
        _random = new Random(seed);
        _position = samples.Count;
    }

    public void Next(out int[] left, out int[] right, out int[] label)
    {
        if (_position + _left.Length > _order.Length)
        {
            _random.Shuffle(_order);
            _position = 0;
        }

        for (int i = 0; i < _left.Length; i++)
        {
            int s = _order[_position + i];
            _left[i] = _samples.Left[s];
            _right[i] = _samples.Right[s];
            _label[i] = _samples.Label[s];
        }

        _position += _left.Length;
        left = _left;
        right = _right;
        label = _label;
    }
}
