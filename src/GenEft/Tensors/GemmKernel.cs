using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// Row-major GEMM on spans: c = alpha · op(a) · op(b) + beta · c, with leading dimensions (row strides).
/// Shapes are trusted: the public entry point checks them. Dispatches to the widest accelerated vector
/// width (512, 256, 128 bits) or the scalar fallback; see <see cref="GemmDriver{T, TVec, TSimd}"/>.
/// </summary>
internal static unsafe class GemmKernel
{
    public static void Gemm<T>(
        bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // A transpose swaps an operand's strides: op(a)[i, p] = a[i·rsA + p·csA].
        nint rsA = transposeA ? 1 : lda, csA = transposeA ? lda : 1;
        nint rsB = transposeB ? 1 : ldb, csB = transposeB ? ldb : 1;
        fixed (T* pa = &MemoryMarshal.GetReference(a))
        fixed (T* pb = &MemoryMarshal.GetReference(b))
        fixed (T* pc = &MemoryMarshal.GetReference(c))
        {
            if (Vector512.IsHardwareAccelerated)
            {
                GemmDriver<T, Vector512<T>, Simd512<T>>.Gemm(m, n, k, alpha, pa, rsA, csA, pb, rsB, csB, beta, pc, ldc, 1);
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                GemmDriver<T, Vector256<T>, Simd256<T>>.Gemm(m, n, k, alpha, pa, rsA, csA, pb, rsB, csB, beta, pc, ldc, 1);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                GemmDriver<T, Vector128<T>, Simd128<T>>.Gemm(m, n, k, alpha, pa, rsA, csA, pb, rsB, csB, beta, pc, ldc, 1);
            }
            else
            {
                GemmDriver<T, T, SimdScalar<T>>.Gemm(m, n, k, alpha, pa, rsA, csA, pb, rsB, csB, beta, pc, ldc, 1);
            }
        }
    }
}
