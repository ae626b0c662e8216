using System.Numerics;
using System.Runtime.InteropServices;
using GenEft.Tensors;

namespace GenEft.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// The matrix product op(a) · op(b), where op transposes (swaps the last two axes) when asked. Rank 2 with
    /// rank 2 gives rank 2; a rank-3 operand makes the product batched over the leading axis, and a rank-2
    /// operand is then shared by every batch entry (its gradient sums over the batch).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="a">[m, k] or [batch, m, k] ([k, m] / [batch, k, m] when transposed).</param>
    /// <param name="b">[k, n] or [batch, k, n] ([n, k] / [batch, n, k] when transposed).</param>
    /// <param name="transposeA">Whether to use aᵀ.</param>
    /// <param name="transposeB">Whether to use bᵀ.</param>
    /// <returns>[m, n], or [batch, m, n] when batched.</returns>
    /// <exception cref="ArgumentException">A rank is not 2 or 3, the inner sizes or batch sizes differ, or the operands are on different tapes.</exception>
    public static Var<T> MatMul<T>(Var<T> a, Var<T> b, bool transposeA = false, bool transposeB = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (na, nb) = NodesOf(a, b, nameof(a), nameof(b));
        DenseTensor<T> av = na.Value, bv = nb.Value;
        if (av.Rank is not (2 or 3))
        {
            throw new ArgumentException($"a must be rank 2 or 3; it has shape {av.Shape}.", nameof(a));
        }

        if (bv.Rank is not (2 or 3))
        {
            throw new ArgumentException($"b must be rank 2 or 3; it has shape {bv.Shape}.", nameof(b));
        }

        int aRows = av.Shape.Dims[av.Rank - 2], aCols = av.Columns;
        int bRows = bv.Shape.Dims[bv.Rank - 2], bCols = bv.Columns;
        int m = transposeA ? aCols : aRows, k = transposeA ? aRows : aCols;
        int kb = transposeB ? bCols : bRows, n = transposeB ? bRows : bCols;
        if (k != kb)
        {
            throw new ArgumentException(
                $"Shape mismatch: op(a) is {m}x{k} (a {av.Shape}, transposeA={transposeA}) but op(b) is {kb}x{n} (b {bv.Shape}, transposeB={transposeB}).",
                nameof(b));
        }

        int batchA = av.Rank == 3 ? av.Shape.Dims[0] : 0, batchB = bv.Rank == 3 ? bv.Shape.Dims[0] : 0;
        if (batchA != 0 && batchB != 0 && batchA != batchB)
        {
            throw new ArgumentException($"Shape mismatch: batch sizes differ, a {av.Shape} and b {bv.Shape}.", nameof(b));
        }

        int batch = Math.Max(batchA, batchB);
        var node = Record(OpKind.MatMul, na, nb);
        node.Flag0 = transposeA;
        node.Flag1 = transposeB;
        var c = batch == 0 ? node.UseOwnedValue([m, n]) : node.UseOwnedValue([batch, m, n]);
        DenseTensor.Gemm(T.One, av, transposeA, bv, transposeB, T.Zero, c);
        return na.Tape.Handle(node);
    }

    /// <summary>
    /// A fully connected layer, x · Wᵀ + bias, with the weight in PyTorch's [out, in] layout. One node, so the
    /// bias add and its gradient (a column sum) need no extra buffers.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">[rows, in].</param>
    /// <param name="weight">[out, in].</param>
    /// <param name="bias">[out], or <see langword="null"/> for none.</param>
    /// <returns>[rows, out].</returns>
    /// <exception cref="ArgumentException">A shape does not fit, or the operands are on different tapes.</exception>
    public static Var<T> Linear<T>(Var<T> x, Var<T> weight, Var<T>? bias = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Linear(x, weight, bias, OpKind.Linear);

    /// <summary>
    /// tanh(x · Wᵀ + bias) as one node (used by the MLP for its tanh hidden layers): the bias is written before
    /// the GEMM accumulates onto it, tanh runs in place, and backward forms dz = dy ⊙ (1 - y²) and the bias
    /// gradient Σ dz in one pass, so the layer needs one value buffer and no separate bias or activation passes.
    /// </summary>
    internal static Var<T> LinearTanh<T>(Var<T> x, Var<T> weight, Var<T>? bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Linear(x, weight, bias, OpKind.LinearTanh);

    private static Var<T> Linear<T>(Var<T> x, Var<T> weight, Var<T>? bias, OpKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (nx, nw) = NodesOf(x, weight, nameof(x), nameof(weight));
        DenseTensor<T> xv = nx.Value, wv = nw.Value;
        if (xv.Rank != 2)
        {
            throw new ArgumentException($"x must be rank 2 [rows, in]; it has shape {xv.Shape}.", nameof(x));
        }

        if (wv.Rank != 2 || wv.Columns != xv.Columns)
        {
            throw new ArgumentException($"Shape mismatch: weight has shape {wv.Shape}, expected [out, {xv.Columns}] for x {xv.Shape}.", nameof(weight));
        }

        Node<T>? nb = null;
        if (bias is { } bv)
        {
            nb = nx.Tape.Own(bv, nameof(bias));
            if (nb.Value.Rank != 1 || nb.Value.Length != wv.Rows)
            {
                throw new ArgumentException($"Shape mismatch: bias has shape {nb.Value.Shape}, expected [{wv.Rows}].", nameof(bias));
            }
        }

        var node = nx.Tape.Record(kind, nx.RequiresGrad || nw.RequiresGrad || (nb?.RequiresGrad ?? false));
        node.A = nx;
        node.B = nw;
        node.C = nb;
        var y = node.UseOwnedValue([xv.Rows, wv.Rows]);
        DenseTensor.Gemm(T.One, xv, false, wv, true, T.Zero, y);

        // The bias and the tanh in one pass after the GEMM; y + b rounds once, as the GEMM's own c = sum + c did.
        if (kind == OpKind.LinearTanh && typeof(T) == typeof(float) && nb is not null)
        {
            FastTanh.BiasTanh(MemoryMarshal.Cast<T, float>(y.Span), MemoryMarshal.Cast<T, float>(nb.Value.ReadOnlySpan));
        }
        else
        {
            if (nb is not null)
            {
                RowBroadcastKernels.AddToRows(y.Span, nb.Value.ReadOnlySpan);
            }

            if (kind == OpKind.LinearTanh)
            {
                TanhInto<T>(y.Span, y.Span);
            }
        }

        return nx.Tape.Handle(node);
    }

    internal static void BackwardMatMul<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        var b = node.B!;
        var dc = node.Grad!;
        bool ta = node.Flag0, tb = node.Flag1;
        if (a.RequiresGrad)
        {
            // C = op(A) op(B): dA = dC · op(B)ᵀ, or op(B) · dCᵀ when A is used transposed.
            if (ta)
            {
                GemmInto(node, a, b.Value, tb, dc, true);
            }
            else
            {
                GemmInto(node, a, dc, false, b.Value, !tb);
            }
        }

        if (b.RequiresGrad)
        {
            // dB = op(A)ᵀ · dC, or dCᵀ · op(A) when B is used transposed.
            if (tb)
            {
                GemmInto(node, b, dc, true, a.Value, ta);
            }
            else
            {
                GemmInto(node, b, a.Value, !ta, dc, false);
            }
        }
    }

    /// <summary>target.Grad (=|+=) op(p) · op(q); a rank-2 target of a batched product receives the sum over the batch.</summary>
    private static void GemmInto<T>(Node<T> node, Node<T> target, DenseTensor<T> p, bool tp, DenseTensor<T> q, bool tq)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var grad = target.TakeGrad(out bool acc);
        bool batched = p.Rank == 3 || q.Rank == 3;
        if (!batched || grad.Rank == 3)
        {
            DenseTensor.Gemm(T.One, p, tp, q, tq, acc ? T.One : T.Zero, grad);
            return;
        }

        int batch = p.Rank == 3 ? p.Shape.Dims[0] : q.Shape.Dims[0];
        int rows = grad.Rows, cols = grad.Columns, size = rows * cols;
        var partial = Node<T>.EnsureScratch(ref node.Scratch0, [batch, rows, cols]);
        DenseTensor.Gemm(T.One, p, tp, q, tq, T.Zero, partial);
        ReadOnlySpan<T> parts = partial.ReadOnlySpan;
        Span<T> g = grad.Span;
        for (int i = 0; i < batch; i++)
        {
            GradKernels.Put(parts.Slice(i * size, size), g, acc || i > 0);
        }
    }

    /// <summary>x Wᵀ + b (and, for <see cref="OpKind.LinearTanh"/>, the tanh before it): dx = dz W, dW = dzᵀ x, db = Σ_rows dz.</summary>
    internal static void BackwardLinear<T>(Node<T> node)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var w = node.B!;
        var bias = node.C;
        var dy = node.Grad!;
        bool biasDone = false;
        if (node.Kind == OpKind.LinearTanh)
        {
            // dz = dy ⊙ (1 - y²), with the bias gradient Σ_rows dz gathered in the same pass.
            var dz = Node<T>.EnsureScratch(ref node.Scratch0, node.Value.Shape.Dims);
            Span<T> db = default;
            bool accBias = false;
            if (bias is { RequiresGrad: true })
            {
                db = bias.TakeGrad(out accBias).Span;
                biasDone = true;
            }

            if (node.Tape.FlushSubnormals)
            {
                TanhBackwardWithColumnSums<T, FlushedGrad<T, TanhGrad<T>>>(node.Value.ReadOnlySpan, dy.ReadOnlySpan, dz.Span, db, accBias);
            }
            else
            {
                TanhBackwardWithColumnSums<T, TanhGrad<T>>(node.Value.ReadOnlySpan, dy.ReadOnlySpan, dz.Span, db, accBias);
            }

            dy = dz;
        }

        if (x.RequiresGrad)
        {
            var dx = x.TakeGrad(out bool acc);
            DenseTensor.Gemm(T.One, dy, false, w.Value, false, acc ? T.One : T.Zero, dx); // dx = dy · W
        }

        if (w.RequiresGrad)
        {
            var dw = w.TakeGrad(out bool acc);
            DenseTensor.Gemm(T.One, dy, true, x.Value, false, acc ? T.One : T.Zero, dw); // dW = dyᵀ · x
        }

        if (bias is { RequiresGrad: true } && !biasDone)
        {
            var db = bias.TakeGrad(out bool acc);
            GradKernels.PutColumnSums(dy.ReadOnlySpan, T.One, db.Span, acc); // db = Σ_rows dy
        }
    }

    /// <summary>y = tanh(x) (may be in place), with the fast float approximation when T is float.</summary>
    private static void TanhInto<T>(ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            FastTanh.Tanh(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        }
        else
        {
            TensorPrimitives.Tanh(x, y);
        }
    }

    /// <summary>dz = dy ⊙ (1 - y²) over the whole buffer; when <paramref name="db"/> is not empty, db (=|+=) Σ_rows dz.</summary>
    private static void TanhBackwardWithColumnSums<T, TGrad>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dz, Span<T> db, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TGrad : struct, IElementwiseGrad<T>
    {
        GradKernels.PutElementwise<T, TGrad>(y, y, dy, dz, T.Zero, T.Zero, false);
        if (!db.IsEmpty)
        {
            RowBroadcastKernels.ColumnSums<T>(dz, db, accumulate);
        }
    }
}
