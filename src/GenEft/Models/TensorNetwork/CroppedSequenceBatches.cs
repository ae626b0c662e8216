using GenEft.Models;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// The authors' scenario-A minibatches as an <see cref="IBatchSource{TBatch}"/>: each epoch the training sequences
/// are shuffled (<see cref="BinarySequenceSet.ShuffledBatches(int, Random, bool)"/>) and cut into batches; each batch
/// is cropped to one window of random length L uniform in [minLength, maxLength] from a random offset uniform in
/// [0, Length - L] (<see cref="BinarySequenceSet.RandomCrop(int, int, ISequenceTeacher, Random)"/>), with its labels
/// recomputed by the teacher on the crop. One generator drives shuffles and crops, so the same seed gives the same
/// batches.
/// </summary>
public sealed class CroppedSequenceBatches : IBatchSource<BinarySequenceSet>
{
    private readonly BinarySequenceSet _train;
    private readonly ISequenceTeacher _teacher;
    private readonly int _batchSize, _min, _max;
    private readonly bool _dropLast;
    private readonly Random _random;
    private IReadOnlyList<BinarySequenceSet> _epoch = [];
    private int _next;

    /// <summary>Creates the source.</summary>
    /// <param name="train">The training sequences (the paper: all 1024 of length 10).</param>
    /// <param name="teacher">The rule that labels each crop.</param>
    /// <param name="batchSize">Sequences per batch, at least 1 (the paper: 128).</param>
    /// <param name="minLength">The shortest crop, in 1..train.Length (the paper: 6).</param>
    /// <param name="maxLength">The longest crop, in minLength..train.Length (the paper: 10).</param>
    /// <param name="seed">Seed of the shuffles and crops.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/> (the authors' DataLoader does).</param>
    /// <exception cref="ArgumentNullException"><paramref name="train"/> or <paramref name="teacher"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside its range, or the set is empty.</exception>
    public CroppedSequenceBatches(BinarySequenceSet train, ISequenceTeacher teacher, int batchSize = 128, int minLength = 6, int maxLength = 10, ulong seed = 0, bool dropLast = true)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentOutOfRangeException.ThrowIfLessThan(train.Count, 1, nameof(train));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (dropLast && batchSize > train.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"With dropLast the batch size must be at most the set's {train.Count} sequences.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minLength, train.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, train.Length);
        _train = train;
        _teacher = teacher;
        _batchSize = batchSize;
        _min = minLength;
        _max = maxLength;
        _dropLast = dropLast;
        _random = SeededRandom.Create(seed);
        BatchesPerEpoch = dropLast ? train.Count / batchSize : (train.Count + batchSize - 1) / batchSize;
    }

    /// <inheritdoc/>
    public int BatchesPerEpoch { get; }

    /// <inheritdoc/>
    public bool IsFullBatch => false;

    /// <summary>The next cropped, relabelled batch; a new shuffle starts every <see cref="BatchesPerEpoch"/> batches.</summary>
    /// <returns>The batch.</returns>
    public BinarySequenceSet Next()
    {
        if (_next == _epoch.Count)
        {
            _epoch = _train.ShuffledBatches(_batchSize, _random, _dropLast);
            _next = 0;
        }

        return _epoch[_next++].RandomCrop(_min, _max, _teacher, _random);
    }
}
