using System.Numerics;
using System.Runtime.CompilerServices;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// The micro-kernel for small tiles (at most 4 rows, fewer than 8 accumulators): a fused multiply-add has a
/// latency of about four cycles, so a handful of accumulators leaves the FMA units idle waiting on each
/// other. This variant splits the k loop over TChains independent accumulator sets (step p goes to chain
/// p mod TChains) and adds them at the end, keeping enough FMAs in flight for the skinny products of the
/// backward pass (for example 50x675 · 675x1).
/// </summary>
internal static unsafe class GemmSmallTileKernel
{
    /// <summary>Same contract as <see cref="GemmMicroKernel.Run{T, TVec, TSimd, TRows, TVectors, TMasked}"/>, for TRows of 1, 2 or 4.</summary>
    /// <param name="k">Steps of the inner loop (at least 1).</param>
    /// <param name="a">Element (0, 0) of the A block; element (r, p) is at a[r · rsA + p · csA].</param>
    /// <param name="rsA">A's row stride.</param>
    /// <param name="csA">A's step along k.</param>
    /// <param name="b">Row 0 of a B panel with TVectors · width contiguous columns per row.</param>
    /// <param name="rsB">B's row stride.</param>
    /// <param name="tile">Destination accumulators, used when <paramref name="c"/> is null.</param>
    /// <param name="c">When not null, the C tile updated in place (see the main kernel).</param>
    /// <param name="rsC">C's row stride.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="lastMask">When TMasked is 1, the lanes of the last vector that exist (a partial panel read in place).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TVec, TSimd, TRows, TVectors, TChains, TMasked>(
        int k, T* a, nint rsA, nint csA, T* b, nint rsB, TVec* tile, T* c, nint rsC, T alpha, T beta, TVec lastMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        where TRows : ITileCount
        where TVectors : ITileCount
        where TMasked : ITileCount
        where TChains : ITileCount
    {
        TVec c000 = TSimd.Zero,
            c001 = TSimd.Zero,
            c002 = TSimd.Zero,
            c010 = TSimd.Zero,
            c011 = TSimd.Zero,
            c012 = TSimd.Zero,
            c020 = TSimd.Zero,
            c021 = TSimd.Zero,
            c022 = TSimd.Zero,
            c030 = TSimd.Zero,
            c031 = TSimd.Zero,
            c032 = TSimd.Zero,
            c100 = TSimd.Zero,
            c101 = TSimd.Zero,
            c102 = TSimd.Zero,
            c110 = TSimd.Zero,
            c111 = TSimd.Zero,
            c112 = TSimd.Zero,
            c120 = TSimd.Zero,
            c121 = TSimd.Zero,
            c122 = TSimd.Zero,
            c130 = TSimd.Zero,
            c131 = TSimd.Zero,
            c132 = TSimd.Zero,
            c200 = TSimd.Zero,
            c201 = TSimd.Zero,
            c202 = TSimd.Zero,
            c210 = TSimd.Zero,
            c211 = TSimd.Zero,
            c212 = TSimd.Zero,
            c220 = TSimd.Zero,
            c221 = TSimd.Zero,
            c222 = TSimd.Zero,
            c230 = TSimd.Zero,
            c231 = TSimd.Zero,
            c232 = TSimd.Zero,
            c300 = TSimd.Zero,
            c301 = TSimd.Zero,
            c302 = TSimd.Zero,
            c310 = TSimd.Zero,
            c311 = TSimd.Zero,
            c312 = TSimd.Zero,
            c320 = TSimd.Zero,
            c321 = TSimd.Zero,
            c322 = TSimd.Zero,
            c330 = TSimd.Zero,
            c331 = TSimd.Zero,
            c332 = TSimd.Zero;
        nint rs2 = rsA * 2, rs3 = rsA * 3;
        int width = TSimd.Count;
        int chains = TChains.Value;
        int p = 0;
        for (; p + chains <= k; p += chains)
        {
            {
                T* a1 = a + csA, a2 = a + (2 * csA), a3 = a + (3 * csA);
                T* b1 = b + rsB, b2 = b + (2 * rsB), b3 = b + (3 * rsB);
                TVec b00 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b, 0, lastMask);
                TVec b01 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + width, 1, lastMask) : TSimd.Zero;
                TVec b02 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + (2 * width), 2, lastMask) : TSimd.Zero;
                TVec x00 = TSimd.Broadcast(a[0]);
                c000 = TSimd.MultiplyAdd(x00, b00, c000);
                if (TVectors.Value > 1)
                {
                    c001 = TSimd.MultiplyAdd(x00, b01, c001);
                }
                if (TVectors.Value > 2)
                {
                    c002 = TSimd.MultiplyAdd(x00, b02, c002);
                }
                if (TRows.Value > 1)
                {
                    TVec x01 = TSimd.Broadcast(a[rsA]);
                    c010 = TSimd.MultiplyAdd(x01, b00, c010);
                    if (TVectors.Value > 1)
                    {
                        c011 = TSimd.MultiplyAdd(x01, b01, c011);
                    }
                    if (TVectors.Value > 2)
                    {
                        c012 = TSimd.MultiplyAdd(x01, b02, c012);
                    }
                }
                if (TRows.Value > 2)
                {
                    TVec x02 = TSimd.Broadcast(a[rs2]);
                    c020 = TSimd.MultiplyAdd(x02, b00, c020);
                    if (TVectors.Value > 1)
                    {
                        c021 = TSimd.MultiplyAdd(x02, b01, c021);
                    }
                    if (TVectors.Value > 2)
                    {
                        c022 = TSimd.MultiplyAdd(x02, b02, c022);
                    }
                }
                if (TRows.Value > 3)
                {
                    TVec x03 = TSimd.Broadcast(a[rs3]);
                    c030 = TSimd.MultiplyAdd(x03, b00, c030);
                    if (TVectors.Value > 1)
                    {
                        c031 = TSimd.MultiplyAdd(x03, b01, c031);
                    }
                    if (TVectors.Value > 2)
                    {
                        c032 = TSimd.MultiplyAdd(x03, b02, c032);
                    }
                }
                if (TChains.Value > 1)
                {
                    TVec b10 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b1, 0, lastMask);
                    TVec b11 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b1 + width, 1, lastMask) : TSimd.Zero;
                    TVec b12 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b1 + (2 * width), 2, lastMask) : TSimd.Zero;
                    TVec x10 = TSimd.Broadcast(a1[0]);
                    c100 = TSimd.MultiplyAdd(x10, b10, c100);
                    if (TVectors.Value > 1)
                    {
                        c101 = TSimd.MultiplyAdd(x10, b11, c101);
                    }
                    if (TVectors.Value > 2)
                    {
                        c102 = TSimd.MultiplyAdd(x10, b12, c102);
                    }
                    if (TRows.Value > 1)
                    {
                        TVec x11 = TSimd.Broadcast(a1[rsA]);
                        c110 = TSimd.MultiplyAdd(x11, b10, c110);
                        if (TVectors.Value > 1)
                        {
                            c111 = TSimd.MultiplyAdd(x11, b11, c111);
                        }
                        if (TVectors.Value > 2)
                        {
                            c112 = TSimd.MultiplyAdd(x11, b12, c112);
                        }
                    }
                    if (TRows.Value > 2)
                    {
                        TVec x12 = TSimd.Broadcast(a1[rs2]);
                        c120 = TSimd.MultiplyAdd(x12, b10, c120);
                        if (TVectors.Value > 1)
                        {
                            c121 = TSimd.MultiplyAdd(x12, b11, c121);
                        }
                        if (TVectors.Value > 2)
                        {
                            c122 = TSimd.MultiplyAdd(x12, b12, c122);
                        }
                    }
                    if (TRows.Value > 3)
                    {
                        TVec x13 = TSimd.Broadcast(a1[rs3]);
                        c130 = TSimd.MultiplyAdd(x13, b10, c130);
                        if (TVectors.Value > 1)
                        {
                            c131 = TSimd.MultiplyAdd(x13, b11, c131);
                        }
                        if (TVectors.Value > 2)
                        {
                            c132 = TSimd.MultiplyAdd(x13, b12, c132);
                        }
                    }
                }
                if (TChains.Value > 2)
                {
                    TVec b20 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b2, 0, lastMask);
                    TVec b21 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b2 + width, 1, lastMask) : TSimd.Zero;
                    TVec b22 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b2 + (2 * width), 2, lastMask) : TSimd.Zero;
                    TVec x20 = TSimd.Broadcast(a2[0]);
                    c200 = TSimd.MultiplyAdd(x20, b20, c200);
                    if (TVectors.Value > 1)
                    {
                        c201 = TSimd.MultiplyAdd(x20, b21, c201);
                    }
                    if (TVectors.Value > 2)
                    {
                        c202 = TSimd.MultiplyAdd(x20, b22, c202);
                    }
                    if (TRows.Value > 1)
                    {
                        TVec x21 = TSimd.Broadcast(a2[rsA]);
                        c210 = TSimd.MultiplyAdd(x21, b20, c210);
                        if (TVectors.Value > 1)
                        {
                            c211 = TSimd.MultiplyAdd(x21, b21, c211);
                        }
                        if (TVectors.Value > 2)
                        {
                            c212 = TSimd.MultiplyAdd(x21, b22, c212);
                        }
                    }
                    if (TRows.Value > 2)
                    {
                        TVec x22 = TSimd.Broadcast(a2[rs2]);
                        c220 = TSimd.MultiplyAdd(x22, b20, c220);
                        if (TVectors.Value > 1)
                        {
                            c221 = TSimd.MultiplyAdd(x22, b21, c221);
                        }
                        if (TVectors.Value > 2)
                        {
                            c222 = TSimd.MultiplyAdd(x22, b22, c222);
                        }
                    }
                    if (TRows.Value > 3)
                    {
                        TVec x23 = TSimd.Broadcast(a2[rs3]);
                        c230 = TSimd.MultiplyAdd(x23, b20, c230);
                        if (TVectors.Value > 1)
                        {
                            c231 = TSimd.MultiplyAdd(x23, b21, c231);
                        }
                        if (TVectors.Value > 2)
                        {
                            c232 = TSimd.MultiplyAdd(x23, b22, c232);
                        }
                    }
                }
                if (TChains.Value > 3)
                {
                    TVec b30 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b3, 0, lastMask);
                    TVec b31 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b3 + width, 1, lastMask) : TSimd.Zero;
                    TVec b32 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b3 + (2 * width), 2, lastMask) : TSimd.Zero;
                    TVec x30 = TSimd.Broadcast(a3[0]);
                    c300 = TSimd.MultiplyAdd(x30, b30, c300);
                    if (TVectors.Value > 1)
                    {
                        c301 = TSimd.MultiplyAdd(x30, b31, c301);
                    }
                    if (TVectors.Value > 2)
                    {
                        c302 = TSimd.MultiplyAdd(x30, b32, c302);
                    }
                    if (TRows.Value > 1)
                    {
                        TVec x31 = TSimd.Broadcast(a3[rsA]);
                        c310 = TSimd.MultiplyAdd(x31, b30, c310);
                        if (TVectors.Value > 1)
                        {
                            c311 = TSimd.MultiplyAdd(x31, b31, c311);
                        }
                        if (TVectors.Value > 2)
                        {
                            c312 = TSimd.MultiplyAdd(x31, b32, c312);
                        }
                    }
                    if (TRows.Value > 2)
                    {
                        TVec x32 = TSimd.Broadcast(a3[rs2]);
                        c320 = TSimd.MultiplyAdd(x32, b30, c320);
                        if (TVectors.Value > 1)
                        {
                            c321 = TSimd.MultiplyAdd(x32, b31, c321);
                        }
                        if (TVectors.Value > 2)
                        {
                            c322 = TSimd.MultiplyAdd(x32, b32, c322);
                        }
                    }
                    if (TRows.Value > 3)
                    {
                        TVec x33 = TSimd.Broadcast(a3[rs3]);
                        c330 = TSimd.MultiplyAdd(x33, b30, c330);
                        if (TVectors.Value > 1)
                        {
                            c331 = TSimd.MultiplyAdd(x33, b31, c331);
                        }
                        if (TVectors.Value > 2)
                        {
                            c332 = TSimd.MultiplyAdd(x33, b32, c332);
                        }
                    }
                }
            }

            a += chains * csA;
            b += chains * rsB;
        }

        for (; p < k; p++)
        {
            {
                TVec t0 = GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b, 0, lastMask);
                TVec t1 = TVectors.Value > 1 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + width, 1, lastMask) : TSimd.Zero;
                TVec t2 = TVectors.Value > 2 ? GemmMicroKernel.LoadB<T, TVec, TSimd, TVectors, TMasked>(b + (2 * width), 2, lastMask) : TSimd.Zero;
                TVec y00 = TSimd.Broadcast(a[0]);
                c000 = TSimd.MultiplyAdd(y00, t0, c000);
                if (TVectors.Value > 1)
                {
                    c001 = TSimd.MultiplyAdd(y00, t1, c001);
                }
                if (TVectors.Value > 2)
                {
                    c002 = TSimd.MultiplyAdd(y00, t2, c002);
                }
                if (TRows.Value > 1)
                {
                    TVec y01 = TSimd.Broadcast(a[rsA]);
                    c010 = TSimd.MultiplyAdd(y01, t0, c010);
                    if (TVectors.Value > 1)
                    {
                        c011 = TSimd.MultiplyAdd(y01, t1, c011);
                    }
                    if (TVectors.Value > 2)
                    {
                        c012 = TSimd.MultiplyAdd(y01, t2, c012);
                    }
                }
                if (TRows.Value > 2)
                {
                    TVec y02 = TSimd.Broadcast(a[rs2]);
                    c020 = TSimd.MultiplyAdd(y02, t0, c020);
                    if (TVectors.Value > 1)
                    {
                        c021 = TSimd.MultiplyAdd(y02, t1, c021);
                    }
                    if (TVectors.Value > 2)
                    {
                        c022 = TSimd.MultiplyAdd(y02, t2, c022);
                    }
                }
                if (TRows.Value > 3)
                {
                    TVec y03 = TSimd.Broadcast(a[rs3]);
                    c030 = TSimd.MultiplyAdd(y03, t0, c030);
                    if (TVectors.Value > 1)
                    {
                        c031 = TSimd.MultiplyAdd(y03, t1, c031);
                    }
                    if (TVectors.Value > 2)
                    {
                        c032 = TSimd.MultiplyAdd(y03, t2, c032);
                    }
                }
            }

            a += csA;
            b += rsB;
        }

        c000 = TSimd.Add(c000, c100);
        if (TChains.Value > 2)
        {
            c000 = TSimd.Add(c000, TSimd.Add(c200, c300));
        }
        if (TVectors.Value > 1)
        {
            c001 = TSimd.Add(c001, c101);
            if (TChains.Value > 2)
            {
                c001 = TSimd.Add(c001, TSimd.Add(c201, c301));
            }
        }
        if (TVectors.Value > 2)
        {
            c002 = TSimd.Add(c002, c102);
            if (TChains.Value > 2)
            {
                c002 = TSimd.Add(c002, TSimd.Add(c202, c302));
            }
        }
        if (TRows.Value > 1)
        {
            c010 = TSimd.Add(c010, c110);
            if (TChains.Value > 2)
            {
                c010 = TSimd.Add(c010, TSimd.Add(c210, c310));
            }
        }
        if (TRows.Value > 1 && TVectors.Value > 1)
        {
            c011 = TSimd.Add(c011, c111);
            if (TChains.Value > 2)
            {
                c011 = TSimd.Add(c011, TSimd.Add(c211, c311));
            }
        }
        if (TRows.Value > 1 && TVectors.Value > 2)
        {
            c012 = TSimd.Add(c012, c112);
            if (TChains.Value > 2)
            {
                c012 = TSimd.Add(c012, TSimd.Add(c212, c312));
            }
        }
        if (TRows.Value > 2)
        {
            c020 = TSimd.Add(c020, c120);
            if (TChains.Value > 2)
            {
                c020 = TSimd.Add(c020, TSimd.Add(c220, c320));
            }
        }
        if (TRows.Value > 2 && TVectors.Value > 1)
        {
            c021 = TSimd.Add(c021, c121);
            if (TChains.Value > 2)
            {
                c021 = TSimd.Add(c021, TSimd.Add(c221, c321));
            }
        }
        if (TRows.Value > 2 && TVectors.Value > 2)
        {
            c022 = TSimd.Add(c022, c122);
            if (TChains.Value > 2)
            {
                c022 = TSimd.Add(c022, TSimd.Add(c222, c322));
            }
        }
        if (TRows.Value > 3)
        {
            c030 = TSimd.Add(c030, c130);
            if (TChains.Value > 2)
            {
                c030 = TSimd.Add(c030, TSimd.Add(c230, c330));
            }
        }
        if (TRows.Value > 3 && TVectors.Value > 1)
        {
            c031 = TSimd.Add(c031, c131);
            if (TChains.Value > 2)
            {
                c031 = TSimd.Add(c031, TSimd.Add(c231, c331));
            }
        }
        if (TRows.Value > 3 && TVectors.Value > 2)
        {
            c032 = TSimd.Add(c032, c132);
            if (TChains.Value > 2)
            {
                c032 = TSimd.Add(c032, TSimd.Add(c232, c332));
            }
        }

        if (c != null)
        {
            TVec alphaV = TSimd.Broadcast(alpha), betaV = TSimd.Broadcast(beta);
            bool readC = !T.IsZero(beta);
            GemmMicroKernel.Update<T, TVec, TSimd>(c, c000, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            if (TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + width, c001, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * width), c002, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC, c010, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 1 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC + width, c011, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 1 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + rsC + (2 * width), c012, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC), c020, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 2 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC) + width, c021, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 2 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (2 * rsC) + (2 * width), c022, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            if (TRows.Value > 3)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC), c030, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 1, lastMask);
            }
            if (TRows.Value > 3 && TVectors.Value > 1)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC) + width, c031, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 2, lastMask);
            }
            if (TRows.Value > 3 && TVectors.Value > 2)
            {
                GemmMicroKernel.Update<T, TVec, TSimd>(c + (3 * rsC) + (2 * width), c032, alphaV, betaV, readC, TMasked.Value > 0 && TVectors.Value == 3, lastMask);
            }
            return;
        }

        tile[(0 * GemmMicroKernel.MaxVectors) + 0] = c000;
        if (TVectors.Value > 1)
        {
            tile[(0 * GemmMicroKernel.MaxVectors) + 1] = c001;
        }
        if (TVectors.Value > 2)
        {
            tile[(0 * GemmMicroKernel.MaxVectors) + 2] = c002;
        }
        if (TRows.Value > 1)
        {
            tile[(1 * GemmMicroKernel.MaxVectors) + 0] = c010;
        }
        if (TRows.Value > 1 && TVectors.Value > 1)
        {
            tile[(1 * GemmMicroKernel.MaxVectors) + 1] = c011;
        }
        if (TRows.Value > 1 && TVectors.Value > 2)
        {
            tile[(1 * GemmMicroKernel.MaxVectors) + 2] = c012;
        }
        if (TRows.Value > 2)
        {
            tile[(2 * GemmMicroKernel.MaxVectors) + 0] = c020;
        }
        if (TRows.Value > 2 && TVectors.Value > 1)
        {
            tile[(2 * GemmMicroKernel.MaxVectors) + 1] = c021;
        }
        if (TRows.Value > 2 && TVectors.Value > 2)
        {
            tile[(2 * GemmMicroKernel.MaxVectors) + 2] = c022;
        }
        if (TRows.Value > 3)
        {
            tile[(3 * GemmMicroKernel.MaxVectors) + 0] = c030;
        }
        if (TRows.Value > 3 && TVectors.Value > 1)
        {
            tile[(3 * GemmMicroKernel.MaxVectors) + 1] = c031;
        }
        if (TRows.Value > 3 && TVectors.Value > 2)
        {
            tile[(3 * GemmMicroKernel.MaxVectors) + 2] = c032;
        }
    }
}
