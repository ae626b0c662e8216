using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GenEft.Tensors;

namespace GenEft.Autodiff;

/// <summary>
/// Span kernels for backward passes. Each writes its result into a gradient buffer when
/// <c>accumulate</c> is false (the buffer's first contribution of the step) and adds to it otherwise, so
/// gradient buffers never need a separate zeroing pass.
/// </summary>
/// <remarks>Could move into GenEft.Tensors as fused accumulate-or-assign kernels.</remarks>
internal static class GradKernels
{
    /// <summary>dst (=|+=) src.</summary>
    public static void Put<T>(ReadOnlySpan<T> src, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (accumulate)
        {
            TensorPrimitives.Add(dst, src, dst);
        }
        else
        {
            src.CopyTo(dst);
        }
    }

    /// <summary>dst (=|+=) scale · src.</summary>
    public static void PutScaled<T>(ReadOnlySpan<T> src, T scale, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (accumulate)
        {
            TensorPrimitives.MultiplyAdd(src, scale, dst, dst);
        }
        else
        {
            TensorPrimitives.Multiply(src, scale, dst);
        }
    }

    /// <summary>dst (=|+=) x ⊙ y.</summary>
    public static void PutProduct<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (accumulate)
        {
            TensorPrimitives.MultiplyAdd(x, y, dst, dst);
        }
        else
        {
            TensorPrimitives.Multiply(x, y, dst);
        }
    }

    /// <summary>dst (=|+=) value, for every element.</summary>
    public static void PutConstant<T>(T value, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (accumulate)
        {
            TensorPrimitives.Add(dst, value, dst);
        }
        else
        {
            dst.Fill(value);
        }
    }

    /// <summary>dst (=|+=) scale · Σ_r rows[r, :] (the gradient of a row broadcast), rows given flat with width dst.Length.</summary>
    public static void PutColumnSums<T>(ReadOnlySpan<T> rows, T scale, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = dst.Length;
        if (!accumulate)
        {
            dst.Clear();
        }

        if (scale == T.One)
        {
            RowBroadcastKernels.ColumnSums(rows, dst, accumulate: true);
        }
        else
        {
            for (int offset = 0; offset < rows.Length; offset += width)
            {
                TensorPrimitives.MultiplyAdd(rows.Slice(offset, width), scale, dst, dst);
            }
        }
    }

    /// <summary>
    /// dst (=|+=) TOp(x, y, dy) elementwise: the driver for elementwise backward rules, vectorized with
    /// <see cref="Vector{T}"/> and a scalar tail.
    /// </summary>
    public static void PutElementwise<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dst, T s0, T s1, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IElementwiseGrad<T>
    {
        int n = dst.Length;
        int i = 0;
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rdy = ref MemoryMarshal.GetReference(dy);
        ref T rdst = ref MemoryMarshal.GetReference(dst);
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && n >= Vector<T>.Count)
        {
            var vs0 = new Vector<T>(s0);
            var vs1 = new Vector<T>(s1);
            int last = n - Vector<T>.Count;
            for (; i <= last; i += Vector<T>.Count)
            {
                var g = TOp.Invoke(
                    Vector.LoadUnsafe(ref rx, (nuint)i),
                    Vector.LoadUnsafe(ref ry, (nuint)i),
                    Vector.LoadUnsafe(ref rdy, (nuint)i),
                    vs0,
                    vs1);
                if (accumulate)
                {
                    g += Vector.LoadUnsafe(ref rdst, (nuint)i);
                }

                g.StoreUnsafe(ref rdst, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            T g = TOp.Invoke(Unsafe.Add(ref rx, i), Unsafe.Add(ref ry, i), Unsafe.Add(ref rdy, i), s0, s1);
            Unsafe.Add(ref rdst, i) = accumulate ? Unsafe.Add(ref rdst, i) + g : g;
        }
    }
}

/// <summary>
/// <typeparamref name="TOp"/>'s result with subnormals flushed to zero (sign kept; see
/// <see cref="Tensors.SubnormalFlush"/>), for tapes with <see cref="Tape{T}.FlushSubnormals"/>.
/// </summary>
internal readonly struct FlushedGrad<T, TOp> : IElementwiseGrad<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOp : struct, IElementwiseGrad<T>
{
    public static T Invoke(T x, T y, T dy, T s0, T s1) => Tensors.SubnormalFlush.Flush(TOp.Invoke(x, y, dy, s0, s1));

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1)
        => Tensors.SubnormalFlush.Flush(TOp.Invoke(x, y, dy, s0, s1));
}

/// <summary>An elementwise backward rule: the input gradient from the input x, the output y, the output gradient dy and two op constants.</summary>
internal interface IElementwiseGrad<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract T Invoke(T x, T y, T dy, T s0, T s1);

    static abstract Vector<T> Invoke(Vector<T> x, Vector<T> y, Vector<T> dy, Vector<T> s0, Vector<T> s1);
}
