using System.Numerics;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>Elementwise and fused backward operations against scalar double formulas, over lengths 1..70 and awkward sizes, out of place and in place.</summary>
public class ElementwiseTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(1, 70), 127, 128, 129, 255, 257, 1000, 1023];

    private delegate void Unary<T>(DenseTensor<T> x, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>;

    private delegate void Binary<T>(DenseTensor<T> x, DenseTensor<T> y, DenseTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>;

    public static TheoryData<string> UnaryNames => ["Negate", "Tanh", "Sigmoid", "Relu", "Exp", "Log", "Square", "Abs", "AddScalar", "MultiplyScalar"];

    public static TheoryData<string> BinaryNames => ["Add", "Subtract", "Multiply", "Divide", "TanhBackward", "SigmoidBackward", "ReluBackward"];

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void UnaryOpsMatchScalarFormula(string name)
    {
        CheckUnary<float>(name);
        CheckUnary<double>(name);
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void BinaryOpsMatchScalarFormula(string name)
    {
        CheckBinary<float>(name);
        CheckBinary<double>(name);
    }

    [Fact]
    public void MultiplyAddMatchesScalarFormulaInPlace()
    {
        var random = new Random(3);
        foreach (int n in Lengths)
        {
            var x = Oracle.Random<float>(random, n);
            var y = Oracle.Random<float>(random, n);
            var z = Oracle.Random<float>(random, n);
            var expected = Enumerable.Range(0, n).Select(i => ((double)x[i] * y[i]) + z[i]).ToArray();
            DenseTensor.MultiplyAdd(x, y, z, z);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(z[i] - expected[i]) <= Oracle.Epsilon<float>() * (Math.Abs(expected[i]) + 2), $"n={n} i={i}");
            }
        }
    }

    [Fact]
    public void AxpyAccumulatesScaledTensor()
    {
        var random = new Random(4);
        foreach (int n in Lengths)
        {
            var x = Oracle.Random<double>(random, n);
            var y = Oracle.Random<double>(random, n);
            var expected = Enumerable.Range(0, n).Select(i => y[i] + (-0.75 * x[i])).ToArray();
            DenseTensor.Axpy(-0.75, x, y);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(y[i] - expected[i]) <= 2 * Oracle.Epsilon<double>() * (Math.Abs(expected[i]) + 1), $"n={n} i={i}");
            }
        }
    }

    [Fact]
    public void ReluBackwardZeroesNonPositiveAndNaNInputs()
    {
        var x = DenseTensor<float>.FromSpan([-1f, 0f, float.NaN, 2f, -0f, float.PositiveInfinity], 6);
        var g = DenseTensor<float>.Full(3f, 6);
        var d = DenseTensor<float>.Zeros(6);
        DenseTensor.ReluBackward(x, g, d);
        Assert.Equal([0f, 0f, 0f, 3f, 0f, 3f], d.ToArray());
    }

    [Fact]
    public void ShapeMismatchNamesTheParameter()
    {
        var x = DenseTensor<float>.Zeros(3, 4);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => DenseTensor.Add(x, DenseTensor<float>.Zeros(4, 3), DenseTensor<float>.Zeros(3, 4))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.Tanh(x, DenseTensor<float>.Zeros(12))).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => DenseTensor.TanhBackward(x, DenseTensor<float>.Zeros(2, 6), x)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DenseTensor.SigmoidBackward(x, x, DenseTensor<float>.Zeros(3, 5))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => DenseTensor.ReluBackward(null!, x, x)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => DenseTensor.Axpy(1f, x, DenseTensor<float>.Zeros(4, 3))).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => DenseTensor.MultiplyAdd(x, x, DenseTensor<float>.Zeros(1), x)).ParamName);
    }

    private static void CheckUnary<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (op, formula, low, high, transcendental) = name switch
        {
            "Negate" => ((Unary<T>)DenseTensor.Negate, (Func<double, double>)(v => -v), -2.0, 2.0, false),
            "Tanh" => (DenseTensor.Tanh, Math.Tanh, -5.0, 5.0, true),
            "Sigmoid" => (DenseTensor.Sigmoid, v => 1 / (1 + Math.Exp(-v)), -8.0, 8.0, true),
            "Relu" => (DenseTensor.Relu, v => Math.Max(v, 0), -2.0, 2.0, false),
            "Exp" => (DenseTensor.Exp, Math.Exp, -5.0, 5.0, true),
            "Log" => (DenseTensor.Log, Math.Log, 0.05, 20.0, true),
            "Square" => (DenseTensor.Square, v => v * v, -3.0, 3.0, false),
            "Abs" => (DenseTensor.Abs, Math.Abs, -3.0, 3.0, false),
            "AddScalar" => ((x, d) => DenseTensor.Add(x, T.CreateChecked(0.375), d), v => v + 0.375, -2.0, 2.0, false),
            _ => ((Unary<T>)((x, d) => DenseTensor.Multiply(x, T.CreateChecked(-1.5), d)), (Func<double, double>)(v => v * -1.5), -2.0, 2.0, false),
        };
        var random = new Random(name.Length * 31);
        double eps = Oracle.Epsilon<T>();
        foreach (int n in Lengths)
        {
            var x = Uniform<T>(random, n, low, high);
            var expected = x.ReadOnlySpan.ToArray().Select(v => formula(double.CreateChecked(v))).ToArray();
            var outOfPlace = DenseTensor<T>.Full(T.NaN, n);
            op(x, outOfPlace);
            op(x, x);
            for (int i = 0; i < n; i++)
            {
                // Arithmetic rounds once; vectorized transcendental functions are allowed a few ulps on a unit scale.
                double tol = transcendental ? 4 * eps * (Math.Abs(expected[i]) + 1) : eps * Math.Abs(expected[i]);
                Assert.True(Math.Abs(double.CreateChecked(outOfPlace[i]) - expected[i]) <= tol, $"{name}<{typeof(T).Name}> n={n} i={i}: {outOfPlace[i]} vs {expected[i]}");
                Assert.Equal(outOfPlace[i], x[i]);
            }
        }
    }

    private static void CheckBinary<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The first operand's range is the op's natural domain (tanh and sigmoid outputs for the backward ops).
        var (op, formula, low, high) = name switch
        {
            "Add" => ((Binary<T>)DenseTensor.Add, (Func<double, double, double>)((a, b) => a + b), -2.0, 2.0),
            "Subtract" => (DenseTensor.Subtract, (a, b) => a - b, -2.0, 2.0),
            "Multiply" => (DenseTensor.Multiply, (a, b) => a * b, -2.0, 2.0),
            "Divide" => (DenseTensor.Divide, (a, b) => a / b, -2.0, 2.0),
            "TanhBackward" => (DenseTensor.TanhBackward, (y, g) => (1 - (y * y)) * g, -1.0, 1.0),
            "SigmoidBackward" => (DenseTensor.SigmoidBackward, (y, g) => y * (1 - y) * g, 0.0, 1.0),
            _ => ((Binary<T>)DenseTensor.ReluBackward, (Func<double, double, double>)((x, g) => x > 0 ? g : 0), -2.0, 2.0),
        };
        var random = new Random(name.Length * 17);
        double eps = Oracle.Epsilon<T>();
        foreach (int n in Lengths)
        {
            var x = Uniform<T>(random, n, low, high);
            var y = Uniform<T>(random, n, 0.25, 2.0);
            var expected = Enumerable.Range(0, n).Select(i => formula(double.CreateChecked(x[i]), double.CreateChecked(y[i]))).ToArray();
            var outOfPlace = DenseTensor<T>.Full(T.NaN, n);
            op(x, y, outOfPlace);
            var inPlaceFirst = x.Clone();
            op(inPlaceFirst, y, inPlaceFirst);
            var inPlaceSecond = y.Clone();
            op(x, inPlaceSecond, inPlaceSecond);
            for (int i = 0; i < n; i++)
            {
                // Up to three roundings of unit-scale values.
                double tol = 3 * eps * (Math.Abs(expected[i]) + 1);
                Assert.True(Math.Abs(double.CreateChecked(outOfPlace[i]) - expected[i]) <= tol, $"{name}<{typeof(T).Name}> n={n} i={i}: {outOfPlace[i]} vs {expected[i]}");
                Assert.Equal(outOfPlace[i], inPlaceFirst[i]);
                Assert.Equal(outOfPlace[i], inPlaceSecond[i]);
            }
        }
    }

    private static DenseTensor<T> Uniform<T>(Random random, int n, double low, double high)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = DenseTensor<T>.Zeros(n);
        for (int i = 0; i < n; i++)
        {
            t[i] = T.CreateChecked(low + ((high - low) * random.NextDouble()));
        }

        return t;
    }
}
