using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Tensors;

namespace GenEft.Tests.Tensors;

/// <summary>Algebraic laws of GEMM over random shapes and transposes (FsCheck).</summary>
public class GemmLawTests
{
    /// <summary>(A·B)ᵀ = Bᵀ·Aᵀ: computing Cᵀ through the transpose flags gives exactly C's transpose up to rounding.</summary>
    [Property(MaxTest = 60)]
    public bool ProductTransposeIsReversedProductOfTransposes(PositiveInt mRaw, PositiveInt nRaw, PositiveInt kRaw, bool ta, bool tb, int seed)
    {
        int m = 1 + (mRaw.Get % 70), n = 1 + (nRaw.Get % 70), k = 1 + (kRaw.Get % 70);
        var random = new Random(seed);
        var a = ta ? Oracle.Random<float>(random, k, m) : Oracle.Random<float>(random, m, k);
        var b = tb ? Oracle.Random<float>(random, n, k) : Oracle.Random<float>(random, k, n);
        var c = DenseTensor<float>.Zeros(m, n);
        var ct = DenseTensor<float>.Zeros(n, m);
        DenseTensor.Gemm(1f, a, ta, b, tb, 0f, c);

        // Cᵀ = op(B)ᵀ op(A)ᵀ: b is the left operand, transposed exactly when it was not.
        DenseTensor.Gemm(1f, b, !tb, a, !ta, 0f, ct);
        double tol = 2 * (k + 2) * Oracle.Epsilon<float>() * k;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (Math.Abs(c[i, j] - ct[j, i]) > tol)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Linearity: A·(x·B1 + y·B2) = x·A·B1 + y·A·B2, the right side accumulated through beta = 1.</summary>
    [Property(MaxTest = 60)]
    public bool ProductIsLinearInTheRightOperand(PositiveInt mRaw, PositiveInt nRaw, PositiveInt kRaw, bool ta, int seed)
    {
        int m = 1 + (mRaw.Get % 70), n = 1 + (nRaw.Get % 70), k = 1 + (kRaw.Get % 70);
        var random = new Random(seed);
        var a = ta ? Oracle.Random<double>(random, k, m) : Oracle.Random<double>(random, m, k);
        var b1 = Oracle.Random<double>(random, k, n);
        var b2 = Oracle.Random<double>(random, k, n);
        var combined = DenseTensor<double>.Zeros(k, n);
        for (int i = 0; i < combined.Length; i++)
        {
            combined[i] = (0.5 * b1[i]) - (2 * b2[i]);
        }

        var left = DenseTensor<double>.Zeros(m, n);
        DenseTensor.Gemm(1.0, a, ta, combined, false, 0.0, left);
        var right = DenseTensor<double>.Zeros(m, n);
        DenseTensor.Gemm(0.5, a, ta, b1, false, 0.0, right);
        DenseTensor.Gemm(-2.0, a, ta, b2, false, 1.0, right);
        double tol = 8 * (k + 2) * Oracle.Epsilon<double>() * k;
        return Enumerable.Range(0, left.Length).All(i => Math.Abs(left[i] - right[i]) <= tol);
    }
}
