using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// A reverse-mode automatic-differentiation tape. Ops in <see cref="Ops"/> record themselves here during the
/// forward pass; <see cref="Backward"/> walks the records in reverse recording order (a reverse topological
/// order, since an op is recorded after its inputs), iteratively, accumulating gradients with +=.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for training, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// A training loop calls <see cref="Reset"/> at the start of each step and records the same ops again: the
/// i-th op of the new step reuses the node and buffers of the i-th op of the previous step when the shapes
/// agree, so the steady state allocates nothing. Values and gradients handed out through <see cref="Var{T}"/>
/// are owned by the tape and are overwritten by the next step. Not thread-safe: use one tape per thread.
/// </remarks>
public sealed class Tape<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Node<T>> _nodes = [];
    private int _count;

    /// <summary>Creates a training tape: parameters are recorded as trainable leaves and <see cref="Backward"/> works.</summary>
    public Tape()
        : this(recordsGradients: true)
    {
    }

    private Tape(bool recordsGradients) => RecordsGradients = recordsGradients;

    /// <summary>
    /// Whether this tape keeps what backward needs. False for an inference tape (<see cref="ForInference"/>):
    /// <see cref="Parameter"/> records a constant, no value requires a gradient, and <see cref="Backward"/> throws.
    /// </summary>
    public bool RecordsGradients { get; }

    /// <summary>
    /// A tape for inference (evaluation, prediction): the same model code (the same <see cref="Ops"/> calls, hence the
    /// same values bit for bit) runs on it, but no gradient bookkeeping is done: parameters are recorded as constants,
    /// nothing requires a gradient, and <see cref="Backward"/> is refused. Buffers are reused across
    /// <see cref="Reset"/>s as on a training tape, so repeated evaluation allocates nothing in steady state.
    /// </summary>
    /// <returns>A new inference tape.</returns>
    public static Tape<T> ForInference() => new(recordsGradients: false);

    /// <summary>
    /// Flush subnormal gradients to zero in the backward kernels where they arise: the loss gradients (binary
    /// cross-entropy, mean squared error) and tanh's backward dy ⊙ (1 - y²), including the fused linear + tanh.
    /// The rule, per element: g ← 0 (keeping g's sign) where |g| is below the element type's smallest normal
    /// number (float 2^-126 ≈ 1.18e-38), g unchanged otherwise. Late in a run whose loss goes to 0 these gradients
    /// go subnormal and the GEMMs they feed slow down; flushing them changes each by less than 1.2e-38 in absolute
    /// terms. Default false: every kernel is then exactly the IEEE formula of PyTorch without FTZ. May be changed
    /// between steps.
    /// </summary>
    public bool FlushSubnormals { get; set; }

    /// <summary>The number of nodes recorded since the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>Incremented by every reset; a <see cref="Var{T}"/> from an earlier generation is rejected.</summary>
    internal int Generation { get; private set; }

    /// <summary>Forgets the recorded ops (keeping their buffers for reuse) and invalidates every <see cref="Var{T}"/> handed out so far.</summary>
    public void Reset()
    {
        _count = 0;
        Generation++;
    }

    /// <summary>Records an input that receives no gradient (data, targets, frozen weights).</summary>
    /// <param name="value">The tensor; referenced, not copied, so it must not change before <see cref="Backward"/>.</param>
    /// <returns>Its handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Var<T> Constant(DenseTensor<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var node = Record(OpKind.Constant, requiresGrad: false);
        node.Value = value;
        node.Grad = null;
        return Handle(node);
    }

    /// <summary>
    /// Records a trainable leaf: <see cref="Backward"/> adds the loss gradient into <paramref name="grad"/>
    /// (it never clears it: zero it between steps, as an optimizer's ZeroGrad does). On an inference tape the leaf is
    /// recorded as a constant.
    /// </summary>
    /// <param name="value">The parameter's value; referenced, not copied.</param>
    /// <param name="grad">The gradient accumulator, same shape as <paramref name="value"/>.</param>
    /// <returns>Its handle.</returns>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ, or the two share storage.</exception>
    public Var<T> Parameter(DenseTensor<T> value, DenseTensor<T> grad)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(grad);
        if (value.Shape != grad.Shape)
        {
            throw new ArgumentException($"Shape mismatch: grad has shape {grad.Shape}, value has shape {value.Shape}.", nameof(grad));
        }

        if (ReferenceEquals(value, grad))
        {
            throw new ArgumentException("grad must be a separate tensor from value.", nameof(grad));
        }

        if (!RecordsGradients)
        {
            return Constant(value);
        }

        var node = Record(OpKind.Parameter, requiresGrad: true);
        node.Value = value;
        node.Grad = grad;
        return Handle(node);
    }

    /// <summary>
    /// Back-propagates from <paramref name="loss"/> (seeded with gradient 1): afterwards every recorded value
    /// that the loss depends on through a parameter has its <see cref="Var{T}.Grad"/>, and every parameter's
    /// gradient accumulator holds the added contribution.
    /// </summary>
    /// <param name="loss">A single-element value recorded on this tape.</param>
    /// <exception cref="ArgumentException"><paramref name="loss"/> is default, stale (recorded before the last reset), from another tape, or has more than one element.</exception>
    /// <exception cref="InvalidOperationException">This is an inference tape (<see cref="RecordsGradients"/> is false).</exception>
    public void Backward(Var<T> loss)
    {
        if (!RecordsGradients)
        {
            throw new InvalidOperationException("This is an inference tape (Tape.ForInference): it keeps no gradient records; use a training tape for Backward.");
        }

        var root = Own(loss, nameof(loss));
        if (root.Value.Length != 1)
        {
            throw new ArgumentException($"The loss must have exactly one element; it has shape {root.Value.Shape}.", nameof(loss));
        }

        if (!root.RequiresGrad)
        {
            return;
        }

        int rootIndex = IndexOf(root);
        for (int i = 0; i <= rootIndex; i++)
        {
            var node = _nodes[i];
            if (node.RequiresGrad && node.Kind != OpKind.Parameter)
            {
                node.PrepareOwnedGrad();
            }
        }

        var seed = root.TakeGrad(out bool accumulate);
        seed.Span[0] = accumulate ? seed.Span[0] + T.One : T.One;

        for (int i = rootIndex; i >= 0; i--)
        {
            var node = _nodes[i];
            if (!node.RequiresGrad || node.GradStale || node.Kind is OpKind.Parameter or OpKind.Constant)
            {
                continue; // No gradient reached this node: it does not feed the loss.
            }

            BackwardOf(node);
        }
    }

    internal Node<T> Record(OpKind kind, bool requiresGrad)
    {
        Node<T> node;
        if (_count < _nodes.Count)
        {
            node = _nodes[_count];
        }
        else
        {
            node = new Node<T>(this);
            _nodes.Add(node);
        }

        _count++;
        node.Kind = kind;
        node.RequiresGrad = requiresGrad;
        node.GradStale = true;
        node.A = node.B = node.C = null;
        node.InputCount = 0;
        node.Target = null;
        node.Indices = default;
        return node;
    }

    internal Var<T> Handle(Node<T> node) => new(node, Generation);

    /// <summary>The node behind <paramref name="v"/>, checked to belong to this tape's current generation.</summary>
    internal Node<T> Own(Var<T> v, string paramName)
    {
        if (v.IsDefault)
        {
            throw new ArgumentException("The Var is default; obtain one from a Tape or an op.", paramName);
        }

        if (!v.IsCurrent)
        {
            throw new ArgumentException("The Var was recorded before its tape's last Reset and is no longer valid.", paramName);
        }

        var node = v.Node;
        if (!ReferenceEquals(node.Tape, this))
        {
            throw new ArgumentException("The Var belongs to another tape.", paramName);
        }

        return node;
    }

    private int IndexOf(Node<T> node)
    {
        for (int i = _count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_nodes[i], node))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The node is not recorded on this tape.");
    }

    /// <summary>
    /// Runs the backward rule of one node. One case per <see cref="OpKind"/>: a kind without a case throws rather than
    /// falling through to another op's gradient (docs/autodiff.md, "Adding an op").
    /// </summary>
    internal static void BackwardOf(Node<T> node)
    {
        switch (node.Kind)
        {
            case OpKind.Add: Ops.BackwardAdd(node); break;
            case OpKind.Subtract: Ops.BackwardSubtract(node); break;
            case OpKind.Multiply: Ops.BackwardMultiply(node); break;
            case OpKind.Divide: Ops.BackwardDivide(node); break;
            case OpKind.AddRow: Ops.BackwardAddRow(node); break;
            case OpKind.SubtractRow: Ops.BackwardSubtractRow(node); break;
            case OpKind.MultiplyRow: Ops.BackwardMultiplyRow(node); break;
            case OpKind.DivideRow: Ops.BackwardDivideRow(node); break;
            case OpKind.Affine: Ops.BackwardUnary(node); break;
            case OpKind.ReluAffine: Ops.BackwardUnary(node); break;
            case OpKind.Tanh: Ops.BackwardUnary(node); break;
            case OpKind.Relu: Ops.BackwardUnary(node); break;
            case OpKind.Sigmoid: Ops.BackwardUnary(node); break;
            case OpKind.Exp: Ops.BackwardUnary(node); break;
            case OpKind.Log: Ops.BackwardUnary(node); break;
            case OpKind.Square: Ops.BackwardUnary(node); break;
            case OpKind.Abs: Ops.BackwardUnary(node); break;
            case OpKind.Sum: Ops.BackwardReduction(node); break;
            case OpKind.Mean: Ops.BackwardReduction(node); break;
            case OpKind.SumAxis: Ops.BackwardReduction(node); break;
            case OpKind.MeanAxis: Ops.BackwardReduction(node); break;
            case OpKind.MatMul: Ops.BackwardMatMul(node); break;
            case OpKind.Linear: Ops.BackwardLinear(node); break;
            case OpKind.LinearTanh: Ops.BackwardLinear(node); break;
            case OpKind.GatherRows: Ops.BackwardStructure(node); break;
            case OpKind.Concat: Ops.BackwardStructure(node); break;
            case OpKind.Reshape: Ops.BackwardStructure(node); break;
            case OpKind.Transpose: Ops.BackwardStructure(node); break;
            case OpKind.NormalizeLastAxis: Ops.BackwardStructure(node); break;
            case OpKind.BinaryCrossEntropyWithLogits: Ops.BackwardLoss(node); break;
            case OpKind.MeanSquaredError: Ops.BackwardLoss(node); break;
            case OpKind.L1Penalty: Ops.BackwardLoss(node); break;
            case OpKind.L2Penalty: Ops.BackwardLoss(node); break;
            case OpKind.ArgMax: throw new InvalidOperationException("ArgMax has no gradient; its node never requires one.");
            case OpKind.ArgMin: throw new InvalidOperationException("ArgMin has no gradient; its node never requires one.");
            default: throw Ops.UnknownKind(node.Kind);
        }
    }
}
