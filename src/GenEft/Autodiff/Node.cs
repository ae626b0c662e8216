using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// One recorded operation. Nodes are owned by their <see cref="Tape{T}"/> and reused from step to step:
/// the i-th op of a step gets the i-th node of the previous step, with its value and gradient buffers when
/// the shapes agree, so a steady training loop allocates nothing.
/// </summary>
internal sealed class Node<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public Node(Tape<T> tape) => Tape = tape;

    public Tape<T> Tape { get; }

    public OpKind Kind;

    /// <summary>The forward value: an owned buffer, an external tensor (leaves) or a view (reshape).</summary>
    public DenseTensor<T> Value = null!;

    /// <summary>The gradient of the loss with respect to <see cref="Value"/>, valid after backward reached this node.</summary>
    public DenseTensor<T>? Grad;

    /// <summary>Whether a gradient flows into this node (some input is a parameter).</summary>
    public bool RequiresGrad;

    /// <summary>Whether <see cref="Grad"/> holds stale contents from an earlier step: the first write assigns, later ones add.</summary>
    public bool GradStale;

    public Node<T>? A;
    public Node<T>? B;
    public Node<T>? C;

    /// <summary>Inputs of variadic ops (concat), first <see cref="InputCount"/> entries valid.</summary>
    public Node<T>[] Inputs = [];
    public int InputCount;

    public T Scalar0;
    public T Scalar1;
    public int Axis;
    public bool Flag0;
    public bool Flag1;
    public ReadOnlyMemory<int> Indices;
    public DenseTensor<T>? Target;

    /// <summary>Extra buffers an op's backward needs (saved statistics, batched partial products).</summary>
    public DenseTensor<T>? Scratch0;
    public DenseTensor<T>? Scratch1;

    // Persistent storage reused across steps.
    private DenseTensor<T>? _ownedValue;
    private DenseTensor<T>? _ownedGrad;
    private DenseTensor<T>? _viewSource;

    /// <summary>Points <see cref="Value"/> at an owned buffer of shape <paramref name="dims"/>, reusing last step's when it fits.</summary>
    public DenseTensor<T> UseOwnedValue(ReadOnlySpan<int> dims)
    {
        if (_ownedValue is null || !ShapeMatches(_ownedValue.Shape, dims) || _viewSource is not null)
        {
            _ownedValue = DenseTensor<T>.Zeros(dims);
            _viewSource = null;
            _ownedGrad = null;
        }

        Value = _ownedValue;
        return _ownedValue;
    }

    /// <summary>Points <see cref="Value"/> at a reshaped view of <paramref name="source"/>, cached while the source and shape stay the same.</summary>
    public DenseTensor<T> UseView(DenseTensor<T> source, ReadOnlySpan<int> dims)
    {
        if (_ownedValue is null || !ReferenceEquals(_viewSource, source) || !ShapeMatches(_ownedValue.Shape, dims))
        {
            _ownedValue = source.Reshape(dims);
            _viewSource = source;
            _ownedGrad = null;
        }

        Value = _ownedValue;
        return _ownedValue;
    }

    /// <summary>Makes an owned gradient buffer shaped like <see cref="Value"/> available; contents are stale.</summary>
    public void PrepareOwnedGrad()
    {
        if (_ownedGrad is null || _ownedGrad.Shape != Value.Shape)
        {
            _ownedGrad = DenseTensor<T>.Zeros(Value.Shape);
        }

        Grad = _ownedGrad;
        GradStale = true;
    }

    /// <summary>
    /// The gradient buffer to add a contribution into. <paramref name="accumulate"/> is false for the first
    /// contribution of a step (the caller overwrites, saving a zeroing pass) and true afterwards.
    /// </summary>
    public DenseTensor<T> TakeGrad(out bool accumulate)
    {
        accumulate = !GradStale || Kind == OpKind.Parameter; // A parameter's accumulator belongs to the caller.
        GradStale = false;
        return Grad!;
    }

    /// <summary>A scratch tensor of the given shape kept across steps.</summary>
    public static DenseTensor<T> EnsureScratch(ref DenseTensor<T>? scratch, ReadOnlySpan<int> dims)
    {
        if (scratch is null || !ShapeMatches(scratch.Shape, dims))
        {
            scratch = DenseTensor<T>.Zeros(dims);
        }

        return scratch;
    }

    public static bool ShapeMatches(TensorShape shape, ReadOnlySpan<int> dims) => shape.Dims.SequenceEqual(dims);
}
