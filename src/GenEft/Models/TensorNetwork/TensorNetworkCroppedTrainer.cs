using System.Numerics;
using GenEft.Models;
using GenEft.Nn;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// The authors' scenario-A epoch: the training sequences are shuffled and cut into batches; each batch is cropped to a
/// random length L uniform in [minLength, maxLength] from a random offset uniform in [0, length - L] (one crop per
/// batch), its labels are recomputed by the labeler on the crop, and the optimizer takes one step on the batch's mean loss.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TensorNetworkCroppedTrainer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly TensorNetworkAttention<T> _model;
    private readonly Optimizer<T> _optimizer;
    private readonly byte[] _sequences;
    private readonly int _count, _length, _batch, _min, _max;
    private readonly TensorNetworkSequenceLabeler _labeler;
    private readonly Random _random;
    private readonly int[] _order;
    private readonly byte[] _x, _y;

    /// <summary>Creates the trainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="optimizer">The optimizer over the model's parameters (for example <see cref="Adam{T}"/> with lr 5e-3).</param>
    /// <param name="sequences">The training sequences, row-major [count, length], 0/1 (copied).</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <param name="labeler">Computes the labels of a crop.</param>
    /// <param name="batchSize">Sequences per batch, at least 1 (the last batch may be smaller).</param>
    /// <param name="minLength">The shortest crop, in [1, length].</param>
    /// <param name="maxLength">The longest crop, in [minLength, length].</param>
    /// <param name="seed">Seed of the shuffles and crops.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of its range, or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="sequences"/> is not count x length bytes.</exception>
    public TensorNetworkCroppedTrainer(TensorNetworkAttention<T> model, Optimizer<T> optimizer, ReadOnlySpan<byte> sequences, int count, TensorNetworkSequenceLabeler labeler, int batchSize = 128, int minLength = 6, int maxLength = 10, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(labeler);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (sequences.Length == 0 || sequences.Length % count != 0)
        {
            throw new ArgumentException($"sequences must hold count x length bytes (count = {count}); got {sequences.Length}.", nameof(sequences));
        }

        int bad = sequences.IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sequences), sequences[bad], $"Every element must be 0 or 1; element {bad} is {sequences[bad]}.");
        }

        _length = sequences.Length / count;
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minLength, _length);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, _length);
        _model = model;
        _optimizer = optimizer;
        _sequences = sequences.ToArray();
        _count = count;
        _labeler = labeler;
        _batch = batchSize;
        _min = minLength;
        _max = maxLength;
        _random = SeededRandom.Create(seed);
        _order = Enumerable.Range(0, count).ToArray();
        _x = new byte[Math.Min(batchSize, count) * maxLength];
        _y = new byte[_x.Length];
    }

    /// <summary>Runs one epoch.</summary>
    /// <returns>The mean over batches of the batch loss (before each step).</returns>
    public double RunEpoch()
    {
        _random.Shuffle(_order);
        double sum = 0;
        int batches = 0;
        for (int start = 0; start < _count; start += _batch)
        {
            int n = Math.Min(_batch, _count - start);
            int crop = _random.Next(_min, _max + 1);
            int offset = _random.Next(0, _length - crop + 1);
            for (int p = 0; p < n; p++)
            {
                _sequences.AsSpan((_order[start + p] * _length) + offset, crop).CopyTo(_x.AsSpan(p * crop, crop));
            }

            var x = _x.AsSpan(0, n * crop);
            var y = _y.AsSpan(0, n * crop);
            _labeler(x, n, y);
            sum += _model.ComputeGradients(x, y, n).Loss;
            _optimizer.Step();
            batches++;
        }

        return sum / batches;
    }
}
