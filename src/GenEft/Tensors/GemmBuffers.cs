using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GenEft.Tensors;

/// <summary>
/// Per-thread packing buffers for GEMM, pinned and 64-byte aligned, grown on demand and then reused, so
/// steady-state calls allocate nothing.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal static unsafe class GemmBuffers<T>
    where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static T[]? s_a;

    [ThreadStatic]
    private static T[]? s_b;

    /// <summary>A buffer of at least <paramref name="length"/> elements for packed A blocks.</summary>
    public static T* A(int length) => Get(ref s_a, length);

    /// <summary>A buffer of at least <paramref name="length"/> elements for packed B panels.</summary>
    public static T* B(int length) => Get(ref s_b, length);

    private static T* Get(ref T[]? buffer, int length)
    {
        int padded = length + (Alignment / sizeof(T));
        if (buffer is null || buffer.Length < padded)
        {
            // Pinned, so the raw pointer stays valid; rounded up to limit regrowth.
            buffer = GC.AllocateUninitializedArray<T>(Math.Max(padded, 4096), pinned: true);
        }

        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        nint aligned = (address + (Alignment - 1)) & ~(nint)(Alignment - 1);
        return (T*)aligned;
    }
}
