using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenEft.Tensors.Simd;

/// <summary>512-bit vectors (AVX-512): 32 registers, so the GEMM tile is 8 rows by 3 vectors (24 accumulators).</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct Simd512<T> : ISimd<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    public static int TileRows => 8;

    public static int TileVectors => 3;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(T* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector512<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LowMask(int count) =>
        Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadMasked(T* source, Vector512<T> mask)
    {
        // AVX-512 masked loads suppress faults on the masked-off lanes.
        if (typeof(T) == typeof(float))
        {
            return Avx512F.MaskLoad((float*)source, mask.AsSingle(), Vector512<float>.Zero).As<float, T>();
        }

        return Avx512F.MaskLoad((double*)source, mask.AsDouble(), Vector512<double>.Zero).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreMasked(T* destination, Vector512<T> value, Vector512<T> mask)
    {
        if (typeof(T) == typeof(float))
        {
            Avx512F.MaskStore((float*)destination, mask.AsSingle(), value.AsSingle());
        }
        else
        {
            Avx512F.MaskStore((double*)destination, mask.AsDouble(), value.AsDouble());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> d, T* destination)
    {
        if (typeof(T) == typeof(float))
        {
            // A shuffle tree: interleave pairs, then quads, so one vector carries partial sums of all four
            // inputs per 128-bit lane; then fold the four lanes. 13 operations for four sums instead of 28.
            Vector512<float> fa = a.AsSingle(), fb = b.AsSingle(), fc = c.AsSingle(), fd = d.AsSingle();
            Vector512<float> ab = Avx512F.UnpackLow(fa, fb) + Avx512F.UnpackHigh(fa, fb);
            Vector512<float> cd = Avx512F.UnpackLow(fc, fd) + Avx512F.UnpackHigh(fc, fd);
            Vector512<float> abcd = Avx512F.Shuffle(ab, cd, 0x44) + Avx512F.Shuffle(ab, cd, 0xEE);
            Vector256<float> half = abcd.GetLower() + abcd.GetUpper();
            (half.GetLower() + half.GetUpper()).Store((float*)destination);
            return;
        }

        destination[0] = Sum(a);
        destination[1] = Sum(b);
        destination[2] = Sum(c);
        destination[3] = Sum(d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SelectPositive(Vector512<T> test, Vector512<T> value) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(test, Vector512<T>.Zero), value, Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value)
    {
        // Halve the width twice before the 128-bit sum: fewer shuffles than summing each 128-bit lane.
        Vector256<T> s = value.GetLower() + value.GetUpper();
        return Vector128.Sum(s.GetLower() + s.GetUpper());
    }
}
