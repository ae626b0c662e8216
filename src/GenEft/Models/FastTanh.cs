using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenEft.Models;

/// <summary>
/// tanh for float spans as a clamped [13/6] rational minimax approximation (the form Eigen uses for fast float tanh),
/// accurate to a few float ulps; TensorPrimitives.Tanh was the largest non-GEMM cost of a training step. Other element
/// types use TensorPrimitives.Tanh.
/// </summary>
internal static class FastTanh
{
    private const float Clamp = 7.90531110763549805f;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f;
    private const float A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f;
    private const float A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f;
    private const float B6 = 1.19825839466702e-06f;

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Apply(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(destination));
        }
        else
        {
            TensorPrimitives.Tanh(x, destination);
        }
    }

    public static void Apply(ReadOnlySpan<float> x, Span<float> destination)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Evaluate(Vector512.Create(x.Slice(i, Vector512<float>.Count))).CopyTo(destination.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Evaluate(Vector256.Create(x.Slice(i, Vector256<float>.Count))).CopyTo(destination.Slice(i));
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] = Evaluate(x[i]);
        }
    }

    internal static float Evaluate(float x)
    {
        // NaN propagates through the clamp and the rational function; a tiny x is returned as is (tanh x = x there).
        if (MathF.Abs(x) < 0.0004f)
        {
            return x;
        }

        float c = Math.Clamp(x, -Clamp, Clamp);
        float x2 = c * c;
        float p = MathF.FusedMultiplyAdd(x2, A13, A11);
        p = MathF.FusedMultiplyAdd(x2, p, A9);
        p = MathF.FusedMultiplyAdd(x2, p, A7);
        p = MathF.FusedMultiplyAdd(x2, p, A5);
        p = MathF.FusedMultiplyAdd(x2, p, A3);
        p = MathF.FusedMultiplyAdd(x2, p, A1);
        p *= c;
        float q = MathF.FusedMultiplyAdd(x2, B6, B4);
        q = MathF.FusedMultiplyAdd(x2, q, B2);
        q = MathF.FusedMultiplyAdd(x2, q, B0);
        return float.IsNaN(x) ? x : p / q;
    }

    private static Vector512<float> Evaluate(Vector512<float> x)
    {
        var c = Vector512.Clamp(x, Vector512.Create(-Clamp), Vector512.Create(Clamp));
        var x2 = c * c;
        var p = Vector512.FusedMultiplyAdd(x2, Vector512.Create(A13), Vector512.Create(A11));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A9));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A7));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A5));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A3));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A1));
        p *= c;
        var q = Vector512.FusedMultiplyAdd(x2, Vector512.Create(B6), Vector512.Create(B4));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B2));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B0));
        var tiny = Vector512.LessThan(Vector512.Abs(x), Vector512.Create(0.0004f));
        var keep = tiny | ~Vector512.Equals(x, x); // tiny values and NaN pass through
        return Vector512.ConditionalSelect(keep, x, p / q);
    }

    private static Vector256<float> Evaluate(Vector256<float> x)
    {
        var c = Vector256.Clamp(x, Vector256.Create(-Clamp), Vector256.Create(Clamp));
        var x2 = c * c;
        var p = Vector256.FusedMultiplyAdd(x2, Vector256.Create(A13), Vector256.Create(A11));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A9));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A7));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A5));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A3));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A1));
        p *= c;
        var q = Vector256.FusedMultiplyAdd(x2, Vector256.Create(B6), Vector256.Create(B4));
        q = Vector256.FusedMultiplyAdd(x2, q, Vector256.Create(B2));
        q = Vector256.FusedMultiplyAdd(x2, q, Vector256.Create(B0));
        var tiny = Vector256.LessThan(Vector256.Abs(x), Vector256.Create(0.0004f));
        var keep = tiny | ~Vector256.Equals(x, x);
        return Vector256.ConditionalSelect(keep, x, p / q);
    }
}
