using GenEft.Dynamics;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class DormandPrince54SolverTests
{
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-6)]
    [InlineData(1e-8)]
    [InlineData(1e-10)]
    public void ExponentialDecayMeetsTolerance(double rtol)
    {
        var solver = new DormandPrince54Solver(rtol, rtol * 1e-3);
        double[] y = [1.0];
        var solution = solver.Solve(new ExponentialDecay(2.0), 0, y, 5, y);
        Assert.Equal(OdeStatus.Completed, solution.Status);
        Assert.Equal(5.0, solution.Time);
        double exact = Math.Exp(-10);
        Assert.True(Math.Abs(y[0] - exact) <= 10 * rtol * exact + (rtol * 1e-3 * 10), $"error {Math.Abs(y[0] - exact):E3} at rtol {rtol:E0}");
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    [InlineData(1e-12)]
    public void HarmonicOscillatorMeetsTolerance(double rtol)
    {
        var solver = new DormandPrince54Solver(rtol, rtol);
        double omega = 3.0, tEnd = 10 * 2 * Math.PI / omega;
        double[] y = [1.0, 0.0];
        solver.Solve(new HarmonicOscillator(omega), 0, y, tEnd, y);
        double error = Math.Max(Math.Abs(y[0] - Math.Cos(omega * tEnd)), Math.Abs(y[1] + (omega * Math.Sin(omega * tEnd))) / omega);

        // Ten periods: the global error of an oscillator grows linearly with time, so allow a few tens of rtol.
        Assert.True(error <= 50 * rtol, $"error {error:E3} at rtol {rtol:E0}");
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-10)]
    public void LogisticMeetsTolerance(double rtol)
    {
        var system = new Logistic(1.5, 10);
        var solver = new DormandPrince54Solver(rtol, rtol * 1e-2);
        double[] times = [0, 1, 2, 3, 4, 6, 8, 12];
        double[] states = new double[times.Length];
        double[] y = [0.1];
        solver.Solve(system, 0, y, 12, y, new OdeRequest { OutputTimes = times, OutputStates = states });
        for (int i = 0; i < times.Length; i++)
        {
            double exact = system.Exact(0.1, times[i]);
            Assert.True(Math.Abs(states[i] - exact) <= 10 * rtol * exact, $"t = {times[i]}: error {Math.Abs(states[i] - exact):E3}");
        }

        Assert.Equal(0.1, states[0]);
        Assert.Equal(y[0], states[^1]);
    }

    [Fact]
    public void FifthOrderConvergenceWithFixedSteps()
    {
        // Error control disabled (atol huge) and MaxStep = h, so the solver takes exactly T / h steps of the 5th-order formula.
        double omega = 1.0, tEnd = 4.0;
        var steps = new List<double>();
        var errors = new List<double>();
        foreach (int count in new[] { 10, 14, 20, 28, 40 })
        {
            double h = tEnd / count;
            var solver = new DormandPrince54Solver(0.5, 1e10) { InitialStep = h, MaxStep = h };
            double[] y = [1.0, 0.0];
            var solution = solver.Solve(new HarmonicOscillator(omega), 0, y, tEnd, y);
            Assert.InRange(solution.Statistics.Steps, count, count + 1);
            steps.Add(h);
            errors.Add(Math.Abs(y[0] - Math.Cos(omega * tEnd)) + Math.Abs(y[1] + Math.Sin(omega * tEnd)));
        }

        double slope = Fit.LogLogSlope(steps, errors);
        Assert.InRange(slope, 4.8, 5.3);
    }

    [Fact]
    public void DenseOutputIsFourthOrderAndContinuous()
    {
        // Interpolation error at mid-step points with fixed steps: the continuous extension is 4th order, so its
        // local error is O(h^5) and, dominated by the interpolant, the mid-step error falls like h^5 for a single step.
        var steps = new List<double>();
        var errors = new List<double>();
        foreach (double h in new[] { 0.4, 0.2, 0.1, 0.05 })
        {
            var solver = new DormandPrince54Solver(0.5, 1e10) { InitialStep = h, MaxStep = h };
            double[] y = [1.0];
            double[] times = [0.37 * h];
            double[] states = new double[1];
            solver.Solve(new ExponentialDecay(1.0), 0, y, h, y, new OdeRequest { OutputTimes = times, OutputStates = states });
            steps.Add(h);
            errors.Add(Math.Abs(states[0] - Math.Exp(-times[0])));
        }

        Assert.InRange(Fit.LogLogSlope(steps, errors), 4.7, 5.4);
    }

    [Fact]
    public void EventsAreLocatedToOneEMinusTen()
    {
        var solver = new DormandPrince54Solver(1e-12, 1e-14);
        var recorder = new EventRecorder();
        IOdeEvent[] events =
        [
            new OdeEvent((_, y) => y[0]),
            new OdeEvent((_, y) => y[0], EventDirection.Increasing),
            new OdeEvent((_, y) => y[0] - 0.5, EventDirection.Decreasing),
        ];
        double[] y = [1.0, 0.0];
        solver.Solve(new HarmonicOscillator(1.0), 0, y, 20, y, new OdeRequest { Events = events, EventObserver = recorder });

        var any = recorder.Events.Where(e => e.Index == 0).Select(e => e.Time).ToArray();
        var up = recorder.Events.Where(e => e.Index == 1).Select(e => e.Time).ToArray();
        var down = recorder.Events.Where(e => e.Index == 2).Select(e => e.Time).ToArray();
        Assert.Equal(6, any.Length);
        Assert.Equal(3, up.Length);
        Assert.Equal(4, down.Length);
        for (int k = 0; k < any.Length; k++)
        {
            Assert.True(Math.Abs(any[k] - ((Math.PI / 2) + (k * Math.PI))) < 1e-10, $"zero {k}: {any[k] - ((Math.PI / 2) + (k * Math.PI)):E2}");
        }

        for (int k = 0; k < up.Length; k++)
        {
            Assert.True(Math.Abs(up[k] - ((3 * Math.PI / 2) + (2 * k * Math.PI))) < 1e-10);
        }

        for (int k = 0; k < down.Length; k++)
        {
            Assert.True(Math.Abs(down[k] - ((Math.PI / 3) + (2 * k * Math.PI))) < 1e-10);
        }

        var times = recorder.Events.Select(e => e.Time).ToArray();
        Assert.Equal(times.Order().ToArray(), times);
    }

    [Fact]
    public void TerminalEventStopsAtTheCrossing()
    {
        double lambda = 0.7;
        var solver = new DormandPrince54Solver(1e-12, 1e-15);
        IOdeEvent[] events = [new OdeEvent((_, y) => y[0] - 0.25, EventDirection.Decreasing, isTerminal: true)];
        double[] times = [1.0, 100.0];
        double[] states = [-1, -1];
        double[] y = [1.0];
        var solution = solver.Solve(new ExponentialDecay(lambda), 0, y, 100, y, new OdeRequest { Events = events, OutputTimes = times, OutputStates = states });
        Assert.Equal(OdeStatus.TerminatedByEvent, solution.Status);
        Assert.Equal(0, solution.TerminalEventIndex);
        Assert.True(Math.Abs(solution.Time - (Math.Log(4) / lambda)) < 1e-10);
        Assert.True(Math.Abs(y[0] - 0.25) < 1e-12);
        Assert.True(Math.Abs(states[0] - Math.Exp(-lambda)) < 1e-11);
        Assert.Equal(-1, states[1]);
    }

    [Fact]
    public void EvaluationCountIsSixPerAttemptPlusTwo()
    {
        var solver = new DormandPrince54Solver(1e-8, 1e-10);
        double[] y = [1.0, 0.0];
        var s = solver.Solve(new HarmonicOscillator(2.0), 0, y, 30, y).Statistics;
        Assert.True(s.Steps > 10);
        Assert.Equal((6 * (s.Steps + s.RejectedSteps)) + 2, s.Evaluations);
    }

    [Fact]
    public void BlowUpIsReportedNotThrown()
    {
        var solver = new DormandPrince54Solver(1e-8, 1e-10);
        double[] y = [1.0];
        var solution = solver.Solve(new BlowUp(), 0, y, 2, y);
        Assert.Equal(OdeStatus.StepSizeTooSmall, solution.Status);
        Assert.InRange(solution.Time, 0.999, 1.001);
        Assert.False(solution.Succeeded);
    }

    [Fact]
    public void MaxStepsIsReported()
    {
        var solver = new DormandPrince54Solver(1e-10, 1e-12) { MaxSteps = 5 };
        double[] y = [1.0, 0.0];
        var solution = solver.Solve(new HarmonicOscillator(1.0), 0, y, 100, y);
        Assert.Equal(OdeStatus.MaxStepsExceeded, solution.Status);
        Assert.Equal(5, solution.Statistics.Steps);
        Assert.True(solution.Time < 100);
    }

    [Fact]
    public void RepeatedSolvesAllocateNothing()
    {
        var solver = new DormandPrince54Solver(1e-8, 1e-10);
        IOdeEvent[] events = [new OdeEvent((_, y) => y[0])];
        double[] times = [0.5, 1.5, 2.5];
        double[] states = new double[6];
        double[] y = [1.0, 0.0];
        var system = new HarmonicOscillator(1.0);
        solver.Solve(system, 0, y, 3, y, new OdeRequest { Events = events, OutputTimes = times, OutputStates = states });
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            y[0] = 1;
            y[1] = 0;
            solver.Solve(system, 0, y, 3, y, new OdeRequest { Events = events, OutputTimes = times, OutputStates = states });
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("relativeTolerance", () => new DormandPrince54Solver(0));
        Assert.Throws<ArgumentOutOfRangeException>("absoluteTolerance", () => new DormandPrince54Solver(1e-6, -1));
        var solver = new DormandPrince54Solver();
        double[] y = [1.0];
        var decay = new ExponentialDecay(1);
        Assert.Throws<ArgumentOutOfRangeException>("tEnd", () => solver.Solve(decay, 1, y, 0, y));
        Assert.Throws<ArgumentOutOfRangeException>("t0", () => solver.Solve(decay, double.NaN, y, 0, y));
        Assert.Throws<ArgumentException>("initialState", () => solver.Solve(decay, 0, new double[2], 1, y));
        Assert.Throws<ArgumentException>("finalState", () => solver.Solve(decay, 0, y, 1, new double[2]));
        Assert.Throws<ArgumentNullException>("system", () => solver.Solve<IOdeSystem>(null!, 0, y, 1, y));
        Assert.Throws<ArgumentException>("request", () => solver.Solve(decay, 0, y, 1, y, new OdeRequest { OutputTimes = new double[2], OutputStates = new double[1] }));
        Assert.Throws<ArgumentOutOfRangeException>("request", () => solver.Solve(decay, 0, y, 1, y, new OdeRequest { OutputTimes = new[] { 2.0 }, OutputStates = new double[1] }));
        Assert.Throws<ArgumentException>("request", () => solver.Solve(decay, 0, y, 1, y, new OdeRequest { OutputTimes = new[] { 0.5, 0.25 }, OutputStates = new double[2] }));
        Assert.Throws<ArgumentNullException>("request", () => solver.Solve(decay, 0, y, 1, y, new OdeRequest { Events = new IOdeEvent[1] }));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => solver.MaxSteps = 0);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => solver.MaxStep = 0);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => solver.InitialStep = -1);
    }
}
