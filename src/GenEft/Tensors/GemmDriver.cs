using System.Numerics;
using System.Runtime.CompilerServices;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// The GEMM loops for one SIMD width: C = alpha · A · B + beta · C on strided operands, where element (i, p)
/// of A is a[i·rsA + p·csA], (p, j) of B is b[p·rsB + j·csB] and (i, j) of C is c[i·rsC + j·csC] (a
/// transpose is a swap of strides).
/// </summary>
/// <remarks>
/// BLIS-style blocking: the k loop is cut into kc blocks whose B micro-panels (kc x NR) fit in L1; A is cut
/// into mc-row blocks that stay in L2; n into nc-column blocks bounding the packed B buffer. Inside, the jr
/// loop over B micro-panels is outside the ir loop over MR-row tiles so a B micro-panel is reused from L1 by
/// every tile. Operands are packed only when it pays: B when its columns are strided or the product is
/// large; A when its rows are strided and the product is large. Small products (the model's 675 x 50 shapes) read A and B in place, so packing never dominates;
/// a partial last panel is then read in place too, its last vector under a mask.
/// Products with few columns are turned around (Cᵀ = Bᵀ Aᵀ) when A's columns are contiguous, or computed as
/// dot products along k when A's rows are, so a vector lane is never mostly padding.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TVec">The vector type.</typeparam>
/// <typeparam name="TSimd">The vector operations.</typeparam>
internal static unsafe class GemmDriver<T, TVec, TSimd>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : unmanaged
    where TSimd : ISimd<TVec, T>
{
    /// <summary>m·n·k above which strided operands are packed (about 128³).</summary>
    private const long PackThreshold = 1L << 21;

    /// <summary>Bytes of a B micro-panel kept in L1 (half of a 48 KiB L1d, the rest for A and C).</summary>
    private const int L1PanelBytes = 24 * 1024;

    /// <summary>Rows of an A block (a multiple of every tile height), sized for L2 with kc up to 512.</summary>
    private const int RowBlock = 192;

    /// <summary>Most panels in a B block.</summary>
    private const int ColumnBlockPanels = 64;

    /// <summary>Most elements in the packed B buffer (4 MiB of float).</summary>
    private const int PackedBMaxElements = 1 << 20;

    public static void Gemm(
        int m, int n, int k, T alpha, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T beta, T* c, nint rsC, nint csC)
    {
        if (T.IsZero(alpha))
        {
            // BLAS semantics: alpha = 0 does not read A or B, so NaN there does not reach C.
            ScaleC(m, n, beta, c, rsC, csC);
            return;
        }

        int width = TSimd.Count;
        if (2 * n <= width && m > n)
        {
            // Few columns: vector lanes along n would be mostly padding.
            if (csA == 1 && k >= width)
            {
                GemmDot<T, TVec, TSimd>.Gemm(m, n, k, alpha, a, rsA, b, rsB, csB, beta, c, rsC, csC);
                return;
            }

            if (rsA == 1)
            {
                // Cᵀ = Bᵀ Aᵀ: now A's contiguous columns feed the vector lanes in place.
                Blocked(n, m, k, alpha, b, csB, rsB, a, csA, rsA, beta, c, csC, rsC);
                return;
            }
        }

        // A last column panel of at most half a vector (GenEFT's width 50 = 3 x 16 + 2 with 16 lanes) would cost a
        // whole vector of FMAs per row and k for a few useful lanes: compute those columns as dot products along k.
        int nr = TSimd.TileVectors * width, tailColumns = n % nr;
        if (csA == 1 && n > nr && tailColumns > 0 && 2 * tailColumns <= width && k >= width && m > tailColumns)
        {
            int main = n - tailColumns;
            Blocked(m, main, k, alpha, a, rsA, csA, b, rsB, csB, beta, c, rsC, csC);
            GemmDot<T, TVec, TSimd>.Gemm(m, tailColumns, k, alpha, a, rsA, b + (main * csB), rsB, csB, beta, c + (main * csC), rsC, csC);
            return;
        }

        if (rsA == 1 && n > nr && tailColumns > 0 && 2 * tailColumns <= width && m >= width)
        {
            // A transposed (the weight gradient dYᵀ·X): the remainder's Cᵀ = Bᵀ Aᵀ puts the long m axis in the lanes.
            int main = n - tailColumns;
            Blocked(m, main, k, alpha, a, rsA, csA, b, rsB, csB, beta, c, rsC, csC);
            Blocked(tailColumns, m, k, alpha, b + (main * csB), csB, rsB, a, csA, rsA, beta, c + (main * csC), csC, rsC);
            return;
        }

        Blocked(m, n, k, alpha, a, rsA, csA, b, rsB, csB, beta, c, rsC, csC);
    }

    // The stack tile is written before it is read: skip zeroing it on every call (it matters for batches of small products).
    [SkipLocalsInit]
    private static void Blocked(
        int m, int n, int k, T alpha, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T beta, T* c, nint rsC, nint csC)
    {
        int width = TSimd.Count;
        int mr = TSimd.TileRows;
        int nr = TSimd.TileVectors * width;
        bool large = (long)m * n * k >= PackThreshold;
        bool packA = large && rsA != 1;
        bool packAllB = large || csB != 1;

        // kc: as deep as L1 allows for a B micro-panel, then evened out so the last block is not a sliver.
        // A single tile row never reuses a B micro-panel, so it is not worth a short k cut.
        int kcMax = m <= mr ? Math.Min(k, 4096) : Math.Clamp(L1PanelBytes / (nr * sizeof(T)), 64, 512);
        int kBlocks = (k + kcMax - 1) / kcMax;
        int kc = (k + kBlocks - 1) / kBlocks;
        // Bound the packed B block (kc x nc) to PackedBMaxElements, which matters when kc is the whole of a long k.
        int ncMax = Math.Clamp(PackedBMaxElements / (kc * nr), 1, ColumnBlockPanels) * nr;
        int mc = Math.Min(RowBlock, RoundUp(m, mr));

        T* packedB = packAllB ? GemmBuffers<T>.B(kc * Math.Min(RoundUp(n, nr), ncMax)) : null;
        T* packedA = packA ? GemmBuffers<T>.A(mc * kc) : null;
        TVec* tile = stackalloc TVec[GemmMicroKernel.MaxRows * GemmMicroKernel.MaxVectors];

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nb = Math.Min(ncMax, n - jc);
            int panels = (nb + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += kc)
            {
                int kb = Math.Min(kc, k - pc);
                T betaBlock = pc == 0 ? beta : T.One;
                T* bBlock = b + (pc * rsB) + (jc * csB);
                for (int jp = 0; jp < panels; jp++)
                {
                    int cols = Math.Min(nr, nb - (jp * nr));
                    if (packAllB)
                    {
                        PackB(kb, cols, bBlock + (jp * nr * csB), rsB, csB, packedB + (jp * kb * nr), RoundUp(cols, width));
                    }
                }

                for (int ic = 0; ic < m; ic += mc)
                {
                    int mb = Math.Min(mc, m - ic);
                    T* aBlock = a + (ic * rsA) + (pc * csA);
                    nint rsAb = rsA, csAb = csA;
                    if (packA)
                    {
                        PackA(mb, kb, aBlock, rsA, csA, packedA, mr);
                    }

                    for (int jp = 0; jp < panels; jp++)
                    {
                        int j0 = jp * nr;
                        int cols = Math.Min(nr, nb - j0);
                        T* bPanel;
                        nint rsBp;
                        if (packAllB)
                        {
                            // A partial panel is packed only as wide as the vectors that cover it.
                            bPanel = packedB + (jp * kb * nr);
                            rsBp = RoundUp(cols, width);
                        }
                        else
                        {
                            bPanel = bBlock + j0;
                            rsBp = rsB;
                        }

                        int vectors = (cols + width - 1) / width;
                        T* cPanel = c + (ic * rsC) + ((jc + j0) * csC);

                        // A partial last vector is loaded and stored under a mask (B read in place needs no
                        // padding); the kernel updates a unit-stride C straight from registers.
                        bool masked = cols % width != 0;
                        TVec lastMask = TSimd.LowMask(cols % width);
                        bool directC = csC == 1;
                        int i = 0;
                        while (i < mb)
                        {
                            int rows = TileHeight(mb - i, mr);
                            T* aTile;
                            nint rsT, csT;
                            if (packA)
                            {
                                // Packed A: micro-panels of mr rows, k-major.
                                aTile = packedA + ((i / mr) * mr * kb) + (i % mr);
                                rsT = 1;
                                csT = mr;
                            }
                            else
                            {
                                aTile = aBlock + (i * rsAb);
                                rsT = rsAb;
                                csT = csAb;
                            }

                            if (directC)
                            {
                                RunKernel(rows, vectors, masked, kb, aTile, rsT, csT, bPanel, rsBp, tile, cPanel + (i * rsC), rsC, alpha, betaBlock, lastMask);
                            }
                            else
                            {
                                RunKernel(rows, vectors, masked, kb, aTile, rsT, csT, bPanel, rsBp, tile, null, 0, alpha, betaBlock, lastMask);
                                WriteTile(tile, rows, cols, alpha, betaBlock, cPanel + (i * rsC), rsC, csC);
                            }

                            i += rows;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The tallest kernel (mr, then 4, 2, 1 rows) that fits the rows left, so m edges cost no padding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TileHeight(int left, int mr) =>
        left >= mr ? mr : left >= 4 ? 4 : left >= 2 ? 2 : 1;

    /// <summary>
    /// The kernel for a rows x vectors tile. Tiles of fewer than 8 accumulators split k over independent chains
    /// to hide the FMA latency; a masked tile reads and writes only the existing lanes of its last vector.
    /// </summary>
    private static void RunKernel(
        int rows, int vectors, bool masked, int k, T* a, nint rsA, nint csA, T* b, nint rsB, TVec* tile, T* c, nint rsC, T alpha, T beta, TVec lastMask)
    {
        switch ((rows * 8) + (vectors * 2) + (masked ? 1 : 0))
        {
            case (8 * 8) + (3 * 2) + 0:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count3, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (8 * 8) + (2 * 2) + 0:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (8 * 8) + (1 * 2) + 0:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count1, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (3 * 2) + 0:
                GemmMicroKernel.Run<T, TVec, TSimd, Count4, Count3, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (2 * 2) + 0:
                GemmMicroKernel.Run<T, TVec, TSimd, Count4, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (1 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count4, Count1, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (3 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count3, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (2 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count2, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (1 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count1, Count4, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (1 * 8) + (3 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count3, Count2, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (1 * 8) + (2 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count2, Count4, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (1 * 8) + (1 * 2) + 0:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count1, Count4, Count0>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (8 * 8) + (3 * 2) + 1:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count3, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (8 * 8) + (2 * 2) + 1:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (8 * 8) + (1 * 2) + 1:
                GemmMicroKernel.Run<T, TVec, TSimd, Count8, Count1, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (3 * 2) + 1:
                GemmMicroKernel.Run<T, TVec, TSimd, Count4, Count3, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (2 * 2) + 1:
                GemmMicroKernel.Run<T, TVec, TSimd, Count4, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (4 * 8) + (1 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count4, Count1, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (3 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count3, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (2 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count2, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (2 * 8) + (1 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count2, Count1, Count4, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (1 * 8) + (3 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count3, Count2, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            case (1 * 8) + (2 * 2) + 1:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count2, Count4, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
            default:
                GemmSmallTileKernel.Run<T, TVec, TSimd, Count1, Count1, Count4, Count1>(k, a, rsA, csA, b, rsB, tile, c, rsC, alpha, beta, lastMask);
                break;
        }
    }

    /// <summary>C[r, j] = alpha · tile[r, j] + beta · C[r, j] for the valid part of a tile; beta = 0 never reads C.</summary>
    private static void WriteTile(TVec* tile, int rows, int cols, T alpha, T beta, T* c, nint rsC, nint csC)
    {
        int width = TSimd.Count;
        bool readC = !T.IsZero(beta);
        TVec alphaV = TSimd.Broadcast(alpha), betaV = TSimd.Broadcast(beta);
        for (int r = 0; r < rows; r++)
        {
            TVec* t = tile + (r * GemmMicroKernel.MaxVectors);
            T* cr = c + (r * rsC);
            int j = 0;
            if (csC == 1)
            {
                for (int v = 0; j + width <= cols; v++, j += width)
                {
                    TVec acc = TSimd.Multiply(t[v], alphaV);
                    if (readC)
                    {
                        acc = TSimd.MultiplyAdd(TSimd.Load(cr + j), betaV, acc);
                    }

                    TSimd.Store(cr + j, acc);
                }
            }

            T* ts = (T*)t;
            for (; j < cols; j++)
            {
                T value = alpha * ts[j];
                cr[j * csC] = readC ? value + (beta * cr[j * csC]) : value;
            }
        }
    }

    /// <summary>Copies a kb x cols block of B into a row-major panel of width panelWidth (a multiple of the vector width), zero padding the missing columns.</summary>
    private static void PackB(int kb, int cols, T* b, nint rsB, nint csB, T* panel, int panelWidth)
    {
        int width = TSimd.Count;
        int full = cols / width * width;
        for (int p = 0; p < kb; p++)
        {
            T* src = b + (p * rsB);
            T* dst = panel + (p * panelWidth);
            int j = 0;
            if (csB == 1)
            {
                for (; j < full; j += width)
                {
                    TSimd.Store(dst + j, TSimd.Load(src + j));
                }
            }

            if (full < panelWidth)
            {
                // Zero the last vector first, then fill in its valid columns.
                TSimd.Store(dst + full, TSimd.Zero);
            }

            for (; j < cols; j++)
            {
                dst[j] = src[j * csB];
            }
        }
    }

    /// <summary>Copies an mb x kb block of A into micro-panels of mr rows, k-major (element (r, p) at p·mr + r).</summary>
    private static void PackA(int mb, int kb, T* a, nint rsA, nint csA, T* packed, int mr)
    {
        for (int i0 = 0; i0 < mb; i0 += mr)
        {
            int rows = Math.Min(mr, mb - i0);
            T* dst = packed + (i0 * kb);
            for (int r = 0; r < rows; r++)
            {
                T* src = a + ((i0 + r) * rsA);
                for (int p = 0; p < kb; p++)
                {
                    dst[(p * mr) + r] = src[p * csA];
                }
            }
        }
    }

    private static void ScaleC(int m, int n, T beta, T* c, nint rsC, nint csC)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ref T cij = ref c[(i * rsC) + (j * csC)];
                cij = T.IsZero(beta) ? T.Zero : beta * cij;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
