using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Mean binary cross-entropy between sigmoid(<paramref name="logits"/>) and <paramref name="targets"/>,
    /// computed stably from the logits as mean(max(z, 0) - z·t + log(1 + exp(-|z|))) (PyTorch's
    /// <c>BCEWithLogitsLoss</c>, mean reduction). Its gradient is (sigmoid(z) - t) / n, from the sigmoid saved in the forward pass.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="logits">The pre-sigmoid outputs z.</param>
    /// <param name="targets">Targets t in [0, 1], same shape; referenced, not copied.</param>
    /// <returns>The loss, shape [1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ, or <paramref name="logits"/> is default.</exception>
    public static Var<T> BinaryCrossEntropyWithLogits<T>(Var<T> logits, DenseTensor<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, z) = LossNode(OpKind.BinaryCrossEntropyWithLogits, logits, targets, nameof(logits), nameof(targets));
        ReadOnlySpan<T> zs = z.Value.ReadOnlySpan, ts = targets.ReadOnlySpan;
        Span<T> sigmoid = Node<T>.EnsureScratch(ref node.Scratch0, z.Value.Shape.Dims).Span;
        Span<T> softplus = Node<T>.EnsureScratch(ref node.Scratch1, z.Value.Shape.Dims).Span;

        // e = exp(-|z|) and log(1 + e), vectorized; e also gives the sigmoid that backward needs (saved).
        TensorPrimitives.Abs(zs, softplus);
        TensorPrimitives.Negate(softplus, softplus);
        TensorPrimitives.Exp(softplus, sigmoid);
        TensorPrimitives.LogP1(sigmoid, softplus);
        T sum = T.Zero;
        for (int i = 0; i < zs.Length; i++)
        {
            T zi = zs[i], e = sigmoid[i];
            sum += T.Max(zi, T.Zero) - (zi * ts[i]) + softplus[i];
            sigmoid[i] = zi >= T.Zero ? T.One / (T.One + e) : e / (T.One + e);
        }

        node.Value.Span[0] = sum / T.CreateChecked(zs.Length);
        return z.Tape.Handle(node);
    }

    /// <summary>Mean squared error mean((x - target)²) (PyTorch's <c>MSELoss</c>, mean reduction).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="predictions">The predictions.</param>
    /// <param name="targets">The targets, same shape; referenced, not copied.</param>
    /// <returns>The loss, shape [1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ, or <paramref name="predictions"/> is default.</exception>
    public static Var<T> MeanSquaredError<T>(Var<T> predictions, DenseTensor<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (node, p) = LossNode(OpKind.MeanSquaredError, predictions, targets, nameof(predictions), nameof(targets));
        T direct = T.Zero;
        ReadOnlySpan<T> ps = p.Value.ReadOnlySpan, ts = targets.ReadOnlySpan;
        for (int i = 0; i < ps.Length; i++)
        {
            T d = ps[i] - ts[i];
            direct += d * d;
        }

        node.Value.Span[0] = direct / T.CreateChecked(ps.Length);
        return p.Tape.Handle(node);
    }

    /// <summary>The L1 penalty Σ|x| (add it to a loss, scaled by its coefficient); its gradient at 0 is taken as 0.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The value, usually a parameter.</param>
    /// <returns>Σ|x|, shape [1].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> L1Penalty<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var node = Record(OpKind.L1Penalty, a);
        node.UseOwnedValue(ScalarDims).Span[0] = TensorPrimitives.SumOfMagnitudes(a.Value.ReadOnlySpan);
        return a.Tape.Handle(node);
    }

    /// <summary>The L2 penalty Σx² (add it to a loss, scaled by its coefficient).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The value, usually a parameter.</param>
    /// <returns>Σx², shape [1].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is default.</exception>
    public static Var<T> L2Penalty<T>(Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NodeOf(x, nameof(x));
        var node = Record(OpKind.L2Penalty, a);
        node.UseOwnedValue(ScalarDims).Span[0] = TensorPrimitives.SumOfSquares(a.Value.ReadOnlySpan);
        return a.Tape.Handle(node);
    }

    private static (Node<T> Node, Node<T> Input) LossNode<T>(OpKind kind, Var<T> x, DenseTensor<T> targets, string xName, string targetsName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(targets, targetsName);
        var a = NodeOf(x, xName);
        if (a.Value.Shape != targets.Shape)
        {
            throw new ArgumentException($"Shape mismatch: {targetsName} has shape {targets.Shape}, {xName} has shape {a.Value.Shape}.", targetsName);
        }

        var node = Record(kind, a);
        node.Target = targets;
        node.UseOwnedValue(ScalarDims);
        return (node, a);
    }

    internal static void BackwardLoss<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        if (!a.RequiresGrad)
        {
            return;
        }

        T dl = node.Grad!.Span[0];
        ReadOnlySpan<T> x = a.Value.ReadOnlySpan;
        Span<T> dx = a.TakeGrad(out bool acc).Span;
        T scale = dl / T.CreateChecked(x.Length);
        switch (node.Kind)
        {
            case OpKind.BinaryCrossEntropyWithLogits when node.Tape.FlushSubnormals:
                GradKernels.PutElementwise<T, FlushedGrad<T, ResidualGrad<T>>>(node.Scratch0!.ReadOnlySpan, node.Target!.ReadOnlySpan, x, dx, scale, T.Zero, acc);
                break;
            case OpKind.BinaryCrossEntropyWithLogits:
                GradKernels.PutElementwise<T, ResidualGrad<T>>(node.Scratch0!.ReadOnlySpan, node.Target!.ReadOnlySpan, x, dx, scale, T.Zero, acc); // (σ(z) - t) / n
                break;
            case OpKind.MeanSquaredError when node.Tape.FlushSubnormals:
                GradKernels.PutElementwise<T, FlushedGrad<T, ResidualGrad<T>>>(x, node.Target!.ReadOnlySpan, x, dx, scale + scale, T.Zero, acc);
                break;
            case OpKind.MeanSquaredError:
                GradKernels.PutElementwise<T, ResidualGrad<T>>(x, node.Target!.ReadOnlySpan, x, dx, scale + scale, T.Zero, acc);
                break;
            case OpKind.L1Penalty:
                GradKernels.PutElementwise<T, ScaledSignGrad<T>>(x, x, x, dx, dl, T.Zero, acc);
                break;
            case OpKind.L2Penalty:
                GradKernels.PutScaled(x, dl + dl, dx, acc); // d Σx²/dx = 2x
                break;
            default:
                throw UnknownKind(node.Kind);
        }
    }

    /// <summary>s0 · (x - t), with y holding the targets t (BCE: x is the saved sigmoid; MSE: x is the prediction).</summary>
    private readonly struct ResidualGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => s0 * (x - y);

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1) => s0 * (x - y);
    }

    /// <summary>s0 · sign(x) (0 at 0): the gradient of s0 · Σ|x|.</summary>
    private readonly struct ScaledSignGrad<T> : IElementwiseGrad<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T x, T y, T dy, T s0, T s1) => x > T.Zero ? s0 : x < T.Zero ? -s0 : T.Zero;

        public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
            => Vector.ConditionalSelect(
                Vector.GreaterThan(x, Vector<T>.Zero),
                s0,
                Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), -s0, Vector<T>.Zero));
    }
}
