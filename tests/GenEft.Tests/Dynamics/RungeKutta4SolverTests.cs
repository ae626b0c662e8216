using GenEft.Dynamics;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class RungeKutta4SolverTests
{
    [Fact]
    public void FourthOrderConvergence()
    {
        var steps = new List<double>();
        var errors = new List<double>();
        foreach (int count in new[] { 20, 28, 40, 56, 80 })
        {
            double h = 4.0 / count;
            var solver = new RungeKutta4Solver(h);
            double[] y = [1.0, 0.0];
            var solution = solver.Solve(new HarmonicOscillator(1.0), 0, y, 4.0, y);
            Assert.Equal(count, solution.Statistics.Steps);
            Assert.Equal((4 * count) + 1, solution.Statistics.Evaluations);
            steps.Add(h);
            errors.Add(Math.Abs(y[0] - Math.Cos(4.0)) + Math.Abs(y[1] + Math.Sin(4.0)));
        }

        Assert.InRange(Fit.LogLogSlope(steps, errors), 3.85, 4.15);
    }

    [Fact]
    public void LogisticAtSmallStepMatchesClosedForm()
    {
        var system = new Logistic(1.5, 10);
        double[] y = [0.1];
        new RungeKutta4Solver(1e-3).Solve(system, 0, y, 12, y);
        Assert.True(Math.Abs(y[0] - system.Exact(0.1, 12)) < 1e-10);
    }

    [Fact]
    public void TerminalEventUsesHermiteInterpolant()
    {
        var solver = new RungeKutta4Solver(0.01);
        IOdeEvent[] events = [new OdeEvent((_, y) => y[0] - 0.25, EventDirection.Decreasing, isTerminal: true)];
        double[] y = [1.0];
        var solution = solver.Solve(new ExponentialDecay(0.7), 0, y, 100, y, new OdeRequest { Events = events });
        Assert.Equal(OdeStatus.TerminatedByEvent, solution.Status);
        Assert.True(Math.Abs(solution.Time - (Math.Log(4) / 0.7)) < 1e-9);
    }

    [Fact]
    public void DivergenceIsReported()
    {
        double[] y = [1.0];
        var solution = new RungeKutta4Solver(0.5).Solve(new ExponentialDecay(1000), 0, y, 1000, y);
        Assert.Equal(OdeStatus.Diverged, solution.Status);
    }

    [Fact]
    public void OutputTimesComeFromTheHermiteInterpolantAndSolvesAllocateNothing()
    {
        var solver = new RungeKutta4Solver(0.01);
        double[] times = [0, 0.123, 1.5, 3.0];
        double[] states = new double[8];
        double[] y = [1.0, 0.0];
        var system = new HarmonicOscillator(1.0);
        solver.Solve(system, 0, y, 3, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            // Cubic Hermite between RK4 steps of 0.01: interpolation error O(h^4) ~ 1e-9.
            Assert.True(Math.Abs(states[2 * i] - Math.Cos(times[i])) < 1e-8, $"t = {times[i]}");
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        y[0] = 1;
        y[1] = 0;
        solver.Solve(system, 0, y, 3, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("stepSize", () => new RungeKutta4Solver(0));
        Assert.Throws<ArgumentOutOfRangeException>("direction", () => new OdeEvent((_, _) => 0, (EventDirection)7));
        Assert.Throws<ArgumentNullException>("function", () => new OdeEvent(null!));
        double[] y = [1.0];
        Assert.Throws<ArgumentOutOfRangeException>("tEnd", () => new RungeKutta4Solver(0.1).Solve(new ExponentialDecay(1), 0, y, -1, y));
    }
}
