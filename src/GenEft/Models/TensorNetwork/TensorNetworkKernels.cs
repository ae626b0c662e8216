using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// in vector blocks, the sum over rows kept in registers) and a rank-one update of a d x d matrix. Blocks of the
/// widest allowed width come first, then narrower ones, then a scalar tail, so every d works on every path.
/// </summary>
internal static class TensorNetworkKernels
{
    /// <summary>g = h M (or g += h M with <paramref name="accumulate"/>), h and g of length d, M row-major d x d.</summary>
    public static void VecMat<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> m, Span<T> g, int d, bool accumulate, TensorNetworkKernelWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T hr = ref MemoryMarshal.GetReference(h);
        ref T mr = ref MemoryMarshal.GetReference(m);
        ref T gr = ref MemoryMarshal.GetReference(g);
        int c = 0;
        if (width == TensorNetworkKernelWidth.Auto && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            int w = Vector512<T>.Count;
            for (; c + w <= d; c += w)
            {
                var acc = accumulate ? Vector512.LoadUnsafe(ref gr, (nuint)c) : Vector512<T>.Zero;
                for (int l = 0; l < d; l++)
                {
                    acc += Vector512.Create(Unsafe.Add(ref hr, l)) * Vector512.LoadUnsafe(ref mr, (nuint)((l * d) + c));
                }

                acc.StoreUnsafe(ref gr, (nuint)c);
            }
        }

        if (width <= TensorNetworkKernelWidth.Vector256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            int w = Vector256<T>.Count;
            for (; c + w <= d; c += w)
            {
                var acc = accumulate ? Vector256.LoadUnsafe(ref gr, (nuint)c) : Vector256<T>.Zero;
                for (int l = 0; l < d; l++)
                {
                    acc += Vector256.Create(Unsafe.Add(ref hr, l)) * Vector256.LoadUnsafe(ref mr, (nuint)((l * d) + c));
                }

                acc.StoreUnsafe(ref gr, (nuint)c);
            }
        }

        if (width <= TensorNetworkKernelWidth.Vector128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            int w = Vector128<T>.Count;
            for (; c + w <= d; c += w)
            {
                var acc = accumulate ? Vector128.LoadUnsafe(ref gr, (nuint)c) : Vector128<T>.Zero;
                for (int l = 0; l < d; l++)
                {
                    acc += Vector128.Create(Unsafe.Add(ref hr, l)) * Vector128.LoadUnsafe(ref mr, (nuint)((l * d) + c));
                }

                acc.StoreUnsafe(ref gr, (nuint)c);
            }
        }

        for (; c < d; c++)
        {
            T acc = accumulate ? Unsafe.Add(ref gr, c) : T.Zero;
            for (int l = 0; l < d; l++)
            {
                acc += Unsafe.Add(ref hr, l) * Unsafe.Add(ref mr, (l * d) + c);
            }

            Unsafe.Add(ref gr, c) = acc;
        }
    }

    /// <summary>M += a b^T: M[l, r] += a[l] b[r], M row-major d x d.</summary>
    public static void AddOuter<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> m, int d, TensorNetworkKernelWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T ar = ref MemoryMarshal.GetReference(a);
        ref T br = ref MemoryMarshal.GetReference(b);
        ref T mr = ref MemoryMarshal.GetReference(m);
        int c0 = 0;
        if (width == TensorNetworkKernelWidth.Auto && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            int w = Vector512<T>.Count;
            for (; c0 + w <= d; c0 += w)
            {
                var bv = Vector512.LoadUnsafe(ref br, (nuint)c0);
                for (int l = 0; l < d; l++)
                {
                    nuint at = (nuint)((l * d) + c0);
                    (Vector512.LoadUnsafe(ref mr, at) + (Vector512.Create(Unsafe.Add(ref ar, l)) * bv)).StoreUnsafe(ref mr, at);
                }
            }
        }

        if (width <= TensorNetworkKernelWidth.Vector256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            int w = Vector256<T>.Count;
            for (; c0 + w <= d; c0 += w)
            {
                var bv = Vector256.LoadUnsafe(ref br, (nuint)c0);
                for (int l = 0; l < d; l++)
                {
                    nuint at = (nuint)((l * d) + c0);
                    (Vector256.LoadUnsafe(ref mr, at) + (Vector256.Create(Unsafe.Add(ref ar, l)) * bv)).StoreUnsafe(ref mr, at);
                }
            }
        }

        if (width <= TensorNetworkKernelWidth.Vector128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            int w = Vector128<T>.Count;
            for (; c0 + w <= d; c0 += w)
            {
                var bv = Vector128.LoadUnsafe(ref br, (nuint)c0);
                for (int l = 0; l < d; l++)
                {
                    nuint at = (nuint)((l * d) + c0);
                    (Vector128.LoadUnsafe(ref mr, at) + (Vector128.Create(Unsafe.Add(ref ar, l)) * bv)).StoreUnsafe(ref mr, at);
                }
            }
        }

        for (; c0 < d; c0++)
        {
            T bc = Unsafe.Add(ref br, c0);
            for (int l = 0; l < d; l++)
            {
                Unsafe.Add(ref mr, (l * d) + c0) += Unsafe.Add(ref ar, l) * bc;
            }
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
}
