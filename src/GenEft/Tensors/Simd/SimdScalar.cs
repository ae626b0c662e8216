using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenEft.Tensors.Simd;

/// <summary>
/// The no-SIMD fallback: a "vector" of one element, so the same kernels run where no vector unit is
/// accelerated (for example with DOTNET_EnableHWIntrinsic=0). The GEMM tile is 4 rows by 3 columns.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct SimdScalar<T> : ISimd<T, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;

    public static int TileRows => 4;

    public static int TileVectors => 3;

    public static T Zero => T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(T* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, T value) => *destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LowMask(int count) => count > 0 ? T.One : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LoadMasked(T* source, T mask) => T.IsZero(mask) ? T.Zero : *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreMasked(T* destination, T value, T mask)
    {
        if (!T.IsZero(mask))
        {
            *destination = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(T a, T b, T c, T d, T* destination)
    {
        destination[0] = a;
        destination[1] = b;
        destination[2] = c;
        destination[3] = d;
    }

    // Multiply then add: a software fused multiply-add would be far slower than the rounding it saves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd(T a, T b, T c) => (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Multiply(T a, T b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T a, T b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Subtract(T a, T b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SelectPositive(T test, T value) => test > T.Zero ? value : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(T value) => value;
}
