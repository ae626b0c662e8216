using System.Numerics;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>
/// The relation-learning autoencoder of GenEFT Section II: an encoder that is a learnable embedding E_x in R^d per
/// element (<see cref="Encoder"/>), and a decoder MLP on the combined pair (concat, difference or squared
/// difference; tanh hidden layers) whose single output is the logit of P(R(x1, x2) = 1), trained with binary
/// cross-entropy on the logit. Built on <see cref="Tape{T}"/> and the <see cref="Nn"/> modules.
/// </summary>
/// <remarks>
/// Parameters, in <see cref="Module{T}.Parameters"/> order: "encoder.weight" [n, d], then "decoder.layerK.weight"
/// [out, in] and "decoder.layerK.bias" [out] per layer, then for <see cref="OutputHead.ProximityRelu"/>
/// "readout.weight" [1, 1] and "readout.bias" [1]. The model owns one tape, so an instance is not thread-safe:
/// use one per thread (a sweep runs one model per worker).
/// </remarks>
/// <remarks>
/// As an <see cref="ISupervisedModel{T, TBatch}"/> it takes <see cref="SupervisedBatch{T}"/>es with two index
/// columns (the pair) and 0/1 labels, reports the mean BCE and the number of pairs classified right (predicted 1 iff
/// the logit is positive), and has two parameter groups, "encoder" and "decoder".
/// </remarks>
/// <typeparam name="T">float for training speed, double for gradient checks.</typeparam>
public sealed class RelationAutoencoder<T> : Module<T>, ISupervisedModel<T, SupervisedBatch<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _stagedLeft = [], _stagedRight = [];
    private readonly Tape<T> _tape = new();
    private readonly Dictionary<int, DenseTensor<T>> _targets = [];
    private readonly Dictionary<int, Tape<T>> _inference = [];
    private readonly Linear<T>? _readout;
    private ModelParameterGroup<T>[]? _groups;

    /// <summary>Creates a model with freshly initialized parameters.</summary>
    /// <param name="config">The shape; null means the Table 3 defaults.</param>
    /// <param name="seed">
    /// Seed of the initialization: embeddings ~ N(0, 1) x <see cref="AutoencoderConfig.EmbeddingInitScale"/>, then the
    /// decoder layers as PyTorch's nn.Linear (U(±1/sqrt(fan in))) x <see cref="AutoencoderConfig.DecoderInitScale"/>.
    /// </param>
    public RelationAutoencoder(AutoencoderConfig? config = null, ulong seed = 0)
    {
        Config = config ?? new AutoencoderConfig();
        var random = SeededRandom.Create(seed);
        Encoder = RegisterModule("encoder", new Embedding<T>(Config.ElementCount, Config.EmbeddingDimension, EmbeddingInit.Normal, Config.EmbeddingInitScale, random));
        Decoder = RegisterModule("decoder", new Mlp<T>(Config.DecoderInputWidth, Config.DecoderWidth, Config.DecoderDepth, 1, Config.Activation, random));
        if (Config.DecoderInitScale != 1)
        {
            T scale = T.CreateChecked(Config.DecoderInitScale);
            foreach (var p in Decoder.Parameters())
            {
                TensorPrimitives.Multiply(p.Value.Span, scale, p.Value.Span);
            }
        }

        if (Config.Head == OutputHead.ProximityRelu)
        {
            // logit = 10 ReLU(0.1 - z) - 0.5: "related" iff z < 0.05 at the start (see OutputHead.ProximityRelu).
            _readout = RegisterModule("readout", new Linear<T>(1, 1, random));
            _readout.Weight.Value.Span[0] = T.CreateChecked(10.0);
            _readout.Bias!.Value.Span[0] = T.CreateChecked(-0.5);
        }
    }

    /// <summary>The model's shape.</summary>
    public AutoencoderConfig Config { get; }

    /// <summary>The encoder: one learned row E_x per element.</summary>
    public Embedding<T> Encoder { get; }

    /// <summary>The decoder MLP (its output is the logit, or z for the ReLU(0.1 - z) head).</summary>
    public Mlp<T> Decoder { get; }

    /// <summary>The learned embeddings, [n, d] (live: row x is E_x; copy it to keep a snapshot).</summary>
    public DenseTensor<T> Embeddings => Encoder.Weight.Value;

    /// <summary>The encoder's parameters (the embedding table): one optimizer group.</summary>
    public IReadOnlyList<Parameter<T>> EncoderParameters => Encoder.Parameters();

    /// <summary>The decoder's parameters (MLP and, if any, the readout): the other optimizer group.</summary>
    public IReadOnlyList<Parameter<T>> DecoderParameters => Parameters().Skip(1).ToArray();

    /// <summary>Two groups: "encoder" (<see cref="EncoderParameters"/>) and "decoder" (<see cref="DecoderParameters"/>), in that order.</summary>
    public IReadOnlyList<ModelParameterGroup<T>> ParameterGroups =>
        _groups ??= [new ModelParameterGroup<T>("encoder", EncoderParameters), new ModelParameterGroup<T>("decoder", DecoderParameters)];

    /// <summary>
    /// Mean BCE on the batch's pairs (index columns 0 and 1, labels 0/1), its gradient in every
    /// <see cref="Parameter{T}.Grad"/> (overwritten), and the number of pairs the same forward pass classifies right.
    /// </summary>
    /// <param name="batch">Two index columns in [0, n), labels 0 or 1.</param>
    /// <returns>Loss, correct pairs, pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException">The batch does not have exactly two index columns, an index is out of range, or a label is not 0 or 1.</exception>
    public BatchEvaluation ComputeGradients(SupervisedBatch<T> batch)
    {
        var (left, right, labels) = Pairs(batch);
        double loss = Run(left, right, labels.Span, backward: true, out int correct);
        return new BatchEvaluation(loss, correct, labels.Length);
    }

    /// <summary>Mean BCE and correct pairs on the batch, on an inference tape (no gradients; parameters and gradients untouched).</summary>
    /// <param name="batch">Two index columns in [0, n), labels 0 or 1.</param>
    /// <returns>Loss, correct pairs, pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException">The batch does not have exactly two index columns, an index is out of range, or a label is not 0 or 1.</exception>
    public BatchEvaluation Evaluate(SupervisedBatch<T> batch)
    {
        var (left, right, labels) = Pairs(batch);
        double loss = Infer(left, right, labels.Span, out int correct);
        return new BatchEvaluation(loss, correct, labels.Length);
    }

    /// <summary>
    /// Records the forward pass on <paramref name="tape"/>: the logits of P(R(left[i], right[i]) = 1), [pairs, 1].
    /// No validation beyond the ops' own (indices out of range throw from the gather).
    /// </summary>
    /// <param name="tape">The tape of the current step.</param>
    /// <param name="left">First element of each pair; referenced until backward.</param>
    /// <param name="right">Second element of each pair; same length.</param>
    /// <returns>The logits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tape"/> is null.</exception>
    /// <exception cref="ArgumentException">The index lists are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Var<T> Forward(Tape<T> tape, ReadOnlyMemory<int> left, ReadOnlyMemory<int> right)
    {
        ArgumentNullException.ThrowIfNull(tape);
        if (right.Length != left.Length)
        {
            throw new ArgumentException($"right has length {right.Length}; it must match left ({left.Length}).", nameof(right));
        }

        var x1 = Encoder.Forward(tape, left);
        var x2 = Encoder.Forward(tape, right);
        var input = Config.Combine switch
        {
            CombineMode.Concat => Ops.Concat(x1, x2),
            CombineMode.Difference => x1 - x2,
            _ => Ops.Square(x1 - x2),
        };
        var output = Decoder.Forward(input);
        return _readout is null ? output : _readout.Forward(Ops.ReluAffine(output, -T.One, T.CreateChecked(0.1)));
    }

    /// <summary>
    /// Flush subnormal gradients to zero in the training passes (<see cref="Tape{T}.FlushSubnormals"/>: the loss
    /// gradient and the tanh backward, g ← 0 where |g| is below the smallest normal number). Default false. The
    /// forward pass, and so the loss, accuracy and predictions at given parameters, is the same either way.
    /// </summary>
    public bool FlushSubnormals
    {
        get => _tape.FlushSubnormals;
        set => _tape.FlushSubnormals = value;
    }

    /// <summary>
    /// Mean binary cross-entropy of the logits on the given pairs, and its gradient with respect to every parameter
    /// (each <see cref="Parameter{T}.Grad"/> is overwritten).
    /// </summary>
    /// <param name="left">First element of each pair, in [0, n).</param>
    /// <param name="right">Second element of each pair, in [0, n); same length.</param>
    /// <param name="labels">R(left, right) of each pair, 0 or 1; same length, at least 1.</param>
    /// <returns>The mean loss (NaN or infinite if the parameters diverged).</returns>
    /// <exception cref="ArgumentException">The lengths differ or are 0, an index is out of range, or a label is not 0 or 1.</exception>
    public double ComputeGradients(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        var (l, r) = Stage(left, right);
        return Run(l, r, labels, backward: true, out _);
    }

    /// <summary>Mean binary cross-entropy of the logits on the given pairs (no gradients).</summary>
    /// <param name="left">First elements.</param>
    /// <param name="right">Second elements.</param>
    /// <param name="labels">Labels 0 or 1.</param>
    /// <returns>The mean loss.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ComputeGradients(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</exception>
    public double Loss(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        var (l, r) = Stage(left, right);
        return Infer(l, r, labels, out _);
    }

    /// <summary>How many pairs are classified correctly (predicted 1 iff the logit is positive).</summary>
    /// <param name="left">First elements.</param>
    /// <param name="right">Second elements.</param>
    /// <param name="labels">Labels 0 or 1.</param>
    /// <returns>The number of correct predictions.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ComputeGradients(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</exception>
    public int CountCorrect(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        var (l, r) = Stage(left, right);
        Infer(l, r, labels, out int correct);
        return correct;
    }

    /// <summary>The logits of P(R(left[i], right[i]) = 1) for each pair.</summary>
    /// <param name="left">First elements, in [0, n).</param>
    /// <param name="right">Second elements, in [0, n); same length.</param>
    /// <param name="logits">Receives one logit per pair; same length.</param>
    /// <exception cref="ArgumentException">The lengths differ or are 0, or an index is out of range.</exception>
    public void PredictLogits(ReadOnlySpan<int> left, ReadOnlySpan<int> right, Span<T> logits)
    {
        Validate(left, right, default, requireLabels: false);
        if (logits.Length != left.Length)
        {
            throw new ArgumentException($"logits has length {logits.Length}; it must match the {left.Length} pairs.", nameof(logits));
        }

        var (l, r) = Stage(left, right);
        var tape = InferenceTape(left.Length);
        tape.Reset();
        Forward(tape, l, r).Value.ReadOnlySpan.CopyTo(logits);
    }

    /// <summary>P(R(x1, x2) = 1) as the model sees it: the sigmoid of the logit.</summary>
    /// <param name="x1">First element, in [0, n).</param>
    /// <param name="x2">Second element, in [0, n).</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An element is out of range.</exception>
    public T PredictProbability(int x1, int x2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x1, Config.ElementCount);
        ArgumentOutOfRangeException.ThrowIfNegative(x2);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x2, Config.ElementCount);
        Span<T> logit = stackalloc T[1];
        PredictLogits(new[] { x1 }, new[] { x2 }, logit);
        return T.One / (T.One + T.Exp(-logit[0]));
    }

    /// <summary>Writes the configuration and all parameters (bit-exact, via <see cref="ParameterStore"/>) to a stream.</summary>
    /// <param name="stream">A writable stream (left open).</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream) => AutoencoderSerializer.Save(this, stream);

    /// <summary>Reads a model written by <see cref="Save"/> with the same element type.</summary>
    /// <param name="stream">A readable stream (left open).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream does not hold a saved autoencoder.</exception>
    public static RelationAutoencoder<T> Load(Stream stream) => AutoencoderSerializer.Load<T>(stream);

    /// <summary>One step's forward (and optionally backward) pass without validation: the training loop's hot path.</summary>
    internal double Run(ReadOnlyMemory<int> left, ReadOnlyMemory<int> right, ReadOnlySpan<int> labels, bool backward, out int correct)
    {
        _tape.Reset();
        var logits = Forward(_tape, left, right);
        var loss = Ops.BinaryCrossEntropyWithLogits(logits, Targets(labels));
        correct = CountCorrect(logits.Value.ReadOnlySpan, labels);
        if (backward)
        {
            ZeroGrad();
            _tape.Backward(loss);
        }

        return double.CreateTruncating(loss.Value.ReadOnlySpan[0]);
    }

    /// <summary>
    /// Copies a call's index spans into the model's own buffers, so the span overloads accept arrays, collection
    /// expressions and stack memory while the tape (which references its indices until backward) sees stable memory.
    /// </summary>
    private (ReadOnlyMemory<int> Left, ReadOnlyMemory<int> Right) Stage(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        if (_stagedLeft.Length < left.Length)
        {
            _stagedLeft = new int[left.Length];
            _stagedRight = new int[left.Length];
        }

        left.CopyTo(_stagedLeft);
        right.CopyTo(_stagedRight);
        return (_stagedLeft.AsMemory(0, left.Length), _stagedRight.AsMemory(0, right.Length));
    }

    /// <summary>The forward pass and loss on an inference tape (one per batch size, so sizes do not evict each other's buffers).</summary>
    private double Infer(ReadOnlyMemory<int> left, ReadOnlyMemory<int> right, ReadOnlySpan<int> labels, out int correct)
    {
        var tape = InferenceTape(left.Length);
        tape.Reset();
        var logits = Forward(tape, left, right);
        var loss = Ops.BinaryCrossEntropyWithLogits(logits, Targets(labels));
        correct = CountCorrect(logits.Value.ReadOnlySpan, labels);
        return double.CreateTruncating(loss.Value.ReadOnlySpan[0]);
    }

    private Tape<T> InferenceTape(int pairs)
    {
        if (!_inference.TryGetValue(pairs, out var tape))
        {
            tape = Tape<T>.ForInference();
            _inference[pairs] = tape;
        }

        return tape;
    }

    /// <summary>Pairs predicted 1 iff the logit is positive, compared with the labels.</summary>
    private static int CountCorrect(ReadOnlySpan<T> z, ReadOnlySpan<int> labels)
    {
        int correct = 0;
        for (int i = 0; i < z.Length; i++)
        {
            if ((z[i] > T.Zero) == (labels[i] != 0))
            {
                correct++;
            }
        }

        return correct;
    }

    private (ReadOnlyMemory<int> Left, ReadOnlyMemory<int> Right, ReadOnlyMemory<int> Labels) Pairs(SupervisedBatch<T> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Indices.Count != 2)
        {
            throw new ArgumentException($"The autoencoder needs batches of pairs (two index columns); this one has {batch.Indices.Count}.", nameof(batch));
        }

        var (left, right, labels) = (batch.Indices[0], batch.Indices[1], batch.Labels);
        Validate(left.Span, right.Span, labels.Span, requireLabels: true);
        return (left, right, labels);
    }

    private DenseTensor<T> Targets(ReadOnlySpan<int> labels)
    {
        // One target tensor per batch size, refilled each call (a copy of 675 labels costs nothing next to the step).
        if (!_targets.TryGetValue(labels.Length, out var targets))
        {
            targets = DenseTensor<T>.Zeros(labels.Length, 1);
            _targets[labels.Length] = targets;
        }

        Span<T> t = targets.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            t[i] = labels[i] != 0 ? T.One : T.Zero;
        }

        return targets;
    }

    private void Validate(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels, bool requireLabels)
    {
        if (left.Length == 0)
        {
            throw new ArgumentException("At least one pair is needed.", nameof(left));
        }

        if (right.Length != left.Length)
        {
            throw new ArgumentException($"right has length {right.Length}; it must match left ({left.Length}).", nameof(right));
        }

        if (requireLabels && labels.Length != left.Length)
        {
            throw new ArgumentException($"labels has length {labels.Length}; it must match left ({left.Length}).", nameof(labels));
        }

        int n = Config.ElementCount;
        for (int i = 0; i < left.Length; i++)
        {
            if ((uint)left[i] >= (uint)n)
            {
                throw new ArgumentException($"left[{i}] = {left[i]} is outside [0, {n}).", nameof(left));
            }

            if ((uint)right[i] >= (uint)n)
            {
                throw new ArgumentException($"right[{i}] = {right[i]} is outside [0, {n}).", nameof(right));
            }

            if (requireLabels && labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is not 0 or 1.", nameof(labels));
            }
        }
    }
}
