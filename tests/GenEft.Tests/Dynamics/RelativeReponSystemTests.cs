using GenEft.Dynamics;
using GenEft.Dynamics.Repons;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class RelativeReponSystemTests
{
    [Theory]
    [InlineData(3, 4, 1.0, 1.0, 0.8, 0.5, 1)]
    [InlineData(4, 3, 0.1, 2.0, 1.3, 0.9, 2)]
    [InlineData(2, 5, 1.0, 0.05, 0.6, 1.2, 3)]
    public void StartedOnTheAnsatzItStaysThereAndFollowsTheReducedSystem(int p, int d, double etaA, double etaX, double a2, double c, int seed)
    {
        // GenEFT Eq. 9 needs A0^T A0 r0 = r0: r0 a right singular vector of A0 with singular value 1. Start A(0) = a2(0) A0.
        var random = new Random(seed);
        double[] r0 = ReponTestHelpers.Orthonormal(d, 1, random)[0];
        double[] a0 = ReponTestHelpers.MatrixWithSingularVector(p, d, r0, 1.0, random);
        var system = new RelativeReponSystem(p, d, etaA, etaX);
        double[] state = new double[system.Dimension];
        for (int i = 0; i < p * d; i++)
        {
            state[i] = a2 * a0[i];
        }

        for (int k = 0; k < d; k++)
        {
            state[(p * d) + k] = c * r0[k];
        }

        double[] times = [0.2, 1, 3, 10, 40];
        double[] states = new double[times.Length * system.Dimension];
        double[] reduced = new double[2 * times.Length];
        var solver = new DormandPrince54Solver(1e-11, 1e-14);
        solver.Solve(system, 0, state, 40, state, new OdeRequest { OutputTimes = times, OutputStates = states });
        double[] y = [a2, c];
        solver.Solve(new ReducedReponSystem(etaA, etaX), 0, y, 40, y, new OdeRequest { OutputTimes = times, OutputStates = reduced });

        double[] a0r0 = ReponTestHelpers.Multiply(a0, p, d, r0);
        for (int s = 0; s < times.Length; s++)
        {
            ReadOnlySpan<double> at = states.AsSpan(s * system.Dimension, p * d), rt = states.AsSpan((s * system.Dimension) + (p * d), d);
            double a2t = reduced[2 * s], ct = reduced[(2 * s) + 1];

            // A(t) = a A0 + b A0 r0 r0^T with a = a2(0) constant and b = a2(t) - a2(0); r(t) = c(t) r0.
            double[] ansatz = new double[p * d];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    ansatz[(i * d) + j] = (a2 * a0[(i * d) + j]) + ((a2t - a2) * a0r0[i] * r0[j]);
                }
            }

            Assert.True(ReponTestHelpers.MaxAbsDifference(at, ansatz) < 1e-9, $"A off the ansatz at t = {times[s]}");
            Assert.True(ReponTestHelpers.MaxAbsDifference(rt, r0.Select(x => ct * x).ToArray()) < 1e-9, $"r off the ansatz at t = {times[s]}");
        }
    }

    [Fact]
    public void ConservedMatrixDriftsLessThanOneEMinusNine()
    {
        var random = new Random(7);
        const int p = 3, d = 3;
        var system = new RelativeReponSystem(p, d, 0.7, 1.9);
        double[] state = Enumerable.Range(0, system.Dimension).Select(_ => ReponTestHelpers.Gaussian(random)).ToArray();
        double[] m0 = new double[d * d], mt = new double[d * d];
        system.ConservedMatrix(state, m0);
        double[] times = [0.5, 5, 50, 500];
        double[] states = new double[times.Length * system.Dimension];
        new DormandPrince54Solver(1e-11, 1e-14).Solve(system, 0, state, 500, state, new OdeRequest { OutputTimes = times, OutputStates = states });
        double scale = m0.Max(Math.Abs);
        for (int s = 0; s < times.Length; s++)
        {
            system.ConservedMatrix(states.AsSpan(s * system.Dimension, system.Dimension), mt);
            Assert.True(ReponTestHelpers.MaxAbsDifference(m0, mt) < 1e-9 * scale, $"t = {times[s]}: drift {ReponTestHelpers.MaxAbsDifference(m0, mt) / scale:E2}");
        }
    }

    [Fact]
    public void DefinitenessOfTheConservedMatrixDecidesTheOutcome()
    {
        // Oracle: integrate far and look at |r|. Memorization keeps |r|^2 >= eta_x |lambda_min(M)|; collision sends r to 0.
        var random = new Random(11);
        int collisions = 0, memorizations = 0;
        const int p = 3, d = 2;
        double etaA = 1.0, etaX = 1.0;
        var system = new RelativeReponSystem(p, d, etaA, etaX);
        var solver = new DormandPrince54Solver(1e-9, 1e-13);
        for (int trial = 0; trial < 40; trial++)
        {
            double[] state = Enumerable.Range(0, system.Dimension).Select(_ => ReponTestHelpers.Gaussian(random)).ToArray();
            double[] m = new double[d * d];
            system.ConservedMatrix(state, m);
            double trace = m[0] + m[3], det = (m[0] * m[3]) - (m[1] * m[2]);
            double lambdaMin = (trace / 2) - Math.Sqrt((trace * trace / 4) - det);
            if (Math.Abs(lambdaMin) < 0.05)
            {
                continue; // near the boundary convergence is algebraic and would need a very long run
            }

            ReponOutcome predicted = system.Outcome(state);
            double[] y = (double[])state.Clone();
            solver.Solve(system, 0, y, 2e4, y);
            double r2 = (y[p * d] * y[p * d]) + (y[(p * d) + 1] * y[(p * d) + 1]);
            if (lambdaMin < 0)
            {
                Assert.Equal(ReponOutcome.Memorization, predicted);
                Assert.True(r2 >= etaX * -lambdaMin * (1 - 1e-6), $"trial {trial}: |r|^2 = {r2} below eta_x |lambda_min| = {-etaX * lambdaMin}");
                memorizations++;
            }
            else
            {
                Assert.Equal(ReponOutcome.Collision, predicted);
                Assert.True(r2 < 1e-4, $"trial {trial}: |r|^2 = {r2} did not collapse");
                collisions++;
            }
        }

        Assert.True(collisions >= 5 && memorizations >= 5, $"{collisions} collisions, {memorizations} memorizations");
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("outputDimension", () => new RelativeReponSystem(0, 2, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("encoderLearningRate", () => new RelativeReponSystem(1, 2, 1, -1));
        var system = new RelativeReponSystem(2, 2, 1, 1);
        Assert.Throws<ArgumentException>("state", () => system.Outcome(new double[3]));
        Assert.Throws<ArgumentException>("matrix", () => system.ConservedMatrix(new double[6], new double[3]));
        Assert.Throws<InvalidOperationException>(() => new RelativeReponSystem(2, 2, 0, 1).ConservedMatrix(new double[6], new double[4]));
    }
}
