using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GenEft.Tensors.Simd;

namespace GenEft.Tensors;

/// <summary>
/// A row vector broadcast over the rows of a row-major [rows, width] buffer and its adjoint, the column sums: the
/// bias of a linear layer forward and backward. One call walks every row (no per-row call, which costs more than the
/// work when rows are short: GenEFT's layers have 50 or 1 columns and 675 rows), vectors along the row, a scalar
/// tail. Column sums add the rows in order, row 0 first, into each column, so every width gives the bits of the
/// scalar loop dst[j] += rows[r, j].
/// </summary>
internal static unsafe class RowBroadcastKernels
{
    /// <summary>rows[r, :] += bias for every row; rows.Length is a multiple of bias.Length.</summary>
    public static void AddToRows<T>(Span<T> rows, ReadOnlySpan<T> bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* r = &MemoryMarshal.GetReference(rows))
        fixed (T* b = &MemoryMarshal.GetReference(bias))
        {
            int width = bias.Length, count = width == 0 ? 0 : rows.Length / width;
            if (Vector512.IsHardwareAccelerated)
            {
                AddToRows<T, Vector512<T>, Simd512<T>>(r, count, width, b);
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                AddToRows<T, Vector256<T>, Simd256<T>>(r, count, width, b);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                AddToRows<T, Vector128<T>, Simd128<T>>(r, count, width, b);
            }
            else
            {
                AddToRows<T, T, SimdScalar<T>>(r, count, width, b);
            }
        }
    }

    /// <summary>dst (=|+=) Σ_r rows[r, :], rows added in order; rows.Length is a multiple of dst.Length.</summary>
    public static void ColumnSums<T>(ReadOnlySpan<T> rows, Span<T> dst, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!accumulate)
        {
            dst.Clear();
        }

        fixed (T* r = &MemoryMarshal.GetReference(rows))
        fixed (T* d = &MemoryMarshal.GetReference(dst))
        {
            int width = dst.Length, count = width == 0 ? 0 : rows.Length / width;
            if (Vector512.IsHardwareAccelerated)
            {
                ColumnSums<T, Vector512<T>, Simd512<T>>(r, count, width, d);
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                ColumnSums<T, Vector256<T>, Simd256<T>>(r, count, width, d);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                ColumnSums<T, Vector128<T>, Simd128<T>>(r, count, width, d);
            }
            else
            {
                ColumnSums<T, T, SimdScalar<T>>(r, count, width, d);
            }
        }
    }

    /// <summary>The loops of <see cref="AddToRows{T}(Span{T}, ReadOnlySpan{T})"/> at one width (internal for the width tests).</summary>
    internal static void AddToRows<T, TVec, TSimd>(T* rows, int count, int width, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int w = TSimd.Count, vectorEnd = width - (width % w);
        for (int r = 0; r < count; r++)
        {
            T* row = rows + ((nint)r * width);
            int j = 0;
            for (; j < vectorEnd; j += w)
            {
                TSimd.Store(row + j, TSimd.Add(TSimd.Load(row + j), TSimd.Load(bias + j)));
            }

            for (; j < width; j++)
            {
                row[j] += bias[j];
            }
        }
    }

    /// <summary>The loops of <see cref="ColumnSums{T}(ReadOnlySpan{T}, Span{T}, bool)"/> at one width (internal for the width tests).</summary>
    internal static void ColumnSums<T, TVec, TSimd>(T* rows, int count, int width, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int w = TSimd.Count, vectorEnd = width - (width % w);
        for (int r = 0; r < count; r++)
        {
            T* row = rows + ((nint)r * width);
            int j = 0;
            for (; j < vectorEnd; j += w)
            {
                TSimd.Store(dst + j, TSimd.Add(TSimd.Load(dst + j), TSimd.Load(row + j)));
            }

            for (; j < width; j++)
            {
                dst[j] += row[j];
            }
        }
    }
}
