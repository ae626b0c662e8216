using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenEft.Tensors.Simd;

/// <summary>128-bit vectors (SSE, NEON): the GEMM tile is 4 rows by 3 vectors (12 accumulators).</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct Simd128<T> : ISimd<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;

    public static int TileRows => 4;

    public static int TileVectors => 3;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(T* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector128<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LowMask(int count) =>
        Vector128.LessThan(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadMasked(T* source, Vector128<T> mask)
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

        return MaskedFallback.Load<T, Vector128<T>, Simd128<T>>(source, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreMasked(T* destination, Vector128<T> value, Vector128<T> mask)
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

        MaskedFallback.Store<T, Vector128<T>, Simd128<T>>(destination, value, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(Vector128<T> a, Vector128<T> b, Vector128<T> c, Vector128<T> d, T* destination)
    {
        destination[0] = Sum(a);
        destination[1] = Sum(b);
        destination[2] = Sum(c);
        destination[3] = Sum(d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        // Fused where the hardware has FMA, a separate multiply and add otherwise (never a software fma).
        if (typeof(T) == typeof(float))
        {
            return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SelectPositive(Vector128<T> test, Vector128<T> value) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(test, Vector128<T>.Zero), value, Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);
}
