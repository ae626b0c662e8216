namespace GenEft.Models.TensorNetwork;

/// <summary>
/// A set of 0/1 input sequences of one length M with their teacher's labels: <see cref="Inputs"/> and
/// <see cref="Labels"/> are row-major [<see cref="Count"/>, <see cref="Length"/>] (sequence s, position i at
/// s M + i). Build it with <see cref="All"/> (all 2^M sequences), <see cref="Random(int, int, ISequenceTeacher, ulong)"/>,
/// <see cref="LongTest"/> or <see cref="FromInputs"/>; derive training batches with
/// <see cref="ShuffledBatches(int, Random, bool)"/> and <see cref="RandomCrop(int, int, ISequenceTeacher, Random)"/>.
/// The set does not change after construction.
/// </summary>
public sealed class BinarySequenceSet
{
    /// <summary>The largest M of <see cref="All"/> (2^20 sequences of 20 bits: 20 MiB of inputs and as much of labels).</summary>
    public const int MaxAllLength = 20;

    /// <summary>The count of the default long test set.</summary>
    public const int DefaultLongTestCount = 1000;

    /// <summary>The length of the default long test set.</summary>
    public const int DefaultLongTestLength = 1000;

    private readonly byte[] inputs;
    private readonly byte[] labels;

    /// <summary>Creates a set from given inputs and labels (both copied).</summary>
    /// <param name="inputs">Input bits (0 or 1), row-major [count, length].</param>
    /// <param name="labels">Label bits (0 or 1), row-major [count, length].</param>
    /// <param name="length">M, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are not a multiple of <paramref name="length"/>, or a byte is neither 0 nor 1.</exception>
    public BinarySequenceSet(ReadOnlyMemory<byte> inputs, ReadOnlyMemory<byte> labels, int length)
    {
        SequenceArguments.CheckBatch(inputs.Span, length, labels.Length, nameof(inputs), nameof(labels));
        SequenceArguments.ThrowIfNotBits(labels.Span, nameof(labels));
        this.inputs = inputs.ToArray();
        this.labels = labels.ToArray();
        Length = length;
        Count = this.inputs.Length / length;
    }

    private BinarySequenceSet(byte[] inputs, byte[] labels, int length, int count)
    {
        this.inputs = inputs;
        this.labels = labels;
        Length = length;
        Count = count;
    }

    /// <summary>The number of sequences.</summary>
    public int Count { get; }

    /// <summary>M, the length of every sequence.</summary>
    public int Length { get; }

    /// <summary>The input bits, row-major [Count, Length].</summary>
    public ReadOnlyMemory<byte> Inputs => inputs;

    /// <summary>The label bits, row-major [Count, Length].</summary>
    public ReadOnlyMemory<byte> Labels => labels;

    /// <summary>
    /// All 2^M sequences of length M, labelled by <paramref name="teacher"/>. Sequence s (0 &lt;= s &lt; 2^M) is the
    /// binary expansion of s with the FIRST position the most significant bit: x_i = (s &gt;&gt; (M - 1 - i)) &amp; 1
    /// for i = 0..M-1 (so s = 1 is 0...01 and s = 2^(M-1) is 10...0).
    /// </summary>
    /// <param name="length">M, 1..<see cref="MaxAllLength"/>.</param>
    /// <param name="teacher">The rule giving the labels.</param>
    /// <returns>The set of 2^M sequences.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is outside 1..<see cref="MaxAllLength"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public static BinarySequenceSet All(int length, ISequenceTeacher teacher)
    {
        if (length is < 1 or > MaxAllLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be in 1..{MaxAllLength} for all 2^length sequences.");
        }

        ArgumentNullException.ThrowIfNull(teacher);
        int count = 1 << length;
        var x = new byte[count * length];
        for (int s = 0; s < count; s++)
        {
            int row = s * length;
            for (int i = 0; i < length; i++)
            {
                x[row + i] = (byte)((s >> (length - 1 - i)) & 1);
            }
        }

        return Labelled(x, length, count, teacher);
    }

