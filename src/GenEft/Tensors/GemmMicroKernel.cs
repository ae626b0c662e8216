using System.Numerics;
using System.Runtime.CompilerServices;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// The GEMM register-blocked micro-kernel: a TRows x (TVectors · width) tile of op(A) · B accumulated in
/// registers over the k loop, one broadcast of an A element and TVectors B vector loads feeding
/// TVectors fused multiply-adds per row and step (BLIS's outer-product formulation).
/// </summary>
internal static unsafe class GemmMicroKernel
{
    /// <summary>Largest tile the kernel computes: rows by vectors. Tile storage uses this row stride.</summary>
    public const int MaxRows = 8;

    /// <summary>Largest tile width in vectors.</summary>
    public const int MaxVectors = 3;

    /// <summary>
    /// tile[r · MaxVectors + v] = Σ_p A[r·rsA + p·csA] · B[p·rsB + v·width .. + width) for r &lt; TRows, v &lt; TVectors.
    /// </summary>
    /// <param name="k">Steps of the inner loop (at least 1).</param>
    /// <param name="a">Element (0, 0) of the A block; element (r, p) is at a[r · rsA + p · csA].</param>
    /// <param name="rsA">A's row stride: 1 for a packed panel or a transposed operand, lda otherwise.</param>
    /// <param name="csA">A's step along k.</param>
    /// <param name="b">Row 0 of a B panel with TVectors · width contiguous columns per row.</param>
    /// <param name="rsB">B's row stride (the panel width when packed, ldb when read in place).</param>
    /// <param name="tile">Destination accumulators, used when <paramref name="c"/> is null.</param>
    /// <param name="c">When not null, the C tile (unit column stride, all TVectors · width columns valid) updated
    /// in place as c = alpha · sum + beta · c (beta = 0 never reads c), saving the round trip through tile.</param>
    /// <param name="rsC">C's row stride.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="lastMask">When TMasked is 1, the lanes of the last vector that exist (a partial panel read in place).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TVec, TSimd, TRows, TVectors, TMasked>(
        int k, T* a, nint rsA, nint csA, T* b, nint rsB, TVec* tile, T* c, nint rsC, T alpha, T beta, TVec lastMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        where TRows : ITileCount
        where TVectors : ITileCount
        where TMasked : ITileCount
    {
        TVec c00 = TSimd.Zero,
            c01 = TSimd.Zero,
            c02 = TSimd.Zero,
            c10 = TSimd.Zero,
            c11 = TSimd.Zero,
            c12 = TSimd.Zero,
            c20 = TSimd.Zero,
            c21 = TSimd.Zero,
            c22 = TSimd.Zero,
            c30 = TSimd.Zero,
            c31 = TSimd.Zero,
            c32 = TSimd.Zero,
            c40 = TSimd.Zero,
            c41 = TSimd.Zero,
            c42 = TSimd.Zero,
            c50 = TSimd.Zero,
            c51 = TSimd.Zero,
            c52 = TSimd.Zero,
            c60 = TSimd.Zero,
            c61 = TSimd.Zero,
            c62 = TSimd.Zero,
            c70 = TSimd.Zero,
            c71 = TSimd.Zero,
            c72 = TSimd.Zero;
        nint rs2 = rsA * 2, rs3 = rsA * 3;
        T* a4 = a + (rsA * 4);
        int width = TSimd.Count;
        for (int p = 0; p < k; p++)
        {
            TVec b0 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b, 0, lastMask);
            TVec b1 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + width, 1, lastMask) : TSimd.Zero;
            TVec b2 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + (2 * width), 2, lastMask) : TSimd.Zero;
            TVec x;
            x = TSimd.Broadcast(a[0]);
            c00 = TSimd.MultiplyAdd(x, b0, c00);

            if (TVectors.Value > 1)
            {
                c01 = TSimd.MultiplyAdd(x, b1, c01);
            }

            if (TVectors.Value > 2)
            {
                c02 = TSimd.MultiplyAdd(x, b2, c02);
            }

            if (TRows.Value > 1)
            {
                x = TSimd.Broadcast(a[rsA]);
                c10 = TSimd.MultiplyAdd(x, b0, c10);

                if (TVectors.Value > 1)
                {
                    c11 = TSimd.MultiplyAdd(x, b1, c11);
                }

                if (TVectors.Value > 2)
                {
                    c12 = TSimd.MultiplyAdd(x, b2, c12);
                }
            }

            if (TRows.Value > 2)
            {
                x = TSimd.Broadcast(a[rs2]);
                c20 = TSimd.MultiplyAdd(x, b0, c20);

                if (TVectors.Value > 1)
                {
                    c21 = TSimd.MultiplyAdd(x, b1, c21);
                }

                if (TVectors.Value > 2)
                {
                    c22 = TSimd.MultiplyAdd(x, b2, c22);
                }
            }

            if (TRows.Value > 3)
            {
                x = TSimd.Broadcast(a[rs3]);
                c30 = TSimd.MultiplyAdd(x, b0, c30);

                if (TVectors.Value > 1)
                {
                    c31 = TSimd.MultiplyAdd(x, b1, c31);
                }

                if (TVectors.Value > 2)
                {
                    c32 = TSimd.MultiplyAdd(x, b2, c32);
                }
            }

            if (TRows.Value > 4)
            {
                x = TSimd.Broadcast(a4[0]);
                c40 = TSimd.MultiplyAdd(x, b0, c40);

                if (TVectors.Value > 1)
                {
                    c41 = TSimd.MultiplyAdd(x, b1, c41);
                }

                if (TVectors.Value > 2)
                {
                    c42 = TSimd.MultiplyAdd(x, b2, c42);
                }
            }

            if (TRows.Value > 5)
            {
                x = TSimd.Broadcast(a4[rsA]);
                c50 = TSimd.MultiplyAdd(x, b0, c50);

                if (TVectors.Value > 1)
                {
                    c51 = TSimd.MultiplyAdd(x, b1, c51);
                }

                if (TVectors.Value > 2)
                {
                    c52 = TSimd.MultiplyAdd(x, b2, c52);
                }
            }

            if (TRows.Value > 6)
            {
                x = TSimd.Broadcast(a4[rs2]);
                c60 = TSimd.MultiplyAdd(x, b0, c60);

                if (TVectors.Value > 1)
                {
                    c61 = TSimd.MultiplyAdd(x, b1, c61);
                }

                if (TVectors.Value > 2)
                {
                    c62 = TSimd.MultiplyAdd(x, b2, c62);
                }
            }

            if (TRows.Value > 7)
            {
                x = TSimd.Broadcast(a4[rs3]);
                c70 = TSimd.MultiplyAdd(x, b0, c70);

                if (TVectors.Value > 1)
                {
                    c71 = TSimd.MultiplyAdd(x, b1, c71);
                }

                if (TVectors.Value > 2)
                {
                    c72 = TSimd.MultiplyAdd(x, b2, c72);
                }
            }

            a += csA;
            a4 += csA;
            b += rsB;
        }

        if (c != null)
        {
            TVec alphaV = TSimd.Broadcast(alpha), betaV = TSimd.Broadcast(beta);
            bool readC = !T.IsZero(beta);
            GemmMicroKernel.Update<T, TVec, TSimd>(c, c00, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            if (TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + width, c01, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * width), c02, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC, c10, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 1 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC + width, c11, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 1 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC + (2 * width), c12, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC), c20, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 2 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC) + width, c21, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 2 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC) + (2 * width), c22, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 3)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC), c30, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 3 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC) + width, c31, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 3 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC) + (2 * width), c32, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 4)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (4 * rsC), c40, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 4 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (4 * rsC) + width, c41, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 4 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (4 * rsC) + (2 * width), c42, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 5)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (5 * rsC), c50, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 5 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (5 * rsC) + width, c51, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 5 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (5 * rsC) + (2 * width), c52, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 6)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (6 * rsC), c60, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 6 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (6 * rsC) + width, c61, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 6 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (6 * rsC) + (2 * width), c62, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 7)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (7 * rsC), c70, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 7 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (7 * rsC) + width, c71, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 7 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (7 * rsC) + (2 * width), c72, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            return;
        }

        tile[0] = c00;
        if (TVectors.Value > 1)
        {
            tile[1] = c01;
        }
        if (TVectors.Value > 2)
        {
            tile[2] = c02;
        }
        if (TRows.Value > 1)
        {
            tile[3] = c10;
        }
        if (TRows.Value > 1 && TVectors.Value > 1)
        {
            tile[4] = c11;
        }
        if (TRows.Value > 1 && TVectors.Value > 2)
        {
            tile[5] = c12;
        }
        if (TRows.Value > 2)
        {
            tile[6] = c20;
        }
        if (TRows.Value > 2 && TVectors.Value > 1)
        {
            tile[7] = c21;
        }
        if (TRows.Value > 2 && TVectors.Value > 2)
        {
            tile[8] = c22;
        }
        if (TRows.Value > 3)
        {
            tile[9] = c30;
        }
        if (TRows.Value > 3 && TVectors.Value > 1)
        {
            tile[10] = c31;
        }
        if (TRows.Value > 3 && TVectors.Value > 2)
        {
            tile[11] = c32;
        }
        if (TRows.Value > 4)
        {
            tile[12] = c40;
        }
        if (TRows.Value > 4 && TVectors.Value > 1)
        {
            tile[13] = c41;
        }
        if (TRows.Value > 4 && TVectors.Value > 2)
        {
            tile[14] = c42;
        }
        if (TRows.Value > 5)
        {
            tile[15] = c50;
        }
        if (TRows.Value > 5 && TVectors.Value > 1)
        {
            tile[16] = c51;
        }
        if (TRows.Value > 5 && TVectors.Value > 2)
        {
            tile[17] = c52;
        }
        if (TRows.Value > 6)
        {
            tile[18] = c60;
        }
        if (TRows.Value > 6 && TVectors.Value > 1)
        {
            tile[19] = c61;
        }
        if (TRows.Value > 6 && TVectors.Value > 2)
        {
            tile[20] = c62;
        }
        if (TRows.Value > 7)
        {
            tile[21] = c70;
        }
        if (TRows.Value > 7 && TVectors.Value > 1)
        {
            tile[22] = c71;
        }
        if (TRows.Value > 7 && TVectors.Value > 2)
        {
            tile[23] = c72;
        }
    }

    /// <summary>The B vector <paramref name="vector"/> of a row: masked when it is the partial last vector of the panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVec LoadB<T, TVec, TSimd, TVectors, TMasked>(T* b, int vector, TVec lastMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        where TVectors : ITileCount
        where TMasked : ITileCount
        => TMasked.Value > 0 && vector == TVectors.Value - 1 ? TSimd.LoadMasked(b, lastMask) : TSimd.Load(b);

    /// <summary>c = alpha · sum + beta · c for one vector of C (only the lanes in <paramref name="mask"/> when masked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Update<T, TVec, TSimd>(T* c, TVec sum, TVec alpha, TVec beta, bool readC, bool masked, TVec mask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        TVec value = TSimd.Multiply(sum, alpha);
        if (masked)
        {
            TSimd.StoreMasked(c, readC ? TSimd.MultiplyAdd(TSimd.LoadMasked(c, mask), beta, value) : value, mask);
        }
        else
        {
            TSimd.Store(c, readC ? TSimd.MultiplyAdd(TSimd.Load(c), beta, value) : value);
        }
    }
}
