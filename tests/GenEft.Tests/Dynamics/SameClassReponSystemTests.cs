using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Dynamics;
using GenEft.Dynamics.Repons;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class SameClassReponSystemTests
{
    private const int P = 3, D = 2;

    [Property(MaxTest = 100)]
    public Property RelativeCoordinateObeysEquationEightExactly(int seed)
    {
        // Appendix C: subtracting dx2/dt from dx1/dt gives dr/dt = -eta_x A^T A r for every state, whatever b, y and x1 + x2.
        var random = new Random(seed);
        double[] target = [.. Enumerable.Range(0, P).Select(_ => ReponTestHelpers.Gaussian(random))];
        var full = new SameClassReponSystem(P, D, 2, 0.8, 1.7, target);
        var relative = new RelativeReponSystem(P, D, 0.8, 1.7);
        double[] state = [.. Enumerable.Range(0, full.Dimension).Select(_ => ReponTestHelpers.Gaussian(random))];
        double[] fullDerivative = new double[full.Dimension], relativeState = new double[relative.Dimension], relativeDerivative = new double[relative.Dimension];
        full.Evaluate(0, state, fullDerivative);
        full.ToRelativeState(state, relativeState);
        relative.Evaluate(0, relativeState, relativeDerivative);
        double worst = 0;
        for (int k = 0; k < D; k++)
        {
            double fromFull = 0.5 * (fullDerivative[full.ReponOffset(0) + k] - fullDerivative[full.ReponOffset(1) + k]);
            worst = Math.Max(worst, Math.Abs(fromFull - relativeDerivative[(P * D) + k]));
        }

        return (worst < 1e-12).Label($"dr/dt differs by {worst}");
    }

    [Fact]
    public void CentredWithBiasAtTargetReducesToEquationEight()
    {
        // On x1 + x2 = 0 and b = y the mean residual A (x1 + x2) / 2 + b - y vanishes and stays 0, so Eq. 7 is Eq. 8 exactly.
        var random = new Random(3);
        double[] target = [0.5, -1.0, 2.0];
        double[] state = CentredState(random, target, bias: target);
        AssertMatchesEquationEight(target, state, b => ReponTestHelpers.MaxAbsDifference(b.Bias, target) < 1e-12);
    }

    [Fact]
    public void AppendixCInitialConditionWithTargetOrthogonalToDecoderReducesToEquationEight()
    {
        // Appendix C's own start, b(0) = 0 and x1 + x2 = 0, keeps x1 + x2 = 0 only if A^T y = 0; then b(t) = (1 - exp(-2 eta_A t)) y.
        var random = new Random(5);
        double[] state = CentredState(random, new double[P], bias: new double[P]);
        double[] target = NullVectorOfTranspose(state.AsSpan(0, P * D));
        AssertMatchesEquationEight(target, state, b =>
        {
            double factor = 1 - Math.Exp(-2 * 0.6 * b.Time);
            return ReponTestHelpers.MaxAbsDifference(b.Bias, target.Select(v => factor * v).ToArray()) < 1e-9;
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void OneAgainstAClusterReducesToTheCoupledReducedSystem(int n)
    {
        // Full gradient flow of N + 1 repons (Eq. 7's loss summed over all of them), started with the N clustered at z,
        // the weighted centre (x0 + N z) / (N + 1) at 0, b = y, and x0 - z = 2 c0 r0 along a unit right singular vector
        // of A with singular value a2(0). The reduced model (k = 4N / (N + 1)) must then give a2 = |A r0| and c = (x0 - z) . r0 / 2.
        const int p = 3, d = 3;
        double etaA = 0.6, etaX = 1.4, a2 = 0.9, c = 0.7;
        var random = new Random(20 + n);
        double[] r0 = ReponTestHelpers.Orthonormal(d, 1, random)[0];
        double[] a = ReponTestHelpers.MatrixWithSingularVector(p, d, r0, a2, random);
        double[] target = [0.3, -0.4, 1.1];
        var full = new SameClassReponSystem(p, d, n + 1, etaA, etaX, target);
        double[] state = new double[full.Dimension];
        a.CopyTo(state, 0);
        target.CopyTo(state, full.BiasOffset);
        for (int k = 0; k < d; k++)
        {
            double separation = 2 * c * r0[k];
            state[full.ReponOffset(0) + k] = n * separation / (n + 1);
            for (int j = 1; j <= n; j++)
            {
                state[full.ReponOffset(j) + k] = -separation / (n + 1);
            }
        }

        double[] times = [0.5, 2, 8, 30];
        double[] states = new double[times.Length * full.Dimension];
        double[] reduced = new double[2 * times.Length];
        var solver = new DormandPrince54Solver(1e-11, 1e-14);
        solver.Solve(full, 0, state, 30, state, new OdeRequest { OutputTimes = times, OutputStates = states });
        double[] y = [a2, c];
        solver.Solve(new ReducedReponSystem(etaA, etaX, n), 0, y, 30, y, new OdeRequest { OutputTimes = times, OutputStates = reduced });
        for (int s = 0; s < times.Length; s++)
        {
            ReadOnlySpan<double> row = states.AsSpan(s * full.Dimension, full.Dimension);
            double[] ar0 = ReponTestHelpers.Multiply(row[..(p * d)], p, d, r0);
            double a2Full = Math.Sqrt(ReponTestHelpers.Dot(ar0, ar0));
            double cFull = 0;
            for (int k = 0; k < d; k++)
            {
                cFull += 0.5 * (row[full.ReponOffset(0) + k] - row[full.ReponOffset(1) + k]) * r0[k];
            }

            Assert.True(Math.Abs(a2Full - reduced[2 * s]) < 1e-9, $"N = {n}, t = {times[s]}: a2 {a2Full} vs {reduced[2 * s]}");
            Assert.True(Math.Abs(cFull - reduced[(2 * s) + 1]) < 1e-9, $"N = {n}, t = {times[s]}: c {cFull} vs {reduced[(2 * s) + 1]}");
        }
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("reponCount", () => new SameClassReponSystem(2, 2, 1, 1, 1, new double[2]));
        Assert.Throws<ArgumentException>("target", () => new SameClassReponSystem(2, 2, 2, 1, 1, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>("decoderLearningRate", () => new SameClassReponSystem(2, 2, 2, double.PositiveInfinity, 1, new double[2]));
        Assert.Throws<InvalidOperationException>(() => new SameClassReponSystem(2, 2, 3, 1, 1, new double[2]).ToRelativeState(new double[12], new double[6]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => new SameClassReponSystem(2, 2, 2, 1, 1, new double[2]).ReponOffset(2));
    }

    private static double[] CentredState(Random random, double[] target, double[] bias)
    {
        var full = new SameClassReponSystem(P, D, 2, 0.6, 1.3, target);
        double[] state = new double[full.Dimension];
        for (int i = 0; i < P * D; i++)
        {
            state[i] = ReponTestHelpers.Gaussian(random);
        }

        bias.CopyTo(state, full.BiasOffset);
        for (int k = 0; k < D; k++)
        {
            double r = ReponTestHelpers.Gaussian(random);
            state[full.ReponOffset(0) + k] = r;
            state[full.ReponOffset(1) + k] = -r;
        }

        return state;
    }

    /// <summary>A unit y with A^T y = 0 (A is 3 x 2, so y = the cross product of A's two columns).</summary>
    private static double[] NullVectorOfTranspose(ReadOnlySpan<double> a)
    {
        double[] u = [a[0], a[2], a[4]], v = [a[1], a[3], a[5]];
        double[] y = [(u[1] * v[2]) - (u[2] * v[1]), (u[2] * v[0]) - (u[0] * v[2]), (u[0] * v[1]) - (u[1] * v[0])];
        double norm = Math.Sqrt(ReponTestHelpers.Dot(y, y));
        return [.. y.Select(x => x / norm)];
    }

    private static void AssertMatchesEquationEight(double[] target, double[] state, Func<(double Time, double[] Bias), bool> biasCheck)
    {
        var full = new SameClassReponSystem(P, D, 2, 0.6, 1.3, target);
        var relative = new RelativeReponSystem(P, D, 0.6, 1.3);
        double[] times = [0.3, 1, 4, 15, 60];
        double[] fullStates = new double[times.Length * full.Dimension];
        double[] relativeStates = new double[times.Length * relative.Dimension];
        double[] relativeStart = new double[relative.Dimension];
        full.ToRelativeState(state, relativeStart);
        var solver = new DormandPrince54Solver(1e-11, 1e-14);
        solver.Solve(full, 0, (double[])state.Clone(), 60, new double[full.Dimension], new OdeRequest { OutputTimes = times, OutputStates = fullStates });
        solver.Solve(relative, 0, relativeStart, 60, new double[relative.Dimension], new OdeRequest { OutputTimes = times, OutputStates = relativeStates });
        double[] mapped = new double[relative.Dimension];
        for (int s = 0; s < times.Length; s++)
        {
            ReadOnlySpan<double> row = fullStates.AsSpan(s * full.Dimension, full.Dimension);
            full.ToRelativeState(row, mapped);
            double difference = ReponTestHelpers.MaxAbsDifference(mapped, relativeStates.AsSpan(s * relative.Dimension, relative.Dimension));
            Assert.True(difference < 1e-9, $"t = {times[s]}: Eq. 7 and Eq. 8 differ by {difference:E2}");
            double midpoint = 0;
            for (int k = 0; k < D; k++)
            {
                midpoint = Math.Max(midpoint, Math.Abs(row[full.ReponOffset(0) + k] + row[full.ReponOffset(1) + k]));
            }

            Assert.True(midpoint < 1e-10, $"t = {times[s]}: x1 + x2 drifted to {midpoint:E2}");
            Assert.True(biasCheck((times[s], row.Slice(full.BiasOffset, P).ToArray())), $"t = {times[s]}: b off its prediction");
        }
    }
}