    /// <summary>
    /// <paramref name="count"/> sequences of length <paramref name="length"/> with independent fair bits, labelled by
    /// <paramref name="teacher"/>. The same seed gives the same set.
    /// </summary>
    /// <param name="count">The number of sequences, at least 0.</param>
    /// <param name="length">M, at least 1; count x length at most <see cref="Array.MaxLength"/>.</param>
    /// <param name="teacher">The rule giving the labels.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, <paramref name="length"/> is less than 1, or count x length is too large.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public static BinarySequenceSet Random(int count, int length, ISequenceTeacher teacher, ulong seed)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 0.");
        }

        SequenceArguments.ThrowIfBadLength(length, nameof(length));
        if ((long)count * length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count x length must be at most {Array.MaxLength}; it is {(long)count * length}.");
        }

        ArgumentNullException.ThrowIfNull(teacher);
        var x = new byte[count * length];
        var random = SeededRandom.Create(seed);
        random.NextBytes(x);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] &= 1;
        }

        return Labelled(x, length, count, teacher);
    }

    /// <summary>The long test set of the tensor-network experiments: random sequences, by default 1000 of length 1000.</summary>
    /// <param name="teacher">The rule giving the labels.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="count">The number of sequences, at least 0.</param>
    /// <param name="length">M, at least 1.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public static BinarySequenceSet LongTest(ISequenceTeacher teacher, ulong seed, int count = DefaultLongTestCount, int length = DefaultLongTestLength)
        => Random(count, length, teacher, seed);

    /// <summary>Given inputs (copied), labelled by <paramref name="teacher"/>.</summary>
    /// <param name="inputs">Input bits (0 or 1), row-major [count, length].</param>
    /// <param name="length">M, at least 1.</param>
    /// <param name="teacher">The rule giving the labels.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The input length is not a multiple of <paramref name="length"/> or a byte is neither 0 nor 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public static BinarySequenceSet FromInputs(ReadOnlyMemory<byte> inputs, int length, ISequenceTeacher teacher)
    {
        SequenceArguments.CheckBatch(inputs.Span, length, inputs.Length, nameof(inputs), nameof(inputs));
        ArgumentNullException.ThrowIfNull(teacher);
        return Labelled(inputs.ToArray(), length, inputs.Length / length, teacher);
    }

    /// <summary>The sequences <paramref name="rows"/> (in that order, repeats allowed) with their labels.</summary>
    /// <param name="rows">Row indices, each in 0..Count-1.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row index is outside 0..Count-1.</exception>
    public BinarySequenceSet Select(ReadOnlySpan<int> rows)
    {
        var x = new byte[rows.Length * Length];
        var y = new byte[rows.Length * Length];
        for (int j = 0; j < rows.Length; j++)
        {
            int r = rows[j];
            if ((uint)r >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"rows[{j}] must be in 0..{Count - 1}.");
            }

            inputs.AsSpan(r * Length, Length).CopyTo(x.AsSpan(j * Length));
            labels.AsSpan(r * Length, Length).CopyTo(y.AsSpan(j * Length));
        }

        return new BinarySequenceSet(x, y, Length, rows.Length);
    }

    /// <summary>
    /// One epoch of minibatches: the rows in a random order (Fisher-Yates from <paramref name="random"/>), cut into
    /// consecutive batches of <paramref name="batchSize"/>; the last batch holds the remaining Count mod batchSize
    /// rows unless <paramref name="dropLast"/>. Passing the same generator epoch after epoch gives a new order each
    /// time; the same seed, the same sequence of epochs.
    /// </summary>
    /// <param name="batchSize">Rows per batch, at least 1.</param>
    /// <param name="random">The generator (advanced by the shuffle).</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/>.</param>
    /// <returns>The batches (materialised at once).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public IReadOnlyList<BinarySequenceSet> ShuffledBatches(int batchSize, Random random, bool dropLast = false)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(random);
        int[] order = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            order[i] = i;
        }

        for (int i = Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var batches = new List<BinarySequenceSet>((Count + batchSize - 1) / batchSize);
        for (int start = 0; start < Count; start += batchSize)
        {
            int size = Math.Min(batchSize, Count - start);
            if (size < batchSize && dropLast)
            {
                break;
            }

            batches.Add(Select(order.AsSpan(start, size)));
        }

        return batches;
    }

    /// <summary>One epoch of minibatches from a new generator seeded with <paramref name="seed"/>; see <see cref="ShuffledBatches(int, Random, bool)"/>.</summary>
    /// <param name="batchSize">Rows per batch, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/>.</param>
    /// <returns>The batches.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public IReadOnlyList<BinarySequenceSet> ShuffledBatches(int batchSize, ulong seed, bool dropLast = false)
        => ShuffledBatches(batchSize, SeededRandom.Create(seed), dropLast);

    /// <summary>
    /// The whole set cropped to one random window: a length L uniform in [<paramref name="minLength"/>,
    /// <paramref name="maxLength"/>] and an offset o uniform in [0, Length - L], the same for every row (x'_i =
    /// x_(o+i), i = 0..L-1). The labels are RECOMPUTED by <paramref name="teacher"/> on the cropped inputs (with its
    /// boundary at the crop's ends), not cut out of <see cref="Labels"/>: at the crop's edges the two differ.
    /// </summary>
    /// <param name="minLength">The shortest crop, in 1..Length.</param>
    /// <param name="maxLength">The longest crop, in minLength..Length.</param>
    /// <param name="teacher">The rule giving the crop's labels.</param>
    /// <param name="random">The generator (two draws: L, then o).</param>
    /// <returns>The cropped set, Count rows of length L.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside its range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> or <paramref name="random"/> is null.</exception>
    public BinarySequenceSet RandomCrop(int minLength, int maxLength, ISequenceTeacher teacher, Random random)
    {
        if (minLength < 1 || minLength > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(minLength), minLength, $"minLength must be in 1..{Length} (the set's length).");
        }

        if (maxLength < minLength || maxLength > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be in minLength..Length = {minLength}..{Length}.");
        }

        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(random);
        int l = random.Next(minLength, maxLength + 1);
        int offset = random.Next(0, Length - l + 1);
        return Crop(offset, l, teacher);
    }

    /// <summary>A random crop from a new generator seeded with <paramref name="seed"/>; see <see cref="RandomCrop(int, int, ISequenceTeacher, Random)"/>.</summary>
    /// <param name="minLength">The shortest crop, in 1..Length.</param>
    /// <param name="maxLength">The longest crop, in minLength..Length.</param>
    /// <param name="teacher">The rule giving the crop's labels.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The cropped set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside its range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public BinarySequenceSet RandomCrop(int minLength, int maxLength, ISequenceTeacher teacher, ulong seed)
        => RandomCrop(minLength, maxLength, teacher, SeededRandom.Create(seed));

    /// <summary>The window x_(offset)..x_(offset+length-1) of every row, relabelled by <paramref name="teacher"/>.</summary>
    /// <param name="offset">The first position kept, in 0..Length-1.</param>
    /// <param name="length">The crop's length, in 1..Length-offset.</param>
    /// <param name="teacher">The rule giving the crop's labels.</param>
    /// <returns>The cropped set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="length"/> is outside its range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="teacher"/> is null.</exception>
    public BinarySequenceSet Crop(int offset, int length, ISequenceTeacher teacher)
    {
        if (offset < 0 || offset >= Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"offset must be in 0..{Length - 1}.");
        }

        if (length < 1 || length > Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be in 1..{Length - offset} (Length - offset).");
        }

        ArgumentNullException.ThrowIfNull(teacher);
        var x = new byte[Count * length];
        for (int s = 0; s < Count; s++)
        {
            inputs.AsSpan((s * Length) + offset, length).CopyTo(x.AsSpan(s * length));
        }

        return Labelled(x, length, Count, teacher);
    }

    /// <summary>The fraction of positions where <paramref name="predictions"/> differs from <see cref="Labels"/> (0 for an empty set).</summary>
    /// <param name="predictions">Predicted bits (0 or 1), row-major [Count, Length].</param>
    /// <returns>The error, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The length is not Count x Length or a byte is neither 0 nor 1.</exception>
    public double ErrorRate(ReadOnlySpan<byte> predictions)
    {
        CheckPredictions(predictions);
        return labels.Length == 0 ? 0 : (double)CountWrong(predictions) / labels.Length;
    }

    /// <summary>Whether every position of every sequence is predicted right ("zero test error"; true for an empty set).</summary>
    /// <param name="predictions">Predicted bits (0 or 1), row-major [Count, Length].</param>
    /// <returns>True when <paramref name="predictions"/> equals <see cref="Labels"/>.</returns>
    /// <exception cref="ArgumentException">The length is not Count x Length or a byte is neither 0 nor 1.</exception>
    public bool IsEveryPositionRight(ReadOnlySpan<byte> predictions)
    {
        CheckPredictions(predictions);
        return predictions.SequenceEqual(labels);
    }

    /// <summary>The fraction of sequences with at least one wrong position (0 for an empty set).</summary>
    /// <param name="predictions">Predicted bits (0 or 1), row-major [Count, Length].</param>
    /// <returns>The fraction, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The length is not Count x Length or a byte is neither 0 nor 1.</exception>
    public double SequenceErrorRate(ReadOnlySpan<byte> predictions)
    {
        CheckPredictions(predictions);
        if (Count == 0)
        {
            return 0;
        }

        int wrong = 0;
        for (int s = 0; s < Count; s++)
        {
            wrong += predictions.Slice(s * Length, Length).SequenceEqual(labels.AsSpan(s * Length, Length)) ? 0 : 1;
        }

        return (double)wrong / Count;
    }

    private static BinarySequenceSet Labelled(byte[] x, int length, int count, ISequenceTeacher teacher)
    {
        var y = new byte[x.Length];
        teacher.Apply(x, length, y);
        SequenceArguments.ThrowIfNotBits(y, "teacher labels");
        return new BinarySequenceSet(x, y, length, count);
    }

    private void CheckPredictions(ReadOnlySpan<byte> predictions)
    {
        if (predictions.Length != labels.Length)
        {
            throw new ArgumentException($"predictions has {predictions.Length} elements; it must have Count x Length = {labels.Length}.", nameof(predictions));
        }

        SequenceArguments.ThrowIfNotBits(predictions, nameof(predictions));
    }

    private long CountWrong(ReadOnlySpan<byte> predictions)
    {
        long wrong = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            wrong += predictions[i] ^ labels[i];
        }

        return wrong;
    }
}
