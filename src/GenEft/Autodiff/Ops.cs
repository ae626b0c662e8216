using System.Numerics;

namespace GenEft.Autodiff;

/// <summary>
/// The differentiable operations. Each records one node on the tape of its inputs, computes the forward
/// value into a buffer the tape reuses across steps, and has its backward rule beside it in the same file
/// (Ops.Binary.cs, Ops.Unary.cs, Ops.Reductions.cs, Ops.MatMul.cs, Ops.Structure.cs, Ops.Losses.cs).
/// </summary>
/// <remarks>
/// Shapes are checked when an op is recorded; a mismatch throws <see cref="ArgumentException"/> naming the
/// operand and both shapes. Inputs of one op must come from the same tape and the current step: a default
/// <see cref="Var{T}"/>, one from another tape or one recorded before the tape's last reset is an
/// <see cref="ArgumentException"/> too (documented on each op as "default").
/// </remarks>
public static partial class Ops
{
    /// <summary>Records a node with one input.</summary>
    private static Node<T> Record<T>(OpKind kind, Node<T> a)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var node = a.Tape.Record(kind, a.RequiresGrad);
        node.A = a;
        return node;
    }

    /// <summary>Records a node with two inputs.</summary>
    private static Node<T> Record<T>(OpKind kind, Node<T> a, Node<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var node = a.Tape.Record(kind, a.RequiresGrad || b.RequiresGrad);
        node.A = a;
        node.B = b;
        return node;
    }

    /// <summary>The node behind <paramref name="x"/>, validated.</summary>
    private static Node<T> NodeOf<T>(Var<T> x, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.IsDefault)
        {
            throw new ArgumentException("The Var is default; obtain one from a Tape or an op.", paramName);
        }

        if (!x.IsCurrent)
        {
            throw new ArgumentException("The Var was recorded before its tape's last Reset and is no longer valid.", paramName);
        }

        return x.Node;
    }

    /// <summary>The nodes behind two operands, checked to share a tape.</summary>
    private static (Node<T> A, Node<T> B) NodesOf<T>(Var<T> x, Var<T> y, string xName, string yName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, xName);
        var b = a.Tape.Own(y, yName);
        return (a, b);
    }

    /// <summary>The exception for an op kind a dispatch does not handle: a missing case is a bug, never a silent fallback.</summary>
    internal static InvalidOperationException UnknownKind(OpKind kind) => new($"Op kind {kind} has no case here; every op needs its own forward and backward case.");
}
