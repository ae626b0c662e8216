using System.Numerics;

namespace GenEft.Tensors.Simd;

/// <summary>
/// One SIMD width, as a set of static operations on its vector type <typeparamref name="TVec"/> of
/// <typeparamref name="T"/>. Kernels are written once against this interface and instantiated per width
/// (<see cref="Simd512{T}"/>, <see cref="Simd256{T}"/>, <see cref="Simd128{T}"/>, <see cref="SimdScalar{T}"/>);
/// the JIT specializes and inlines every call, so the abstraction costs nothing.
/// </summary>
/// <typeparam name="TVec">The vector type (for the scalar fallback, <typeparamref name="T"/> itself).</typeparam>
/// <typeparam name="T">The element type, float or double.</typeparam>
internal unsafe interface ISimd<TVec, T>
    where TVec : unmanaged
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>GEMM micro-tile rows for this width (bounded by the register file).</summary>
    static abstract int TileRows { get; }

    /// <summary>GEMM micro-tile width in vectors.</summary>
    static abstract int TileVectors { get; }

    static abstract TVec Zero { get; }

    static abstract TVec Load(T* source);

    static abstract void Store(T* destination, TVec value);

    static abstract TVec Broadcast(T value);

    /// <summary>A mask with lanes [0, count) set, for <see cref="LoadMasked"/> and <see cref="StoreMasked"/>.</summary>
    static abstract TVec LowMask(int count);

    /// <summary>Loads the lanes set in <paramref name="mask"/> (others 0) without touching memory past them.</summary>
    static abstract TVec LoadMasked(T* source, TVec mask);

    /// <summary>Stores the lanes set in <paramref name="mask"/> without touching memory past them.</summary>
    static abstract void StoreMasked(T* destination, TVec value, TVec mask);

    /// <summary>Writes the four lane sums of a, b, c, d to destination[0..4).</summary>
    static abstract void Sum4(TVec a, TVec b, TVec c, TVec d, T* destination);

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    static abstract TVec Multiply(TVec a, TVec b);

    static abstract TVec Add(TVec a, TVec b);

    static abstract TVec Subtract(TVec a, TVec b);

    /// <summary>Lane-wise test &gt; 0 ? value : 0 (ReLU's backward); NaN in test gives 0.</summary>
    static abstract TVec SelectPositive(TVec test, TVec value);

    /// <summary>The sum of the lanes.</summary>
    static abstract T Sum(TVec value);
}
