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
            int width = bias.Length;
            Accumulate(r, width, b, 0, width == 0 ? 0 : rows.Length / width, width);
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
            int width = dst.Length;
            Accumulate(d, 0, r, width, width == 0 ? 0 : rows.Length / width, width);
        }
    }

    /// <summary>The loops of <see cref="AddToRows{T}(Span{T}, ReadOnlySpan{T})"/> at one width (internal for the width tests).</summary>
    internal static void AddToRows<T, TVec, TSimd>(T* rows, int count, int width, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        => Accumulate<T, TVec, TSimd>(rows, width, bias, 0, count, width);

    /// <summary>The loops of <see cref="ColumnSums{T}(ReadOnlySpan{T}, Span{T}, bool)"/> at one width (internal for the width tests).</summary>
    internal static void ColumnSums<T, TVec, TSimd>(T* rows, int count, int width, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
        => Accumulate<T, TVec, TSimd>(dst, 0, rows, width, count, width);

    /// <summary>
    /// target[r·targetStride + j] += source[r·sourceStride + j] for r in [0, count), j in [0, width), r in order: a stride
    /// of 0 makes that side the one row vector (the bias added to every row, or the sums the rows are added into).
    /// Dispatches to the widest accelerated vector width.
    /// </summary>
    private static void Accumulate<T>(T* target, int targetStride, T* source, int sourceStride, int count, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Accumulate<T, Vector512<T>, Simd512<T>>(target, targetStride, source, sourceStride, count, width);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Accumulate<T, Vector256<T>, Simd256<T>>(target, targetStride, source, sourceStride, count, width);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Accumulate<T, Vector128<T>, Simd128<T>>(target, targetStride, source, sourceStride, count, width);
        }
        else
        {
            Accumulate<T, T, SimdScalar<T>>(target, targetStride, source, sourceStride, count, width);
        }
    }

    private static void Accumulate<T, TVec, TSimd>(T* target, int targetStride, T* source, int sourceStride, int count, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        int w = TSimd.Count, vectorEnd = width - (width % w);
        for (int r = 0; r < count; r++)
        {
            T* t = target + ((nint)r * targetStride);
            T* s = source + ((nint)r * sourceStride);
            int j = 0;
            for (; j < vectorEnd; j += w)
            {
                TSimd.Store(t + j, TSimd.Add(TSimd.Load(t + j), TSimd.Load(s + j)));
            }

            for (; j < width; j++)
            {
                t[j] += s[j];
            }
        }
    }
}
