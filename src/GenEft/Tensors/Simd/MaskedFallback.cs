using System.Numerics;

namespace GenEft.Tensors.Simd;

/// <summary>Masked load and store lane by lane, for vector widths without a fault-suppressing masked instruction.</summary>
internal static unsafe class MaskedFallback
{
    public static TVec Load<T, TVec, TSimd>(T* source, TVec mask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        // A set mask lane is all ones (NaN as T), a clear one is +0.
        T* lanes = (T*)&mask;
        T* buffer = stackalloc T[TSimd.Count];
        for (int i = 0; i < TSimd.Count; i++)
        {
            buffer[i] = T.IsZero(lanes[i]) ? T.Zero : source[i];
        }

        return TSimd.Load(buffer);
    }

    public static void Store<T, TVec, TSimd>(T* destination, TVec value, TVec mask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVec : unmanaged
        where TSimd : ISimd<TVec, T>
    {
        T* lanes = (T*)&mask;
        T* values = (T*)&value;
        for (int i = 0; i < TSimd.Count; i++)
        {
            if (!T.IsZero(lanes[i]))
            {
                destination[i] = values[i];
            }
        }
    }
}
