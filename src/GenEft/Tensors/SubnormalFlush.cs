using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenEft.Tensors;

/// <summary>
/// Flush-to-zero in software (.NET exposes no FTZ/DAZ switch): x ← 0 with x's sign where |x| &lt; the smallest
/// normal number of T (float 2^-126 ≈ 1.18e-38, double 2^-1022), x unchanged otherwise (NaN and ±∞ included).
/// The same rule at every width, so every path gives identical bits.
/// </summary>
internal static class SubnormalFlush
{
    /// <summary>The smallest positive normal number of T.</summary>
    public static T MinNormal<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? T.CreateTruncating(1.17549435E-38f)
            : typeof(T) == typeof(double) ? T.CreateTruncating(2.2250738585072014E-308)
            : T.ScaleB(T.One, MinExponent<T>());

    /// <summary>Flushes one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Flush<T>(T x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => T.Abs(x) < MinNormal<T>() ? T.CopySign(T.Zero, x) : x;

    /// <summary>Flushes every lane of a <see cref="Vector{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Flush<T>(Vector<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tiny = Vector.LessThan(Vector.Abs(x), new Vector<T>(MinNormal<T>()));
        return Vector.ConditionalSelect(tiny, x & new Vector<T>(-T.Zero), x);
    }

    /// <summary>Flushes every lane of a <see cref="Vector512{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Flush<T>(Vector512<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tiny = Vector512.LessThan(Vector512.Abs(x), Vector512.Create(MinNormal<T>()));
        return Vector512.ConditionalSelect(tiny, x & Vector512.Create(-T.Zero), x);
    }

    /// <summary>Flushes every lane of a <see cref="Vector256{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Flush<T>(Vector256<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tiny = Vector256.LessThan(Vector256.Abs(x), Vector256.Create(MinNormal<T>()));
        return Vector256.ConditionalSelect(tiny, x & Vector256.Create(-T.Zero), x);
    }

    /// <summary>Flushes every lane of a <see cref="Vector128{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Flush<T>(Vector128<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tiny = Vector128.LessThan(Vector128.Abs(x), Vector128.Create(MinNormal<T>()));
        return Vector128.ConditionalSelect(tiny, x & Vector128.Create(-T.Zero), x);
    }

    /// <summary>Flushes a span in place: the widest accelerated vectors (512, 256, 128 bits), then scalars.</summary>
    public static void InPlace<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = values.Length, i = 0;
        ref T r = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                Flush(Vector512.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                Flush(Vector256.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            for (; i <= n - Vector128<T>.Count; i += Vector128<T>.Count)
            {
                Flush(Vector128.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref r, i) = Flush(Unsafe.Add(ref r, i));
        }
    }

    private static int MinExponent<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(Half) ? -14 : throw new NotSupportedException($"No smallest normal number known for {typeof(T)}.");
}
