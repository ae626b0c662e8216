using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>
/// Labelled examples held in memory: dense features [P, d] (a perceptron's inputs), index tuples (the GenEFT
/// autoencoder's pairs), or both, with one integer label per example (0/1, ±1 or a class). Gives seeded train/test
/// splits, the whole set as one batch, and seeded minibatches.
/// </summary>
/// <typeparam name="T">The element type of the features.</typeparam>
public sealed class SupervisedDataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DenseTensor<T>? _features;
    private readonly int _featureWidth;
    private readonly int[][] _indices;
    private readonly int[] _labels;
    private SupervisedBatch<T>? _whole;

    /// <summary>Creates a dataset of dense examples (copied).</summary>
    /// <param name="features">[P, d], one row per example.</param>
    /// <param name="labels">P labels.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="features"/> is not rank 2 or its row count differs from the label count.</exception>
    public SupervisedDataset(DenseTensor<T> features, IReadOnlyList<int> labels)
        : this(features, [], labels)
    {
        ArgumentNullException.ThrowIfNull(features);
    }

    /// <summary>Creates a dataset of examples given as index tuples, optionally with dense features too (all copied).</summary>
    /// <param name="features">[P, d], or null.</param>
    /// <param name="indices">The index columns: column j holds the j-th index of every example (P entries each).</param>
    /// <param name="labels">P labels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/>, a column or <paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">No features and no columns, or the sizes disagree.</exception>
    public SupervisedDataset(DenseTensor<T>? features, IReadOnlyList<IReadOnlyList<int>> indices, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labels);
        if (features is null && indices.Count == 0)
        {
            throw new ArgumentException("A dataset needs dense features, index columns, or both.", nameof(indices));
        }

        if (features is not null && (features.Rank != 2 || features.Rows != labels.Count))
        {
            throw new ArgumentException($"features has shape {features.Shape}; it must be [{labels.Count}, d] for {labels.Count} labels.", nameof(features));
        }

        _indices = new int[indices.Count][];
        for (int j = 0; j < indices.Count; j++)
        {
            if (indices[j] is null)
            {
                throw new ArgumentNullException(nameof(indices), $"Index column {j} is null.");
            }

            if (indices[j].Count != labels.Count)
            {
                throw new ArgumentException($"Index column {j} has {indices[j].Count} entries; it must match the {labels.Count} labels.", nameof(indices));
            }

            _indices[j] = [.. indices[j]];
        }

        _features = features is null ? null : DenseTensor<T>.FromSpan(features.ReadOnlySpan, features.Shape.Dims);
        _featureWidth = features?.Columns ?? 0;
        _labels = [.. labels];
    }

    /// <summary>Takes the arrays as they are (a subset: possibly empty, so dense features may be null with a width).</summary>
    private SupervisedDataset(DenseTensor<T>? features, int featureWidth, int[][] indices, int[] labels)
    {
        _features = features;
        _featureWidth = featureWidth;
        _indices = indices;
        _labels = labels;
    }

    /// <summary>A dataset of index pairs (left[i], right[i]) with labels, e.g. the samples of a relation.</summary>
    /// <param name="left">First index of each pair.</param>
    /// <param name="right">Second index of each pair.</param>
    /// <param name="labels">The labels.</param>
    /// <returns>The dataset (two index columns, no features).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static SupervisedDataset<T> FromIndexPairs(IReadOnlyList<int> left, IReadOnlyList<int> right, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new SupervisedDataset<T>(null, [left, right], labels);
    }

    /// <summary>The number of examples P.</summary>
    public int Count => _labels.Length;

    /// <summary>The feature width d (0 without dense features).</summary>
    public int FeatureCount => _featureWidth;

    /// <summary>The number of index columns (2 for pairs).</summary>
    public int IndexColumnCount => _indices.Length;

    /// <summary>The dense features [P, d], or null without features or when empty (owned by the dataset: do not modify).</summary>
    public DenseTensor<T>? Features => _features;

    /// <summary>Index column <paramref name="column"/> (owned by the dataset: do not modify).</summary>
    /// <param name="column">In [0, <see cref="IndexColumnCount"/>).</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is out of range.</exception>
    public ReadOnlyMemory<int> IndexColumn(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _indices.Length);
        return _indices[column];
    }

    /// <summary>The labels (owned by the dataset: do not modify).</summary>
    public ReadOnlyMemory<int> Labels => _labels;

    /// <summary>The whole dataset as one batch (no copy; the same object on every call).</summary>
    /// <returns>The batch.</returns>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public SupervisedBatch<T> AsBatch()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("An empty dataset has no batch.");
        }

        return _whole ??= new SupervisedBatch<T>(_features, _indices.Select(c => (ReadOnlyMemory<int>)c).ToArray(), _labels);
    }

    /// <summary>The number of training examples for a fraction: round(fraction P), halves away from zero (0.75 of 900 is 675).</summary>
    /// <param name="trainingFraction">In [0, 1].</param>
    /// <returns>The training-set size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public int TrainingCount(double trainingFraction)
    {
        if (!(trainingFraction >= 0 && trainingFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainingFraction), trainingFraction, "Must be in [0, 1].");
        }

        return (int)Math.Round(trainingFraction * Count, MidpointRounding.AwayFromZero);
    }

    /// <summary>A uniformly random split: the examples are shuffled (Fisher-Yates), the first <see cref="TrainingCount"/> train, the rest test, both in shuffled order.</summary>
    /// <param name="trainingFraction">In [0, 1].</param>
    /// <param name="seed">Seed of the shuffle (seeds up to int.MaxValue give <c>new Random(seed)</c>).</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public SupervisedSplit<T> Split(double trainingFraction, ulong seed) => Split(trainingFraction, SeededRandom.Create(seed));

    /// <summary>A uniformly random split drawn from the caller's generator (one Fisher-Yates shuffle of the examples).</summary>
    /// <param name="trainingFraction">In [0, 1].</param>
    /// <param name="random">The generator; advanced by the shuffle.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainingFraction"/> is outside [0, 1] or NaN.</exception>
    public SupervisedSplit<T> Split(double trainingFraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int trainCount = TrainingCount(trainingFraction);
        int[] order = Enumerable.Range(0, Count).ToArray();
        random.Shuffle(order);
        return new SupervisedSplit<T>(Subset(order.AsSpan(0, trainCount)), Subset(order.AsSpan(trainCount)));
    }

    /// <summary>The examples at <paramref name="rows"/>, in that order (copied).</summary>
    /// <param name="rows">Example indices in [0, P); repeats allowed.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public SupervisedDataset<T> Subset(ReadOnlySpan<int> rows)
    {
        foreach (int r in rows)
        {
            if ((uint)r >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Row {r} is outside [0, {Count}).");
            }
        }

        var labels = new int[rows.Length];
        var columns = new int[_indices.Length][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new int[rows.Length];
        }

        DenseTensor<T>? features = _featureWidth > 0 && rows.Length > 0 ? DenseTensor<T>.Zeros(rows.Length, _featureWidth) : null;
        for (int i = 0; i < rows.Length; i++)
        {
            Gather(rows[i], i, labels, columns, features);
        }

        return new SupervisedDataset<T>(features, _featureWidth, columns, labels);
    }

    /// <summary>Full-batch training: every step sees the whole dataset (<see cref="IBatchSource{TBatch}.IsFullBatch"/> is true).</summary>
    /// <returns>A source returning <see cref="AsBatch"/> on every step.</returns>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public IBatchSource<SupervisedBatch<T>> FullBatches() => new FullBatchSource(AsBatch());

    /// <summary>
    /// Minibatches without replacement: each epoch is a fresh seeded shuffle of the examples cut into
    /// floor(P / <paramref name="batchSize"/>) full batches (the remainder is dropped).
    /// </summary>
    /// <param name="batchSize">In [1, P].</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <returns>The source; its batch object is reused and overwritten on every step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is outside [1, P].</exception>
    public IBatchSource<SupervisedBatch<T>> Minibatches(int batchSize, ulong seed) => Minibatches(batchSize, SeededRandom.Create(seed));

    /// <summary>Minibatches without replacement whose shuffles are drawn from the caller's generator (one shuffle per epoch).</summary>
    /// <param name="batchSize">In [1, P].</param>
    /// <param name="random">The generator.</param>
    /// <returns>The source; its batch object is reused and overwritten on every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is outside [1, P].</exception>
    public IBatchSource<SupervisedBatch<T>> Minibatches(int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, Count);
        return new MinibatchSource(this, batchSize, random);
    }

    private void Gather(int row, int slot, int[] labels, int[][] columns, DenseTensor<T>? features)
    {
        labels[slot] = _labels[row];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j][slot] = _indices[j][row];
        }

        if (features is not null)
        {
            int d = features.Columns;
            _features!.ReadOnlySpan.Slice(row * d, d).CopyTo(features.Span.Slice(slot * d, d));
        }
    }

    private sealed class FullBatchSource(SupervisedBatch<T> batch) : IBatchSource<SupervisedBatch<T>>
    {
        public int BatchesPerEpoch => 1;

        public bool IsFullBatch => true;

        public SupervisedBatch<T> Next() => batch;
    }

    private sealed class MinibatchSource : IBatchSource<SupervisedBatch<T>>
    {
        private readonly SupervisedDataset<T> _data;
        private readonly int[] _order;
        private readonly int[] _labels;
        private readonly int[][] _columns;
        private readonly DenseTensor<T>? _features;
        private readonly SupervisedBatch<T> _batch;
        private readonly Random _random;
        private int _position;

        public MinibatchSource(SupervisedDataset<T> data, int batchSize, Random random)
        {
            _data = data;
            _random = random;
            _order = Enumerable.Range(0, data.Count).ToArray();
            _labels = new int[batchSize];
            _columns = new int[data._indices.Length][];
            for (int j = 0; j < _columns.Length; j++)
            {
                _columns[j] = new int[batchSize];
            }

            _features = data._features is null ? null : DenseTensor<T>.Zeros(batchSize, data._features.Columns);
            _batch = new SupervisedBatch<T>(_features, _columns.Select(c => (ReadOnlyMemory<int>)c).ToArray(), _labels);
            _position = data.Count;
            BatchesPerEpoch = data.Count / batchSize;
        }

        public int BatchesPerEpoch { get; }

        public bool IsFullBatch => false;

        public SupervisedBatch<T> Next()
        {
            if (_position + _labels.Length > _order.Length)
            {
                _random.Shuffle(_order);
                _position = 0;
            }

            for (int i = 0; i < _labels.Length; i++)
            {
                _data.Gather(_order[_position + i], i, _labels, _columns, _features);
            }

            _position += _labels.Length;
            return _batch;
        }
    }
}
