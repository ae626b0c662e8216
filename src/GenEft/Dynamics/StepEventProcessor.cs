namespace GenEft.Dynamics;

/// <summary>
/// The per-step bookkeeping every solver shares: detects sign changes of the event functions across an accepted
/// step, locates each crossing by Brent's method on the step's dense output, reports events in time order, and
/// writes the requested output states up to where the step (or a terminal event) ends. Owns its buffers, which grow
/// to the largest problem seen and are then reused.
/// </summary>
internal sealed class StepEventProcessor
{
    private double[] previousValues = [];
    private double[] currentValues = [];
    private double[] roots = [];
    private double[] scratch = [];
    private int outputIndex;

    /// <summary>Evaluates the events at the initial point and writes outputs requested at exactly t0.</summary>
    public void Begin(in OdeRequest request, double t0, ReadOnlySpan<double> initialState)
    {
        int m = request.Events.Length;
        if (previousValues.Length < m)
        {
            previousValues = new double[m];
            currentValues = new double[m];
            roots = new double[m];
        }

        if (scratch.Length < initialState.Length)
        {
            scratch = new double[initialState.Length];
        }

        for (int i = 0; i < m; i++)
        {
            double g = request.Events[i].Evaluate(t0, initialState);
            if (double.IsNaN(g))
            {
                // A NaN is never a sign change, so the event would silently never fire.
                throw new ArgumentException($"Events[{i}] evaluates to NaN at t0 = {t0}; an event function must be defined along the solution.", "request");
            }

            previousValues[i] = g;
        }

        outputIndex = 0;
        WriteOutputsUpTo(request, t0, initialState);
    }

    /// <summary>
    /// Handles one accepted step [tOld, tNew] ending in <paramref name="newState"/>. Returns the index of the terminal
    /// event that stops the integration inside the step (its time in <paramref name="stopTime"/>), or -1.
    /// </summary>
    public int EndStep<TInterpolant>(ref TInterpolant interpolant, in OdeRequest request, double tOld, double tNew, ReadOnlySpan<double> newState, out double stopTime)
        where TInterpolant : struct, IStepInterpolant
    {
        ReadOnlySpan<IOdeEvent> events = request.Events;
        int terminal = -1;
        stopTime = tNew;
        bool anyRoot = false;
        for (int i = 0; i < events.Length; i++)
        {
            IOdeEvent e = events[i];
            double gOld = previousValues[i];
            double gNew = e.Evaluate(tNew, newState);
            currentValues[i] = gNew;
            roots[i] = double.NaN;
            bool up = gOld < 0 && gNew >= 0;
            bool down = gOld > 0 && gNew <= 0;
            bool counted = e.Direction switch
            {
                EventDirection.Increasing => up,
                EventDirection.Decreasing => down,
                _ => up || down,
            };
            if (!counted)
            {
                continue;
            }

            var g = new EventOnDenseOutput<TInterpolant>(interpolant, e, scratch, newState.Length);
            double tolerance = 1e-15 * Math.Max(1.0, Math.Max(Math.Abs(tOld), Math.Abs(tNew)));
            double root = BrentRootFinder.FindRoot(ref g, tOld, tNew, gOld, gNew, tolerance);
            roots[i] = root;
            anyRoot = true;
            if (e.IsTerminal && (terminal < 0 || root < stopTime))
            {
                terminal = i;
                stopTime = root;
            }
        }

        (previousValues, currentValues) = (currentValues, previousValues);

        if (anyRoot && request.EventObserver is { } observer)
        {
            ReportInTimeOrder(ref interpolant, events.Length, stopTime, newState.Length, observer);
        }

        WriteOutputsUpTo(ref interpolant, request, stopTime, tNew, newState);

        return terminal;
    }

    private void ReportInTimeOrder<TInterpolant>(ref TInterpolant interpolant, int eventCount, double stopTime, int n, IOdeEventObserver observer)
        where TInterpolant : struct, IStepInterpolant
    {
        Span<double> state = scratch.AsSpan(0, n);
        while (true)
        {
            int next = -1;
            for (int i = 0; i < eventCount; i++)
            {
                double r = roots[i];
                if (!double.IsNaN(r) && r <= stopTime && (next < 0 || r < roots[next]))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                return;
            }

            interpolant.Interpolate(roots[next], state);
            observer.OnEvent(next, roots[next], state);
            roots[next] = double.NaN;
        }
    }

    private void WriteOutputsUpTo(in OdeRequest request, double t, ReadOnlySpan<double> state)
    {
        ReadOnlySpan<double> times = request.OutputTimes;
        int n = state.Length;
        while (outputIndex < times.Length && times[outputIndex] <= t)
        {
            state.CopyTo(request.OutputStates.Slice(outputIndex * n, n));
            outputIndex++;
        }
    }

    private void WriteOutputsUpTo<TInterpolant>(ref TInterpolant interpolant, in OdeRequest request, double until, double tNew, ReadOnlySpan<double> newState)
        where TInterpolant : struct, IStepInterpolant
    {
        ReadOnlySpan<double> times = request.OutputTimes;
        int n = newState.Length;
        while (outputIndex < times.Length && times[outputIndex] <= until)
        {
            Span<double> row = request.OutputStates.Slice(outputIndex * n, n);
            if (times[outputIndex] == tNew)
            {
                newState.CopyTo(row);
            }
            else
            {
                interpolant.Interpolate(times[outputIndex], row);
            }

            outputIndex++;
        }
    }

    /// <summary>g(t, y(t)) along the dense output of the current step.</summary>
    private readonly struct EventOnDenseOutput<TInterpolant>(TInterpolant interpolant, IOdeEvent e, double[] buffer, int dimension) : IScalarFunction
        where TInterpolant : struct, IStepInterpolant
    {
        public double Evaluate(double x)
        {
            Span<double> state = buffer.AsSpan(0, dimension);
            interpolant.Interpolate(x, state);
            return e.Evaluate(x, state);
        }
    }
}
