using System.Numerics;
using System.Runtime.CompilerServices;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// GEMM for products with few columns (n at most half a vector, e.g. the model's 675x50 · 50x1) whose A rows
/// are contiguous: every C element is a dot product along k, with vector lanes along k instead of n.
/// </summary>
/// <remarks>
/// B's columns are packed once into contiguous rows of a small buffer; blocks of eight A rows share each B
/// vector. The k remainder is handled without a scalar loop: the last A vector is loaded ending exactly at k
/// (overlapping the previous one) and the packed B row carries a tail vector whose overlapping lanes are
/// zero, so each product is counted once.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TVec">The vector type.</typeparam>
/// <typeparam name="TSimd">The vector operations.</typeparam>
internal static unsafe class GemmDot<T, TVec, TSimd>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : unmanaged
    where TSimd : ISimd<TVec, T>
{
    /// <summary>C = alpha · A · B + beta · C with A rows contiguous (csA = 1) and k at least one vector.</summary>
    public static void Gemm(int m, int n, int k, T alpha, T* a, nint rsA, T* b, nint rsB, nint csB, T beta, T* c, nint rsC, nint csC)
    {
        int width = TSimd.Count;
        int kFull = k / width * width;
        bool tail = kFull < k;
        int rowLength = kFull + (tail ? width : 0);
        T* bt = GemmBuffers<T>.B(n * rowLength);
        for (int j = 0; j < n; j++)
        {
            T* dst = bt + (j * rowLength);
            for (int p = 0; p < kFull; p++)
            {
                dst[p] = b[(p * rsB) + (j * csB)];
            }

            if (tail)
            {
                for (int t = 0; t < width; t++)
                {
                    int p = k - width + t;
                    dst[kFull + t] = p >= kFull ? b[(p * rsB) + (j * csB)] : T.Zero;
                }
            }
        }

        bool readC = !T.IsZero(beta);
        T* sums = stackalloc T[8];
        int i = 0;
        for (; i + 8 <= m; i += 8)
        {
            // Eight rows share each B vector: eight independent FMA chains keep both FMA ports busy.
            T* a0 = a + (i * rsA), a4 = a0 + (4 * rsA);
            nint r2 = 2 * rsA, r3 = 3 * rsA;
            for (int j = 0; j < n; j++)
            {
                T* bj = bt + (j * rowLength);
                TVec s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
                TVec s4 = TSimd.Zero, s5 = TSimd.Zero, s6 = TSimd.Zero, s7 = TSimd.Zero;
                int p = 0;
                for (; p < kFull; p += width)
                {
                    TVec bv = TSimd.Load(bj + p);
                    s0 = TSimd.MultiplyAdd(TSimd.Load(a0 + p), bv, s0);
                    s1 = TSimd.MultiplyAdd(TSimd.Load(a0 + rsA + p), bv, s1);
                    s2 = TSimd.MultiplyAdd(TSimd.Load(a0 + r2 + p), bv, s2);
                    s3 = TSimd.MultiplyAdd(TSimd.Load(a0 + r3 + p), bv, s3);
                    s4 = TSimd.MultiplyAdd(TSimd.Load(a4 + p), bv, s4);
                    s5 = TSimd.MultiplyAdd(TSimd.Load(a4 + rsA + p), bv, s5);
                    s6 = TSimd.MultiplyAdd(TSimd.Load(a4 + r2 + p), bv, s6);
                    s7 = TSimd.MultiplyAdd(TSimd.Load(a4 + r3 + p), bv, s7);
                }

                if (tail)
                {
                    TVec bv = TSimd.Load(bj + kFull);
                    p = k - width;
                    s0 = TSimd.MultiplyAdd(TSimd.Load(a0 + p), bv, s0);
                    s1 = TSimd.MultiplyAdd(TSimd.Load(a0 + rsA + p), bv, s1);
                    s2 = TSimd.MultiplyAdd(TSimd.Load(a0 + r2 + p), bv, s2);
                    s3 = TSimd.MultiplyAdd(TSimd.Load(a0 + r3 + p), bv, s3);
                    s4 = TSimd.MultiplyAdd(TSimd.Load(a4 + p), bv, s4);
                    s5 = TSimd.MultiplyAdd(TSimd.Load(a4 + rsA + p), bv, s5);
                    s6 = TSimd.MultiplyAdd(TSimd.Load(a4 + r2 + p), bv, s6);
                    s7 = TSimd.MultiplyAdd(TSimd.Load(a4 + r3 + p), bv, s7);
                }

                TSimd.Sum4(s0, s1, s2, s3, sums);
                TSimd.Sum4(s4, s5, s6, s7, sums + 4);
                T* cij = c + (i * rsC) + (j * csC);
                for (int r = 0; r < 8; r++)
                {
                    Write(cij + (r * rsC), sums[r], alpha, beta, readC);
                }
            }
        }

        for (; i < m; i++)
        {
            T* ai = a + (i * rsA);
            for (int j = 0; j < n; j++)
            {
                T* bj = bt + (j * rowLength);
                TVec s = TSimd.Zero;
                for (int p = 0; p < kFull; p += width)
                {
                    s = TSimd.MultiplyAdd(TSimd.Load(ai + p), TSimd.Load(bj + p), s);
                }

                if (tail)
                {
                    s = TSimd.MultiplyAdd(TSimd.Load(ai + k - width), TSimd.Load(bj + kFull), s);
                }

                Write(c + (i * rsC) + (j * csC), TSimd.Sum(s), alpha, beta, readC);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(T* cij, T sum, T alpha, T beta, bool readC) =>
        *cij = readC ? (alpha * sum) + (beta * *cij) : alpha * sum;
}
