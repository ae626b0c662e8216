using System.Numerics;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// Uniform tensor-network attention for sequence-to-sequence learning of local rules on 0/1 sequences (Žunkovič and
/// Ilievski, Section 4). One attention tensor A [l, r, k] (d x d x 2, A(k) = A[:, :, k]) is shared by both contexts,
/// a classifier B [a, b, j] (B_j = B[:, :, j]):
/// H_L(0) = v_L, H_L(i) = n(H_L(i-1) A(x_(i-1))); H_R(M-1) = v_R, H_R(i) = n(A(x_(i+1)) H_R(i+1)), n(g) = g / |g|;
/// w_j(i) = H_L(i) B_j H_R(i), yhat_i = w_(x_i)(i); then the <see cref="TensorNetworkHead"/>.
/// </summary>
/// <remarks>
/// Batches are <c>count</c> sequences of one length M, row-major [count, M] bytes 0/1. The whole batch advances one
/// position at a time with SIMD vector-times-d x d products; the normalised contexts and norms are cached for the
/// hand-written backward. Parameters: "attention" [d, d, 2], "classifier" [d, d, 2], "scale" [1] (used by
/// <see cref="TensorNetworkHead.NormalizedSigmoid"/> only; its gradient is 0 for the linear head). Not thread-safe.
/// </remarks>
/// <typeparam name="T">float for training speed, double for checks.</typeparam>
public sealed partial class TensorNetworkAttention<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double NormOffset = 1e-6;
    private readonly int _d;
    private readonly T[] _a0, _a1, _a0T, _a1T, _b0, _b1, _b0T, _b1T, _vL, _vR;
    private T[] _left = [], _right = [], _normLeft = [], _normRight = [], _w = [], _t0 = [], _t1 = [], _gLeft = [], _gRight = [], _gw = [];
    private readonly T[] _dA0, _dA1, _dB0, _dB1, _tmp;
    private int _capacity;

    /// <summary>A model with A, B ~ N(0, 1) (A drawn first) and s = 1.</summary>
    /// <param name="bondDimension">d, at least 1.</param>
    /// <param name="options">Boundary and head; null means the defaults.</param>
    /// <param name="seed">Seed of the initialization.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bondDimension"/> is below 1, or an option is not a defined value.</exception>
    public TensorNetworkAttention(int bondDimension, TensorNetworkAttentionOptions? options = null, ulong seed = 0)
        : this(CheckD(bondDimension), options, SeededRandom.Create(seed))
    {
    }

    private TensorNetworkAttention(int d, TensorNetworkAttentionOptions? options, Random? random)
    {
        Options = options ?? new TensorNetworkAttentionOptions();
        if (!Enum.IsDefined(Options.Boundary))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Boundary, "Boundary must be FirstBasisVector, LeadingEigenvectors or PeriodicTrace.");
        }

        if (!Enum.IsDefined(Options.Head))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Head, "Head must be Linear or NormalizedSigmoid.");
        }

        _d = d;
        Attention = RegisterParameter(new Parameter<T>("attention", random is null ? DenseTensor<T>.Zeros(d, d, 2) : Initializers.Normal<T>(random, 1.0, d, d, 2)));
        Classifier = RegisterParameter(new Parameter<T>("classifier", random is null ? DenseTensor<T>.Zeros(d, d, 2) : Initializers.Normal<T>(random, 1.0, d, d, 2)));
        Scale = RegisterParameter(new Parameter<T>("scale", DenseTensor<T>.Full(T.One, 1)));
        int dd = d * d;
        _a0 = new T[dd]; _a1 = new T[dd]; _a0T = new T[dd]; _a1T = new T[dd];
        _b0 = new T[dd]; _b1 = new T[dd]; _b0T = new T[dd]; _b1T = new T[dd];
        _dA0 = new T[dd]; _dA1 = new T[dd]; _dB0 = new T[dd]; _dB1 = new T[dd];
        _vL = new T[d]; _vR = new T[d]; _tmp = new T[d];
    }

    /// <summary>A model with the given weights (copied).</summary>
    /// <param name="attention">A, shape [d, d, 2].</param>
    /// <param name="classifier">B, shape [d, d, 2].</param>
    /// <param name="scale">s, finite.</param>
    /// <param name="options">Boundary and head; null means the defaults.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">A shape is not [d, d, 2] with d at least 1, or the shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not finite, or an option is not a defined value.</exception>
    public static TensorNetworkAttention<T> FromTensors(DenseTensor<T> attention, DenseTensor<T> classifier, T scale, TensorNetworkAttentionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(classifier);
        var s = attention.Shape;
        if (s.Rank != 3 || s[0] < 1 || s[1] != s[0] || s[2] != 2)
        {
            throw new ArgumentException($"attention must have shape [d, d, 2] with d >= 1; got {s}.", nameof(attention));
        }

        if (classifier.Shape != s)
        {
            throw new ArgumentException($"classifier must have the shape of attention {s}; got {classifier.Shape}.", nameof(classifier));
        }

        if (!T.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be finite.");
        }

        var model = new TensorNetworkAttention<T>(s[0], options, null);
        attention.ReadOnlySpan.CopyTo(model.Attention.Value.Span);
        classifier.ReadOnlySpan.CopyTo(model.Classifier.Value.Span);
        model.Scale.Value.Span[0] = scale;
        return model;
    }

    /// <summary>The bond dimension d.</summary>
    public int BondDimension => _d;

    /// <summary>The boundary and head.</summary>
    public TensorNetworkAttentionOptions Options { get; }

    /// <summary>The attention tensor A [l, r, k].</summary>
    public Parameter<T> Attention { get; }

    /// <summary>The classifier B [a, b, j].</summary>
    public Parameter<T> Classifier { get; }

    /// <summary>The head's scale s [1].</summary>
    public Parameter<T> Scale { get; }

    /// <summary>The feature width 2 d^2 of <see cref="Features"/>.</summary>
    public int FeatureCount => 2 * _d * _d;

    internal TensorNetworkKernelWidth KernelWidth { get; set; }

    /// <summary>The pre-head outputs yhat_i = w_(x_i)(i) for every position, row-major [count, length].</summary>
    /// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <param name="destination">count x length values.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The lengths do not fit.</exception>
    /// <exception cref="InvalidOperationException">LeadingEigenvectors: A(0) has no unique real leading eigenvector.</exception>
    public void PreActivations(ReadOnlySpan<byte> inputs, int count, Span<T> destination)
    {
        int m = Forward(inputs, count);
        if (destination.Length != count * m)
        {
            throw new ArgumentException($"destination needs count x length = {count * m} values; got {destination.Length}.", nameof(destination));
        }

        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                destination[(p * m) + i] = _w[(((i * count) + p) * 2) + inputs[(p * m) + i]];
            }
        }
    }

    /// <summary>
    /// The feature view: for position i of sequence p, row p·M + i of the result holds z with
    /// z[(a·d + b)·2 + j] = H_L(i)_a H_R(i)_b phi_j(x_i) (phi(0) = (1, 0), phi(1) = (0, 1)), i.e. vec(H_L ⊗ H_R) ⊗ phi(x_i)
    /// in the storage order of B, so z · vec(B) = yhat_i.
    /// </summary>
    /// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <returns>A [count · length, 2 d^2] tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The input length is not a positive multiple of count.</exception>
    /// <exception cref="InvalidOperationException">LeadingEigenvectors: A(0) has no unique real leading eigenvector.</exception>
    public DenseTensor<T> Features(ReadOnlySpan<byte> inputs, int count)
    {
        int m = Forward(inputs, count);
        if (Options.Boundary == TensorNetworkBoundary.PeriodicTrace)
        {
            return PeriodicFeatures(inputs, count, m);
        }

        int d = _d;
        var z = DenseTensor<T>.Zeros(count * m, 2 * d * d);
        var span = z.Span;
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                int x = inputs[(p * m) + i];
                var row = span.Slice(((p * m) + i) * 2 * d * d, 2 * d * d);
                var u = _left.AsSpan(((i * count) + p) * d, d);
                var r = _right.AsSpan(((i * count) + p) * d, d);
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b < d; b++)
                    {
                        row[(((a * d) + b) * 2) + x] = u[a] * r[b];
                    }
                }
            }
        }

        return z;
    }

    /// <summary>
    /// The normalised left contexts H_L(i) (row p·M + i holds H_L(i) of sequence p, length d; H_L(0) is the boundary
    /// vector), the vectors whose effective dimension the paper tracks during training.
    /// </summary>
    /// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <returns>A [count · length, d] tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The input length is not a positive multiple of count.</exception>
    /// <exception cref="InvalidOperationException">LeadingEigenvectors: A(0) has no unique real leading eigenvector.</exception>
    public DenseTensor<T> LeftContexts(ReadOnlySpan<byte> inputs, int count)
    {
        if (Options.Boundary == TensorNetworkBoundary.PeriodicTrace)
        {
            throw new InvalidOperationException("With PeriodicTrace the contexts are d x d matrices, not vectors: use Features.");
        }

        int m = Forward(inputs, count);
        int d = _d;
        var h = DenseTensor<T>.Zeros(count * m, d);
        var span = h.Span;
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                _left.AsSpan(((i * count) + p) * d, d).CopyTo(span.Slice(((p * m) + i) * d, d));
            }
        }

        return h;
    }

    /// <summary>The mean loss and the number of positions classified right, without gradients.</summary>
    /// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
    /// <param name="labels">The labels, same layout, bytes 0 or 1.</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <returns>Loss, correct positions, positions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The lengths do not fit.</exception>
    /// <exception cref="InvalidOperationException">LeadingEigenvectors: A(0) has no unique real leading eigenvector.</exception>
    public BatchEvaluation Evaluate(ReadOnlySpan<byte> inputs, ReadOnlySpan<byte> labels, int count) => Run(inputs, labels, count, gradients: false);

    /// <summary>
    /// The mean loss and its gradient: <see cref="Module{T}.Parameters"/>' gradients are overwritten with d loss / d
    /// parameter (with LeadingEigenvectors the boundary vectors count as constants). Also the correct count.
    /// </summary>
    /// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
    /// <param name="labels">The labels, same layout, bytes 0 or 1.</param>
    /// <param name="count">The number of sequences, at least 1.</param>
    /// <returns>Loss, correct positions, positions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or a byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The lengths do not fit.</exception>
    /// <exception cref="InvalidOperationException">LeadingEigenvectors: A(0) has no unique real leading eigenvector.</exception>
    public BatchEvaluation ComputeGradients(ReadOnlySpan<byte> inputs, ReadOnlySpan<byte> labels, int count) => Run(inputs, labels, count, gradients: true);

    private static int CheckD(int d)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, "bondDimension");
        return d;
    }

    private static void CheckBits(ReadOnlySpan<byte> bits, string name)
    {
        int bad = bits.IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
        {
            throw new ArgumentOutOfRangeException(name, bits[bad], $"Every element of {name} must be 0 or 1; element {bad} is {bits[bad]}.");
        }
    }

    private BatchEvaluation Run(ReadOnlySpan<byte> inputs, ReadOnlySpan<byte> labels, int count, bool gradients)
    {
        int m = Forward(inputs, count);
        if (labels.Length != inputs.Length)
        {
            throw new ArgumentException($"labels must have the length of inputs ({inputs.Length}); got {labels.Length}.", nameof(labels));
        }

        CheckBits(labels, nameof(labels));
        int d = _d, n = count * m;
        T invN = T.One / T.CreateChecked(n);
        T s = Scale.Value.Span[0];
        bool sigmoid = Options.Head == TensorNetworkHead.NormalizedSigmoid;
        double loss = 0;
        long correct = 0;
        T gs = T.Zero;
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p;
                int x = inputs[(p * m) + i], y = labels[(p * m) + i];
                T w0 = _w[2 * at], w1 = _w[(2 * at) + 1], yhat = x == 0 ? w0 : w1;
                T g0, g1;
                if (sigmoid)
                {
                    T nw = T.Sqrt((w0 * w0) + (w1 * w1));
                    T q = nw + T.CreateChecked(NormOffset);
                    T pr = T.One / (T.One + T.Exp(-(s * yhat / q)));
                    T e = pr - T.CreateChecked(y);
                    loss += double.CreateChecked(e * e);
                    correct += (pr > T.CreateChecked(0.5) ? 1 : 0) == y ? 1 : 0;
                    T gz = T.CreateChecked(2) * e * invN * pr * (T.One - pr);
                    gs += gz * yhat / q;
                    T gyhat = gz * s / q;
                    T gnw = nw > T.Zero ? -gz * s * yhat / (q * q * nw) : T.Zero;
                    g0 = (gnw * w0) + (x == 0 ? gyhat : T.Zero);
                    g1 = (gnw * w1) + (x == 1 ? gyhat : T.Zero);
                }
                else
                {
                    T e = yhat - T.CreateChecked((2 * y) - 1);
                    loss += 0.5 * double.CreateChecked(e * e);
                    correct += (yhat > T.Zero ? 1 : 0) == y ? 1 : 0;
                    g0 = x == 0 ? e * invN : T.Zero;
                    g1 = x == 1 ? e * invN : T.Zero;
                }

                _gw[2 * at] = g0;
                _gw[(2 * at) + 1] = g1;
            }
        }

        var evaluation = new BatchEvaluation(loss / n, correct, n);
        if (gradients)
        {
            if (Options.Boundary == TensorNetworkBoundary.PeriodicTrace)
            {
                BackwardPeriodic(inputs, count, m);
            }
            else
            {
                Backward(inputs, count, m);
            }

            Scale.Grad.Span[0] = sigmoid ? gs : T.Zero;
        }

        return evaluation;
    }

    private int Forward(ReadOnlySpan<byte> inputs, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (inputs.Length == 0 || inputs.Length % count != 0)
        {
            throw new ArgumentException($"inputs must hold count x length bytes with length >= 1 (count = {count}); got {inputs.Length}.", nameof(inputs));
        }

        CheckBits(inputs, nameof(inputs));
        int m = inputs.Length / count, d = _d;
        Prepare(count, m);
        var a = Attention.Value.ReadOnlySpan;
        var b = Classifier.Value.ReadOnlySpan;
        for (int l = 0; l < d; l++)
        {
            for (int r = 0; r < d; r++)
            {
                int src = ((l * d) + r) * 2;
                _a0[(l * d) + r] = a[src]; _a1[(l * d) + r] = a[src + 1];
                _a0T[(r * d) + l] = a[src]; _a1T[(r * d) + l] = a[src + 1];
                _b0[(l * d) + r] = b[src]; _b1[(l * d) + r] = b[src + 1];
                _b0T[(r * d) + l] = b[src]; _b1T[(r * d) + l] = b[src + 1];
            }
        }

        if (Options.Boundary == TensorNetworkBoundary.PeriodicTrace)
        {
            ForwardPeriodic(inputs, count, m);
            return m;
        }

        Boundaries();
        var width = KernelWidth;
        for (int p = 0; p < count; p++)
        {
            _vL.CopyTo(_left.AsSpan(p * d, d));
            _vR.CopyTo(_right.AsSpan((((m - 1) * count) + p) * d, d));
        }

        for (int i = 1; i < m; i++)
        {
            for (int p = 0; p < count; p++)
            {
                var g = _left.AsSpan(((i * count) + p) * d, d);
                TensorNetworkKernels.VecMat<T>(_left.AsSpan((((i - 1) * count) + p) * d, d), inputs[(p * m) + i - 1] == 0 ? _a0 : _a1, g, d, false, width);
                _normLeft[(i * count) + p] = Normalize(g);
            }
        }

        for (int i = m - 2; i >= 0; i--)
        {
            for (int p = 0; p < count; p++)
            {
                var g = _right.AsSpan(((i * count) + p) * d, d);
                TensorNetworkKernels.VecMat<T>(_right.AsSpan((((i + 1) * count) + p) * d, d), inputs[(p * m) + i + 1] == 0 ? _a0T : _a1T, g, d, false, width);
                _normRight[(i * count) + p] = Normalize(g);
            }
        }

        for (int at = 0; at < m * count; at++)
        {
            var u = _left.AsSpan(at * d, d);
            var r = _right.AsSpan(at * d, d);
            var t0 = _t0.AsSpan(at * d, d);
            var t1 = _t1.AsSpan(at * d, d);
            TensorNetworkKernels.VecMat<T>(u, _b0, t0, d, false, width);
            TensorNetworkKernels.VecMat<T>(u, _b1, t1, d, false, width);
            _w[2 * at] = TensorNetworkKernels.Dot<T>(t0, r, d);
            _w[(2 * at) + 1] = TensorNetworkKernels.Dot<T>(t1, r, d);
        }

        return m;
    }

    private void Backward(ReadOnlySpan<byte> inputs, int count, int m)
    {
        int d = _d;
        var width = KernelWidth;
        Array.Clear(_dA0); Array.Clear(_dA1); Array.Clear(_dB0); Array.Clear(_dB1);
        for (int at = 0; at < m * count; at++)
        {
            T g0 = _gw[2 * at], g1 = _gw[(2 * at) + 1];
            var u = _left.AsSpan(at * d, d);
            var r = _right.AsSpan(at * d, d);
            var gu = _gLeft.AsSpan(at * d, d);
            var gr = _gRight.AsSpan(at * d, d);
            var t0 = _t0.AsSpan(at * d, d);
            var t1 = _t1.AsSpan(at * d, d);
            for (int c = 0; c < d; c++)
            {
                gr[c] = (g0 * t0[c]) + (g1 * t1[c]);
            }

            // gu = sum_j g_j B_j r = (g0 r) B_0^T + (g1 r) B_1^T; dB_j += g_j u r^T.
            for (int c = 0; c < d; c++)
            {
                _tmp[c] = g0 * r[c];
            }

            TensorNetworkKernels.VecMat<T>(_tmp, _b0T, gu, d, false, width);
            TensorNetworkKernels.AddOuter<T>(u, _tmp, _dB0, d, width);
            for (int c = 0; c < d; c++)
            {
                _tmp[c] = g1 * r[c];
            }

            TensorNetworkKernels.VecMat<T>(_tmp, _b1T, gu, d, true, width);
            TensorNetworkKernels.AddOuter<T>(u, _tmp, _dB1, d, width);
        }

        // Left chain, last position first: gg = (G - u (u . G)) / n; dA(x_(i-1)) += u_(i-1) gg^T; G_(i-1) += gg A^T.
        for (int i = m - 1; i >= 1; i--)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p, prev = ((i - 1) * count) + p;
                var gg = _gLeft.AsSpan(at * d, d);
                ProjectOut(_left.AsSpan(at * d, d), gg, _normLeft[at]);
                bool one = inputs[(p * m) + i - 1] == 1;
                TensorNetworkKernels.AddOuter<T>(_left.AsSpan(prev * d, d), gg, one ? _dA1 : _dA0, d, width);
                TensorNetworkKernels.VecMat<T>(gg, one ? _a1T : _a0T, _gLeft.AsSpan(prev * d, d), d, true, width);
            }
        }

        // Right chain, first position first: gf = (G - r (r . G)) / n; dA(x_(i+1)) += gf r_(i+1)^T; G_(i+1) += gf A.
        for (int i = 0; i <= m - 2; i++)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p, next = ((i + 1) * count) + p;
                var gf = _gRight.AsSpan(at * d, d);
                ProjectOut(_right.AsSpan(at * d, d), gf, _normRight[at]);
                bool one = inputs[(p * m) + i + 1] == 1;
                TensorNetworkKernels.AddOuter<T>(gf, _right.AsSpan(next * d, d), one ? _dA1 : _dA0, d, width);
                TensorNetworkKernels.VecMat<T>(gf, one ? _a1 : _a0, _gRight.AsSpan(next * d, d), d, true, width);
            }
        }

        var ga = Attention.Grad.Span;
        var gb = Classifier.Grad.Span;
        for (int k = 0; k < d * d; k++)
        {
            ga[2 * k] = _dA0[k]; ga[(2 * k) + 1] = _dA1[k];
            gb[2 * k] = _dB0[k]; gb[(2 * k) + 1] = _dB1[k];
        }
    }

    private void ProjectOut(ReadOnlySpan<T> v, Span<T> g, T norm)
    {
        T c = TensorNetworkKernels.Dot(v, g, _d);
        for (int k = 0; k < _d; k++)
        {
            g[k] = (g[k] - (c * v[k])) / norm;
        }
    }

    private static T Normalize(Span<T> g)
    {
        T s = T.Zero;
        foreach (var v in g)
        {
            s += v * v;
        }

        T n = T.Sqrt(s);
        T inv = T.One / n;
        for (int k = 0; k < g.Length; k++)
        {
            g[k] *= inv;
        }

        return n;
    }

    private void Prepare(int count, int m)
    {
        int n = count * m;
        if (n <= _capacity)
        {
            return;
        }

        _left = new T[n * _d]; _right = new T[n * _d]; _t0 = new T[n * _d]; _t1 = new T[n * _d];
        _gLeft = new T[n * _d]; _gRight = new T[n * _d];
        _normLeft = new T[n]; _normRight = new T[n]; _w = new T[2 * n]; _gw = new T[2 * n];
        _capacity = n;
    }

    private void Boundaries()
    {
        Array.Clear(_vL);
        Array.Clear(_vR);
        if (Options.Boundary == TensorNetworkBoundary.FirstBasisVector)
        {
            _vL[0] = T.One;
            _vR[0] = T.One;
            return;
        }

        var left = TensorNetworkEigenvector.Leading(_a0T, _d);
        var right = TensorNetworkEigenvector.Leading(_a0, _d);
        for (int k = 0; k < _d; k++)
        {
            _vL[k] = T.CreateChecked(left[k]);
            _vR[k] = T.CreateChecked(right[k]);
        }
    }
}
