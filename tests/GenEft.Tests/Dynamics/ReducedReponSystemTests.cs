using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Dynamics;
using GenEft.Dynamics.Repons;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class ReducedReponSystemTests
{
    public static TheoryData<double, double, double, double, int> Starts => new()
    {
        // eta_A, eta_x, a2(0), c(0), N
        { 1.0, 1.0, 1.0, 0.5, 1 },       // collision
        { 1.0, 1.0, 0.5, 1.0, 1 },       // memorization
        { 0.01, 1.0, 0.3, 2.0, 1 },      // ratio 1e2
        { 1.0, 0.01, 2.0, 0.1, 1 },      // ratio 1e-2, collision
        { 1.0, 0.01, 1.0, 0.2, 1 },      // ratio 1e-2, memorization
        { 0.5, 2.0, -0.7, 0.9, 5 },      // one against five
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void ConservedQuantityDriftsLessThanOneEMinusNineUpToTenThousand(double etaA, double etaX, double a2, double c, int n)
    {
        var system = new ReducedReponSystem(etaA, etaX, n);
        var solver = new DormandPrince54Solver(1e-10, 1e-14);
        double[] times = Enumerable.Range(0, 41).Select(k => Math.Pow(10, (k / 8.0) - 1)).Append(1e4).Distinct().ToArray();
        times[0] = 0;
        double[] states = new double[2 * times.Length];
        double[] y = [a2, c];
        var solution = solver.Solve(system, 0, y, 1e4, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        Assert.Equal(OdeStatus.Completed, solution.Status);
        double c0 = system.ConservedQuantity(new ReducedReponState(a2, c));
        for (int i = 0; i < times.Length; i++)
        {
            double ci = system.ConservedQuantity(new ReducedReponState(states[2 * i], states[(2 * i) + 1]));
            Assert.True(Math.Abs(ci - c0) / Math.Abs(c0) < 1e-9, $"t = {times[i]}: relative drift {Math.Abs(ci - c0) / Math.Abs(c0):E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void TrajectoryMatchesClosedForm(double etaA, double etaX, double a2, double c, int n)
    {
        var system = new ReducedReponSystem(etaA, etaX, n);
        var solver = new DormandPrince54Solver(1e-11, 1e-15);
        double[] times = [0.1, 0.5, 1, 2, 5, 10, 30];
        double[] states = new double[2 * times.Length];
        double[] y = [a2, c];
        solver.Solve(system, 0, y, 30, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            var exact = ReponTestHelpers.ReducedExact(a2, c, etaA, etaX, system.Coupling, times[i]);
            Assert.True(Math.Abs(states[2 * i] - exact.A2) <= 1e-8 * Math.Abs(exact.A2) + 1e-13, $"a2 at t = {times[i]}: {states[2 * i]} vs {exact.A2}");
            Assert.True(Math.Abs(states[(2 * i) + 1] - exact.C) <= 1e-8 * Math.Abs(exact.C) + 1e-13, $"c at t = {times[i]}: {states[(2 * i) + 1]} vs {exact.C}");
        }
    }

    [Theory]
    [InlineData(1.0, 0.8, 0.6)]
    [InlineData(0.3, -1.5, 2.0)]
    [InlineData(5.0, 0.2, -0.1)]
    public void FrozenDecoderGivesExponentialDecay(double etaX, double a2, double c0)
    {
        var system = new ReducedReponSystem(0, etaX);
        var solver = new DormandPrince54Solver(1e-10, 1e-16);
        double[] times = [0.25, 0.5, 1, 2, 4, 8];
        double[] states = new double[2 * times.Length];
        double[] y = [a2, c0];
        solver.Solve(system, 0, y, 8, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            double exact = c0 * Math.Exp(-etaX * a2 * a2 * times[i]);
            Assert.Equal(a2, states[2 * i]);
            Assert.True(Math.Abs(states[(2 * i) + 1] - exact) <= 1e-9 * Math.Abs(exact), $"t = {times[i]}: {states[(2 * i) + 1]} vs {exact}");
        }

        Assert.Equal(ReponOutcome.Collision, system.Outcome(new ReducedReponState(a2, c0)));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void LongRunApproachesTheLimit(double etaA, double etaX, double a2, double c, int n)
    {
        var system = new ReducedReponSystem(etaA, etaX, n);
        var start = new ReducedReponState(a2, c);
        ReducedReponState limit = system.Limit(start);
        double[] y = [a2, c];
        new DormandPrince54Solver(1e-11, 1e-15).Solve(system, 0, y, 1e5, y);
        Assert.True(Math.Abs(y[0] - limit.A2) < 1e-8 && Math.Abs(y[1] - limit.C) < 1e-8, $"end ({y[0]}, {y[1]}) vs limit ({limit.A2}, {limit.C})");
        double conserved = system.ConservedQuantity(start);
        Assert.Equal(conserved > 0 ? ReponOutcome.Collision : ReponOutcome.Memorization, system.Outcome(start));
        if (conserved > 0)
        {
            Assert.Equal(Math.Sqrt(system.Coupling * etaA * conserved), Math.Abs(limit.A2), 12);
        }
        else
        {
            Assert.Equal(Math.Sqrt(-etaX * conserved), Math.Abs(limit.C), 12);
        }
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void VerdictEventFiresAtTheClosedFormTime(double etaA, double etaX, double a2, double c, int n)
    {
        // ln rho is linear in t, so the threshold time is ln(rho0 / threshold) / (2 k eta_A eta_x C).
        const double ratio = 1e-3;
        var system = new ReducedReponSystem(etaA, etaX, n);
        double k = system.Coupling * etaA;
        double rho0 = k * c * c / (etaX * a2 * a2);
        double conserved = system.ConservedQuantity(new ReducedReponState(a2, c));
        double threshold = conserved > 0 ? ratio : 1 / ratio;
        double expected = Math.Log(rho0 / threshold) / (2 * k * etaX * conserved);
        double[] y = [a2, c];
        var solution = new DormandPrince54Solver(1e-12, 1e-16).Solve(system, 0, y, 1e9, y, new OdeRequest { Events = system.CreateVerdictEvents(ratio) });
        Assert.Equal(OdeStatus.TerminatedByEvent, solution.Status);
        Assert.Equal(conserved > 0 ? 0 : 1, solution.TerminalEventIndex);
        Assert.True(Math.Abs(solution.Time - expected) <= 1e-9 * expected, $"event at {solution.Time}, expected {expected}");
    }

    [Property(MaxTest = 200)]
    public Property RightHandSideConservesC(NormalFloat a2, NormalFloat c, PositiveInt rateA, PositiveInt rateX, PositiveInt n)
    {
        double x = Math.Clamp(a2.Get, -1e3, 1e3), z = Math.Clamp(c.Get, -1e3, 1e3);
        double etaA = 1.0 / rateA.Get, etaX = rateX.Get % 100 / 7.0 + 0.01;
        var system = new ReducedReponSystem(etaA, etaX, 1 + (n.Get % 20));
        Span<double> derivative = stackalloc double[2];
        system.Evaluate(0, [x, z], derivative);

        // dC/dt = 2 a2 a2' / (k eta_A) - 2 c c' / eta_x must vanish up to rounding.
        double rate = (2 * x * derivative[0] / (system.Coupling * etaA)) - (2 * z * derivative[1] / etaX);
        double scale = 2 * Math.Abs(x * x * z * z) * 4 + 1e-300;
        return (Math.Abs(rate) <= 1e-14 * scale).Label($"dC/dt = {rate}");
    }

    [Fact]
    public void SeparatrixAndCoupling()
    {
        var pair = new ReducedReponSystem(1, 2);
        Assert.Equal(2, pair.Coupling);
        Assert.Equal(1, pair.SeparatrixSlope, 15);
        Assert.Equal(ReponOutcome.Separatrix, pair.Outcome(new ReducedReponState(1, 1)));
        Assert.Equal(ReponOutcome.Collision, pair.Outcome(new ReducedReponState(1, 0.999)));
        Assert.Equal(ReponOutcome.Memorization, pair.Outcome(new ReducedReponState(1, 1.001)));
        Assert.Equal(4.0 * 10 / 11, new ReducedReponSystem(1, 1, 10).Coupling, 15);
        Assert.Equal(ReponOutcome.Memorization, new ReducedReponSystem(1, 0).Outcome(new ReducedReponState(5, 0.1)));
    }

    [Fact]
    public void SeparatrixSlopeIsNeverNaN()
    {
        // With one rate 0 the slope is the limit of sqrt(eta_x / (k eta_A)); both 0 cannot be constructed, since then
        // nothing moves and neither C nor a separatrix exists.
        Assert.Equal(double.PositiveInfinity, new ReducedReponSystem(0, 1).SeparatrixSlope);
        Assert.Equal(0.0, new ReducedReponSystem(1, 0).SeparatrixSlope);
        var e = Assert.Throws<ArgumentOutOfRangeException>("encoderLearningRate", () => new ReducedReponSystem(0, 0));
        Assert.Contains("decoderLearningRate", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("encoderLearningRate", () => new RelativeReponSystem(2, 2, 0, 0));
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("decoderLearningRate", () => new ReducedReponSystem(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("encoderLearningRate", () => new ReducedReponSystem(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("clusterSize", () => new ReducedReponSystem(1, 1, 0));
        Assert.Throws<InvalidOperationException>(() => new ReducedReponSystem(0, 1).ConservedQuantity(default));
        Assert.Throws<ArgumentOutOfRangeException>("verdictRatio", () => new ReducedReponSystem(1, 1).CreateVerdictEvents(1));
        Assert.Throws<ArgumentOutOfRangeException>("state", () => new ReducedReponSystem(1, 1).Outcome(new ReducedReponState(double.NaN, 1)));
        Assert.Throws<ArgumentOutOfRangeException>("state", () => new ReducedReponSystem(1, 1).Limit(new ReducedReponState(1, double.PositiveInfinity)));
    }
}
