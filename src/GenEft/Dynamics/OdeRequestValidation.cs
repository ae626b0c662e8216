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

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(initialState[i]))
            {
                throw new ArgumentException($"initialState[{i}] = {initialState[i]} is not finite.", nameof(initialState));
            }
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

    /// <summary>
    /// Rejects a start where f(t0, y0) has a non-finite component: no explicit method can take a step from there, and
    /// an adaptive one would choose its first step from NaN.
    /// </summary>
    public static void ThrowIfNonFiniteDerivative(ReadOnlySpan<double> derivative, double t0)
    {
        for (int i = 0; i < derivative.Length; i++)
        {
            if (!double.IsFinite(derivative[i]))
            {
                throw new ArgumentException(
                    $"The derivative at the start, f(t0 = {t0}, initialState)[{i}] = {derivative[i]}, is not finite: the initial state lies outside the system's domain.",
                    "initialState");
            }
        }
    }
}
