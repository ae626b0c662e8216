using System.Numerics;
using System.Runtime.Intrinsics;
using GenEft.Tensors.Simd;

namespace GenEft.Models.TensorNetwork;

/// <summary>Which vector width the tensor-network kernels may use (tests force the narrower paths).</summary>
internal enum TensorNetworkKernelWidth
{
    /// <summary>The widest accelerated width (Vector512, then Vector256, then Vector128), scalar tails.</summary>
    Auto = 0,

    /// <summary>At most Vector256.</summary>
    Vector256,

    /// <summary>At most Vector128.</summary>
    Vector128,

    /// <summary>No vectors.</summary>
    Scalar,
}

/// <summary>
/// The small dense products of the tensor-network recursions: a row vector times a row-major d x d matrix (columns
/// in vector blocks, the sum over rows kept in registers) and a rank-one update of a d x d matrix. Each is written once
/// against <see cref="ISimd{TVec, T}"/> and run over column blocks of the widest allowed width first, then narrower
/// ones, then the scalar width, so every d works on every path and every path gives the same bits (multiply, then add).
/// </summary>
internal static unsafe class TensorNetworkKernels
{
    /// <summary>g = h M (or g += h M with <paramref name="accumulate"/>), h and g of length d, M row-major d x d.</summary>
    public static void VecMat<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> m, Span<T> g, int d, bool accumulate, TensorNetworkKernelWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* hp = h, mp = m, gp = g)
        {
            int c = 0;
            if (Allows512<T>(width))
            {
                VecMatBlocks<T, Vector512<T>, Simd512<T>>(hp, mp, gp, d, accumulate, ref c);
            }

            if (Allows256<T>(width))
            {
                VecMatBlocks<T, Vector256<T>, Simd256<T>>(hp, mp, gp, d, accumulate, ref c);
            }

            if (Allows128<T>(width))
            {
                VecMatBlocks<T, Vector128<T>, Simd128<T>>(hp, mp, gp, d, accumulate, ref c);
            }

            VecMatBlocks<T, T, SimdScalar<T>>(hp, mp, gp, d, accumulate, ref c);
        }
    }

    /// <summary>M += a b^T: M[l, r] += a[l] b[r], M row-major d x d.</summary>
    public static void AddOuter<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> m, int d, TensorNetworkKernelWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* ap = a, bp = b, mp = m)
        {
            int c = 0;
            if (Allows512<T>(width))
            {
                AddOuterBlocks<T, Vector512<T>, Simd512<T>>(ap, bp, mp, d, ref c);
            }

            if (Allows256<T>(width))
            {
                AddOuterBlocks<T, Vector256<T>, Simd256<T>>(ap, bp, mp, d, ref c);
            }

            if (Allows128<T>(width))
            {
                AddOuterBlocks<T, Vector128<T>, Simd128<T>>(ap, bp, mp, d, ref c);
            }

            AddOuterBlocks<T, T, SimdScalar<T>>(ap, bp, mp, d, ref c);
        }
    }

    /// <summary>The dot product of two length-d vectors, summed in order.</summary>
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s = T.Zero;
        for (int i = 0; i < d; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static bool Allows512<T>(TensorNetworkKernelWidth width)
        where T : unmanaged
        => width == TensorNetworkKernelWidth.Auto && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported;

    private static bool Allows256<T>(TensorNetworkKernelWidth width)
        where T : unmanaged
        => width <= TensorNetworkKernelWidth.Vector256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported;

    private static bool Allows128<T>(TensorNetworkKernelWidth width)
        where T : unmanaged
        => width <= TensorNetworkKernelWidth.Vector128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported;

    /// <summary>Columns [c, c + k w) of g = h M (+ g), k as large as fits; advances c.</summary>
    private static void VecMatBlocks<T, TVec, TSimd>(T* h, T* m, T* g, int d, bool accumulate, ref int c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int w = TSimd.Count;
        for (; c + w <= d; c += w)
        {
            var acc = accumulate ? TSimd.Load(g + c) : TSimd.Zero;
            for (int l = 0; l < d; l++)
            {
                acc = TSimd.Add(acc, TSimd.Multiply(TSimd.Broadcast(h[l]), TSimd.Load(m + (l * d) + c)));
            }

            TSimd.Store(g + c, acc);
        }
    }

    /// <summary>Columns [c, c + k w) of M += a b^T, k as large as fits; advances c.</summary>
    private static void AddOuterBlocks<T, TVec, TSimd>(T* a, T* b, T* m, int d, ref int c)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int w = TSimd.Count;
        for (; c + w <= d; c += w)
        {
            var bv = TSimd.Load(b + c);
            for (int l = 0; l < d; l++)
            {
                T* at = m + (l * d) + c;
                TSimd.Store(at, TSimd.Add(TSimd.Load(at), TSimd.Multiply(TSimd.Broadcast(a[l]), bv)));
            }
        }
    }
}
