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
    /// (it never clears it: zero it between steps, as an optimizer's ZeroGrad does).
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
    public void Backward(Var<T> loss)
    {
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

    private static void BackwardOf(Node<T> node)
    {
        switch (node.Kind)
        {
            case OpKind.Add or OpKind.Subtract or OpKind.Multiply or OpKind.Divide
                or OpKind.AddRow or OpKind.SubtractRow or OpKind.MultiplyRow or OpKind.DivideRow:
                Ops.BackwardBinary(node);
                break;
            case OpKind.Affine or OpKind.ReluAffine or OpKind.Tanh or OpKind.Relu or OpKind.Sigmoid
                or OpKind.Exp or OpKind.Log or OpKind.Square or OpKind.Abs:
                Ops.BackwardUnary(node);
                break;
            case OpKind.Sum or OpKind.Mean or OpKind.SumAxis or OpKind.MeanAxis:
                Ops.BackwardReduction(node);
                break;
            case OpKind.MatMul or OpKind.Linear or OpKind.LinearTanh:
                Ops.BackwardMatMul(node);
                break;
            case OpKind.GatherRows or OpKind.Concat or OpKind.Reshape or OpKind.Transpose or OpKind.NormalizeLastAxis:
                Ops.BackwardStructure(node);
                break;
            case OpKind.BinaryCrossEntropyWithLogits or OpKind.MeanSquaredError or OpKind.L1Penalty or OpKind.L2Penalty:
                Ops.BackwardLoss(node);
                break;
            default:
                throw new InvalidOperationException($"No backward for {node.Kind}.");
        }
    }
}
