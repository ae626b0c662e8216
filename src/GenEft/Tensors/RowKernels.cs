using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenEft.Tensors;

/// <summary>
/// Copy or add one row. Below 16 elements a plain loop beats the per-call cost of a vectorized copy or add,
/// which matters when a gather, scatter or concat moves hundreds of two-element rows (GenEFT's d = 2).
/// </summary>
internal static class RowKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put<T>(ReadOnlySpan<T> source, Span<T> destination, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (source.Length >= 16)
        {
            if (accumulate)
            {
                TensorPrimitives.Add(destination, source, destination);
            }
            else
            {
                source.CopyTo(destination);
            }

            return;
        }

        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = accumulate ? destination[i] + source[i] : source[i];
        }
    }
}
