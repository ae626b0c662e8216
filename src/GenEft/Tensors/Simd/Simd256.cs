using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenEft.Tensors.Simd;

/// <summary>256-bit vectors (AVX2): 16 registers, so the GEMM tile is 4 rows by 3 vectors (12 accumulators).</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct Simd256<T> : ISimd<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    public static int TileRows => 4;

    public static int TileVectors => 3;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(T* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector256<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LowMask(int count) =>
        Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadMasked(T* source, Vector256<T> mask)
    {
        // vmaskmov suppresses faults on the masked-off lanes; without AVX, go element by element.
        if (Avx.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                return Avx.MaskLoad((float*)source, mask.AsSingle()).As<float, T>();
            }

            return Avx.MaskLoad((double*)source, mask.AsDouble()).As<double, T>();
        }

        return MaskedFallback.Load<T, Vector256<T>, Simd256<T>>(source, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreMasked(T* destination, Vector256<T> value, Vector256<T> mask)
    {
        if (Avx.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                Avx.MaskStore((float*)destination, mask.AsSingle(), value.AsSingle());
            }
            else
            {
                Avx.MaskStore((double*)destination, mask.AsDouble(), value.AsDouble());
            }

            return;
        }

        MaskedFallback.Store<T, Vector256<T>, Simd256<T>>(destination, value, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> d, T* destination)
    {
        destination[0] = Sum(a);
        destination[1] = Sum(b);
        destination[2] = Sum(c);
        destination[3] = Sum(d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        // Fused where the hardware has FMA, a separate multiply and add otherwise (never a software fma).
        if (typeof(T) == typeof(float))
        {
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SelectPositive(Vector256<T> test, Vector256<T> value) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(test, Vector256<T>.Zero), value, Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector128.Sum(value.GetLower() + value.GetUpper());
}
