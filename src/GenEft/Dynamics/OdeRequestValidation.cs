namespace GenEft.Dynamics;

/// <summary>The argument checks every <see cref="IOdeSolver"/> shares, done once per solve at the public boundary.</summary>
internal static class OdeRequestValidation
{
    public static void Validate<TSystem>(TSystem system, double t0, ReadOnlySpan<double> initialState, double tEnd, Span<double> finalState, in OdeRequest request)
        where TSystem : IOdeSystem
    {
        if (system is null)
        {
            throw new ArgumentNullException(nameof(system));
        }

        int n = system.Dimension;
        if (n <= 0)
        {
            throw new ArgumentException($"The system's Dimension must be positive; it is {n}.", nameof(system));
        }

        if (!double.IsFinite(t0))
        {
            throw new ArgumentOutOfRangeException(nameof(t0), t0, "Must be finite.");
        }

        if (!double.IsFinite(tEnd) || tEnd < t0)
        {
            throw new ArgumentOutOfRangeException(nameof(tEnd), tEnd, $"Must be finite and not before t0 = {t0}.");
        }

        if (initialState.Length != n)
        {
            throw new ArgumentException($"Length {initialState.Length} does not match the system's dimension {n}.", nameof(initialState));
        }

        if (finalState.Length != n)
        {
            throw new ArgumentException($"Length {finalState.Length} does not match the system's dimension {n}.", nameof(finalState));
        }

        ReadOnlySpan<double> times = request.OutputTimes;
        if ((long)times.Length * n != request.OutputStates.Length)
        {
            throw new ArgumentException(
                $"OutputStates must hold OutputTimes.Length * dimension = {(long)times.Length * n} values; it holds {request.OutputStates.Length}.",
                nameof(request));
        }

        for (int i = 0; i < times.Length; i++)
        {
            if (!(times[i] >= t0 && times[i] <= tEnd))
            {
                throw new ArgumentOutOfRangeException(nameof(request), times[i], $"OutputTimes[{i}] must lie in [t0, tEnd] = [{t0}, {tEnd}].");
            }

            if (i > 0 && times[i] < times[i - 1])
            {
                throw new ArgumentException($"OutputTimes must be non-decreasing; OutputTimes[{i}] = {times[i]} < OutputTimes[{i - 1}] = {times[i - 1]}.", nameof(request));
            }
        }

        foreach (IOdeEvent? e in request.Events)
        {
            if (e is null)
            {
                throw new ArgumentNullException(nameof(request), "Events must not contain null.");
            }
        }
    }
}
