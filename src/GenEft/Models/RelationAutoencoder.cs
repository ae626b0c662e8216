using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>
/// The relation-learning autoencoder of GenEFT Section II: an encoder that is a learnable embedding E_x in R^d per
/// element, and a decoder MLP on the combined pair (concat, difference or squared difference; tanh hidden layers)
/// whose single output is the logit of P(R(x1, x2) = 1), trained with binary cross-entropy on the logit.
/// </summary>
/// <remarks>
/// Forward and backward are written out by hand over the tensor kernel (one fused pass per batch, buffers reused),
/// which is what the many small runs of a phase diagram need; the gradients are tested against finite differences.
/// Instances are not thread-safe: use one per thread (a sweep runs one model per worker).
/// </remarks>
/// <typeparam name="T">float for training speed, double for checks.</typeparam>
public sealed class RelationAutoencoder<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DenseLayer<T>[] _layers;
    private readonly Dictionary<int, AutoencoderWorkspace<T>> _workspaces = [];
    private readonly Tensor<T>[] _parameters;
    private readonly Tensor<T>[] _gradients;

    /// <summary>Creates a model with freshly initialized parameters.</summary>
    /// <param name="config">The shape; null means the Table 3 defaults.</param>
    /// <param name="seed">Seed of the initialization (embeddings ~ N(0, 1) x scale; decoder ~ U(±1/sqrt(fan in)) x scale).</param>
    public RelationAutoencoder(AutoencoderConfig? config = null, int seed = 0)
        : this(config ?? new AutoencoderConfig())
    {
        Initialize(new Random(seed));
    }

    private RelationAutoencoder(AutoencoderConfig config)
    {
        Config = config;
        Embeddings = Tensor<T>.Zeros(config.ElementCount, config.EmbeddingDimension);
        EmbeddingGradient = Tensor<T>.Zeros(config.ElementCount, config.EmbeddingDimension);
        var layers = new List<DenseLayer<T>>();
        int width = config.DecoderInputWidth;
        var hidden = config.Activation == DecoderActivation.Tanh ? LayerActivation.Tanh : LayerActivation.Relu;
        for (int l = 0; l < config.DecoderDepth; l++)
        {
            layers.Add(new DenseLayer<T>(width, config.DecoderWidth, hidden));
            width = config.DecoderWidth;
        }

        if (config.Head == OutputHead.Linear)
        {
            layers.Add(new DenseLayer<T>(width, 1, LayerActivation.Identity));
        }
        else
        {
            layers.Add(new DenseLayer<T>(width, 1, LayerActivation.ProximityRelu));
            layers.Add(new DenseLayer<T>(1, 1, LayerActivation.Identity));
        }

        _layers = [.. layers];
        _parameters = [Embeddings, .. _layers.SelectMany(l => new[] { l.Weight, l.Bias })];
        _gradients = [EmbeddingGradient, .. _layers.SelectMany(l => new[] { l.WeightGradient, l.BiasGradient })];
    }

    /// <summary>The model's shape.</summary>
    public AutoencoderConfig Config { get; }

    /// <summary>The learned embeddings, [n, d] (live: row x is E_x; copy it to keep a snapshot).</summary>
    public Tensor<T> Embeddings { get; }

    /// <summary>The gradient of the last <see cref="ComputeGradients"/> with respect to <see cref="Embeddings"/>.</summary>
    public Tensor<T> EmbeddingGradient { get; }

    /// <summary>All learnable tensors: the embeddings first (the encoder), then each decoder layer's weight [in, out] and bias [1, out].</summary>
    public IReadOnlyList<Tensor<T>> Parameters => _parameters;

    /// <summary>The gradients of <see cref="Parameters"/>, same order and shapes, filled by <see cref="ComputeGradients"/>.</summary>
    public IReadOnlyList<Tensor<T>> Gradients => _gradients;

    /// <summary>How many of <see cref="Parameters"/> (from the start) belong to the encoder: 1, the embedding table.</summary>
    public int EncoderParameterCount => 1;

    /// <summary>
    /// Mean binary cross-entropy of the logits on the given pairs, and its gradient with respect to every parameter
    /// (overwriting <see cref="Gradients"/>).
    /// </summary>
    /// <param name="left">First element of each pair, in [0, n).</param>
    /// <param name="right">Second element of each pair, in [0, n); same length.</param>
    /// <param name="labels">R(left, right) of each pair, 0 or 1; same length, at least 1.</param>
    /// <returns>The mean loss (NaN or infinite if the parameters diverged).</returns>
    /// <exception cref="ArgumentException">The lengths differ or are 0, an index is out of range, or a label is not 0 or 1.</exception>
    public double ComputeGradients(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        return Run(left, right, labels, backward: true, out _);
    }

    /// <summary>Mean binary cross-entropy of the logits on the given pairs (no gradients).</summary>
    /// <param name="left">First elements.</param>
    /// <param name="right">Second elements.</param>
    /// <param name="labels">Labels 0 or 1.</param>
    /// <returns>The mean loss.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ComputeGradients"/>.</exception>
    public double Loss(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        return Run(left, right, labels, backward: false, out _);
    }

    /// <summary>How many pairs are classified correctly (predicted 1 iff the logit is positive).</summary>
    /// <param name="left">First elements.</param>
    /// <param name="right">Second elements.</param>
    /// <param name="labels">Labels 0 or 1.</param>
    /// <returns>The number of correct predictions.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ComputeGradients"/>.</exception>
    public int CountCorrect(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels)
    {
        Validate(left, right, labels, requireLabels: true);
        Run(left, right, labels, backward: false, out int correct);
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

        var w = Forward(left, right);
        w.Logits.ReadOnlySpan.CopyTo(logits);
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
        PredictLogits([x1], [x2], logit);
        return T.One / (T.One + T.Exp(-logit[0]));
    }

    /// <summary>Writes the configuration and all parameters (as doubles) to a stream.</summary>
    /// <param name="stream">A writable stream (left open).</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream) => AutoencoderSerializer.Save(this, stream);

    /// <summary>Reads a model written by <see cref="Save"/> (of any element type).</summary>
    /// <param name="stream">A readable stream (left open).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream does not hold a saved autoencoder.</exception>
    public static RelationAutoencoder<T> Load(Stream stream) => AutoencoderSerializer.Load<T>(stream, config => new RelationAutoencoder<T>(config));

    /// <summary>Forward (and optionally backward) pass without validation: the training loop's hot path.</summary>
    internal double Run(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<int> labels, bool backward, out int correct)
    {
        var w = Forward(left, right);
        ReadOnlySpan<T> logits = w.Logits.ReadOnlySpan;
        Span<T> dLogits = w.PreActivationGradients[^1].Span;
        double loss = 0;
        correct = 0;
        T scale = T.One / T.CreateChecked(left.Length);
        for (int i = 0; i < logits.Length; i++)
        {
            // Stable BCE on the logit z with label y: max(z, 0) - z y + log(1 + exp(-|z|)).
            T z = logits[i];
            bool positive = labels[i] != 0;
            T y = positive ? T.One : T.Zero;
            loss += double.CreateTruncating(T.Max(z, T.Zero) - (z * y) + T.Log(T.One + T.Exp(-T.Abs(z))));
            if ((z > T.Zero) == positive)
            {
                correct++;
            }

            dLogits[i] = ((T.One / (T.One + T.Exp(-z))) - y) * scale;
        }

        if (backward)
        {
            Backward(left, right, w);
        }

        return loss / left.Length;
    }

    private AutoencoderWorkspace<T> Workspace(int batch)
    {
        if (!_workspaces.TryGetValue(batch, out var w))
        {
            w = new AutoencoderWorkspace<T>(batch, Config.EmbeddingDimension, Config.DecoderInputWidth, _layers);
            _workspaces[batch] = w;
        }

        return w;
    }

    private AutoencoderWorkspace<T> Forward(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        var w = Workspace(left.Length);
        Tensor.GatherRows(Embeddings, left, w.Left);
        Tensor.GatherRows(Embeddings, right, w.Right);
        Combine(w);
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var a = w.PreActivations[l];
            ReadOnlySpan<T> bias = layer.Bias.ReadOnlySpan;
            Span<T> aSpan = a.Span;
            for (int r = 0; r < w.Batch; r++)
            {
                bias.CopyTo(aSpan.Slice(r * layer.Outputs, layer.Outputs));
            }

            Tensor.Gemm(T.One, w.LayerInput(l), false, layer.Weight, false, T.One, a);
            Activate(layer.Activation, a.ReadOnlySpan, w.Outputs[l].Span);
        }

        return w;
    }

    private void Combine(AutoencoderWorkspace<T> w)
    {
        int d = Config.EmbeddingDimension;
        ReadOnlySpan<T> x1 = w.Left.ReadOnlySpan, x2 = w.Right.ReadOnlySpan;
        Span<T> input = w.Input.Span;
        switch (Config.Combine)
        {
            case CombineMode.Concat:
                for (int r = 0; r < w.Batch; r++)
                {
                    x1.Slice(r * d, d).CopyTo(input.Slice(2 * r * d, d));
                    x2.Slice(r * d, d).CopyTo(input.Slice((2 * r * d) + d, d));
                }

                break;
            case CombineMode.Difference:
                TensorPrimitives.Subtract(x1, x2, input);
                break;
            default:
                TensorPrimitives.Subtract(x1, x2, input);
                TensorPrimitives.Multiply(input, input, input);
                break;
        }
    }

    private static void Activate(LayerActivation activation, ReadOnlySpan<T> a, Span<T> h)
    {
        switch (activation)
        {
            case LayerActivation.Tanh:
                FastTanh.Apply(a, h);
                break;
            case LayerActivation.Relu:
                TensorPrimitives.Max(a, T.Zero, h);
                break;
            case LayerActivation.ProximityRelu:
                T margin = T.CreateChecked(0.1);
                for (int i = 0; i < a.Length; i++)
                {
                    h[i] = T.Max(margin - a[i], T.Zero);
                }

                break;
            default:
                break;
        }
    }

    private void Backward(ReadOnlySpan<int> left, ReadOnlySpan<int> right, AutoencoderWorkspace<T> w)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var dA = w.PreActivationGradients[l];
            if (l < _layers.Length - 1)
            {
                ActivationBackward(layer.Activation, w.PreActivations[l].ReadOnlySpan, w.Outputs[l].ReadOnlySpan, w.OutputGradients[l].ReadOnlySpan, w.Scratch[l].Span, dA.Span);
            }

            // dW = inputᵀ dA, db = column sums of dA, d(input) = dA Wᵀ.
            Tensor.Gemm(T.One, w.LayerInput(l), true, dA, false, T.Zero, layer.WeightGradient);
            Span<T> db = layer.BiasGradient.Span;
            db.Clear();
            ReadOnlySpan<T> dASpan = dA.ReadOnlySpan;
            for (int r = 0; r < w.Batch; r++)
            {
                TensorPrimitives.Add(db, dASpan.Slice(r * layer.Outputs, layer.Outputs), db);
            }

            Tensor.Gemm(T.One, dA, false, layer.Weight, true, T.Zero, w.InputGradients[l]);
        }

        SplitInputGradient(w);
        EmbeddingGradient.Fill(T.Zero);
        Tensor.ScatterAddRows(w.LeftGradient, left, EmbeddingGradient);
        Tensor.ScatterAddRows(w.RightGradient, right, EmbeddingGradient);
    }

    private static void ActivationBackward(LayerActivation activation, ReadOnlySpan<T> a, ReadOnlySpan<T> h, ReadOnlySpan<T> dH, Span<T> scratch, Span<T> dA)
    {
        switch (activation)
        {
            case LayerActivation.Tanh:
                // d tanh = 1 - h^2, so dA = dH - dH h^2.
                TensorPrimitives.Multiply(h, h, scratch);
                TensorPrimitives.Multiply(scratch, dH, scratch);
                TensorPrimitives.Subtract(dH, scratch, dA);
                break;
            case LayerActivation.Relu:
                for (int i = 0; i < a.Length; i++)
                {
                    dA[i] = a[i] > T.Zero ? dH[i] : T.Zero;
                }

                break;
            case LayerActivation.ProximityRelu:
                T margin = T.CreateChecked(0.1);
                for (int i = 0; i < a.Length; i++)
                {
                    dA[i] = a[i] < margin ? -dH[i] : T.Zero;
                }

                break;
            default:
                dH.CopyTo(dA);
                break;
        }
    }

    private void SplitInputGradient(AutoencoderWorkspace<T> w)
    {
        int d = Config.EmbeddingDimension;
        ReadOnlySpan<T> dInput = w.InputGradient.ReadOnlySpan;
        Span<T> d1 = w.LeftGradient.Span, d2 = w.RightGradient.Span;
        switch (Config.Combine)
        {
            case CombineMode.Concat:
                for (int r = 0; r < w.Batch; r++)
                {
                    dInput.Slice(2 * r * d, d).CopyTo(d1.Slice(r * d, d));
                    dInput.Slice((2 * r * d) + d, d).CopyTo(d2.Slice(r * d, d));
                }

                break;
            case CombineMode.Difference:
                dInput.CopyTo(d1);
                TensorPrimitives.Negate(dInput, d2);
                break;
            default:
                // u = x1 - x2, input = u^2: d x1 = 2 u d(input), d x2 = -d x1.
                TensorPrimitives.Subtract(w.Left.ReadOnlySpan, w.Right.ReadOnlySpan, d1);
                TensorPrimitives.Multiply(d1, dInput, d1);
                TensorPrimitives.Multiply(d1, T.CreateChecked(2), d1);
                TensorPrimitives.Negate(d1, d2);
                break;
        }
    }

    private void Initialize(Random random)
    {
        T embeddingScale = T.CreateChecked(Config.EmbeddingInitScale);
        Span<T> e = Embeddings.Span;
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = T.CreateChecked(StandardNormal(random)) * embeddingScale;
        }

        foreach (var layer in _layers)
        {
            double bound = Config.DecoderInitScale / Math.Sqrt(layer.Inputs);
            if (layer.Activation == LayerActivation.Identity && layer.Inputs == 1 && Config.Head == OutputHead.ProximityRelu && layer == _layers[^1])
            {
                // The readout of the ReLU(0.1 - z) head: logit = 10 q - 0.5, i.e. "related" iff z < 0.05 at the start.
                layer.Weight.Span[0] = T.CreateChecked(10.0);
                layer.Bias.Span[0] = T.CreateChecked(-0.5);
                continue;
            }

            foreach (var tensor in new[] { layer.Weight, layer.Bias })
            {
                Span<T> s = tensor.Span;
                for (int i = 0; i < s.Length; i++)
                {
                    s[i] = T.CreateChecked(bound * ((2 * random.NextDouble()) - 1));
                }
            }
        }
    }

    private static double StandardNormal(Random random)
    {
        // Box-Muller on (0, 1]: one draw per call keeps the sequence simple to reproduce.
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
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
