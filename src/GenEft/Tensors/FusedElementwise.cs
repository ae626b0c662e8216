using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>A lane-wise binary operation that TensorPrimitives lacks, written once for every vector width.</summary>
internal interface IFusedBinary
{
    static abstract TVec Invoke<T, TVec, TSimd>(TVec x, TVec y)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>;
}

/// <summary>
/// The loop for <see cref="IFusedBinary"/> operations: whole vectors of the widest accelerated width, then
/// the remainder through the same operation instantiated on <see cref="SimdScalar{T}"/>. Walking forward one
/// element at a time in the tail (never re-reading an overlapped vector) keeps in-place use exact.
/// </summary>
internal static unsafe class FusedElementwise
{
    public static void Binary<TOp, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where TOp : IFusedBinary
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* px = &MemoryMarshal.GetReference(x))
        fixed (T* py = &MemoryMarshal.GetReference(y))
        fixed (T* pd = &MemoryMarshal.GetReference(destination))
        {
            int n = destination.Length, i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                i = Run<TOp, T, Vector512<T>, Simd512<T>>(px, py, pd, n);
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                i = Run<TOp, T, Vector256<T>, Simd256<T>>(px, py, pd, n);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                i = Run<TOp, T, Vector128<T>, Simd128<T>>(px, py, pd, n);
            }

            Run<TOp, T, T, SimdScalar<T>>(px + i, py + i, pd + i, n - i);
        }
    }

    /// <summary>Processes whole vectors; returns how many elements were done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Run<TOp, T, TVec, TSimd>(T* x, T* y, T* d, int n)
        where TOp : IFusedBinary
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int width = TSimd.Count, i = 0;
        for (; i + (2 * width) <= n; i += 2 * width)
        {
            TSimd.Store(d + i, TOp.Invoke<T, TVec, TSimd>(TSimd.Load(x + i), TSimd.Load(y + i)));
            TSimd.Store(d + i + width, TOp.Invoke<T, TVec, TSimd>(TSimd.Load(x + i + width), TSimd.Load(y + i + width)));
        }

        for (; i + width <= n; i += width)
        {
            TSimd.Store(d + i, TOp.Invoke<T, TVec, TSimd>(TSimd.Load(x + i), TSimd.Load(y + i)));
        }

        return i;
    }
}

/// <summary>(1 - y²) · g: tanh's backward from its output y and the upstream gradient g.</summary>
internal readonly struct TanhBackwardOperator : IFusedBinary
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Invoke<T, TVec, TSimd>(TVec y, TVec g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        => TSimd.Multiply(TSimd.Subtract(TSimd.Broadcast(T.One), TSimd.Multiply(y, y)), g);
}

/// <summary>y · (1 - y) · g: the logistic sigmoid's backward from its output y and the upstream gradient g.</summary>
internal readonly struct SigmoidBackwardOperator : IFusedBinary
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Invoke<T, TVec, TSimd>(TVec y, TVec g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        => TSimd.Multiply(TSimd.Multiply(y, TSimd.Subtract(TSimd.Broadcast(T.One), y)), g);
}

/// <summary>x &gt; 0 ? g : 0: ReLU's backward from its input x and the upstream gradient g.</summary>
internal readonly struct ReluBackwardOperator : IFusedBinary
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Invoke<T, TVec, TSimd>(TVec x, TVec g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        => TSimd.SelectPositive(x, g);
}
