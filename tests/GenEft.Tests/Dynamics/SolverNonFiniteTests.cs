using GenEft.Dynamics;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Dynamics;

/// <summary>
/// Non-finite input and non-finite right-hand sides: bad input fails fast at the boundary, a NaN met mid-run ends the
/// solve with a status, and no loop outlives MaxSteps. Every solve runs under <see cref="Bounded"/>, so a regression
/// that loops fails the test instead of hanging it.
/// </summary>
public class SolverNonFiniteTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Solvers => new() { "DormandPrince54", "RungeKutta4" };

    private static IOdeSolver Create(string name) => name switch
    {
        "DormandPrince54" => new DormandPrince54Solver(1e-8, 1e-10),
        _ => new RungeKutta4Solver(0.01),
    };

    public static TheoryData<string, double> BadStarts()
    {
        var data = new TheoryData<string, double>();
        foreach (string solver in new[] { "DormandPrince54", "RungeKutta4" })
            foreach (double v in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                data.Add(solver, v);
        return data;
    }

    [Theory, MemberData(nameof(BadStarts))]
    public void NonFiniteInitialStateIsRejected(string solverName, double bad)
    {
        var solver = Create(solverName);
        double[] y = [1.0, bad];
        var e = Bounded.Run(() => Assert.Throws<ArgumentException>("initialState", () => solver.Solve(new HarmonicOscillator(1), 0, y, 1, y)), Limit);
        Assert.Contains("[1]", e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void NonFiniteDerivativeAtTheStartIsRejected(string solverName)
    {
        var solver = Create(solverName);
        double[] y = [1.0];
        Bounded.Run(() => Assert.Throws<ArgumentException>("initialState", () => solver.Solve(new NanBeyond(double.NegativeInfinity), 0, y, 1, y)), Limit);
        Bounded.Run(() => Assert.Throws<ArgumentException>("initialState", () => solver.Solve(new InfiniteSlope(), 0, y, 1, y)), Limit);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void NanMidRunEndsWithDivergedAndKeepsTheLastFiniteState(string solverName)
    {
        // y' = -y until t = 0.5, NaN after: the solve must stop near t = 0.5 with the state exp(-t) it had there.
        var solver = Create(solverName);
        double[] y = [1.0];
        var solution = Bounded.Run(() => solver.Solve(new NanBeyond(0.5), 0, y, 2, y), Limit);
        Assert.Equal(OdeStatus.Diverged, solution.Status);
        Assert.False(solution.Succeeded);
        Assert.InRange(solution.Time, 0.45, 0.5);
        Assert.True(double.IsFinite(y[0]));
        Assert.Equal(Math.Exp(-solution.Time), y[0], 1e-6);
    }

    [Fact]
    public void RejectedAttemptsCountAgainstMaxSteps()
    {
        // Every attempted step meets NaN (the derivative is finite only at t0 itself), so no step is ever accepted;
        // the retries must stop at MaxSteps attempts, not run on until the step size underflows.
        var solver = new DormandPrince54Solver(1e-8, 1e-10) { MaxSteps = 4 };
        double[] y = [1.0];
        var solution = Bounded.Run(() => solver.Solve(new NanBeyond(0), 0, y, 1, y), Limit);
        Assert.Equal(OdeStatus.MaxStepsExceeded, solution.Status);
        Assert.Equal(0, solution.Statistics.Steps);
        Assert.Equal(4, solution.Statistics.RejectedSteps);
        Assert.Equal(0.0, solution.Time);
        Assert.Equal(1.0, y[0]);
    }

    [Fact]
    public void AnExplicitInitialStepIntoNanShrinksThenReportsDiverged()
    {
        var solver = new DormandPrince54Solver(1e-8, 1e-10) { InitialStep = 1e300 };
        double[] y = [1.0];
        var solution = Bounded.Run(() => solver.Solve(new NanBeyond(0.25), 0, y, 1e300, y), Limit);
        Assert.Equal(OdeStatus.Diverged, solution.Status);
        Assert.InRange(solution.Time, 0.2, 0.25);
    }

    /// <summary>y' = -y for t &lt;= tCut, NaN beyond.</summary>
    private readonly struct NanBeyond(double tCut) : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = t <= tCut ? -state[0] : double.NaN;
    }

    /// <summary>y' = +infinity everywhere.</summary>
    private readonly struct InfiniteSlope : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative) => derivative[0] = double.PositiveInfinity;
    }
}
