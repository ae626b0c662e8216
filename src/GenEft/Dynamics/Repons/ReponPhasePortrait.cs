namespace GenEft.Dynamics.Repons;

/// <summary>Phase-portrait data for GenEFT Figure 4: trajectories of the reduced system (Eq. 10) in the (a2, c) plane.</summary>
/// <remarks>The separatrix is the pair of lines c = +-s a2 with s = <see cref="ReducedReponSystem.SeparatrixSlope"/> (C = 0).</remarks>
public static class ReponPhasePortrait
{
    /// <summary>
    /// Integrates each start to <paramref name="endTime"/> with Dormand-Prince (rtol 1e-10, atol 1e-12) and samples it at
    /// <paramref name="pointsPerTrajectory"/> times spaced evenly in ln(1 + t), which resolves both the fast start and the
    /// slow approach to the limit.
    /// </summary>
    /// <param name="system">The reduced system.</param>
    /// <param name="starts">The initial points.</param>
    /// <param name="endTime">The end time, positive and finite.</param>
    /// <param name="pointsPerTrajectory">Output points per trajectory, at least 2.</param>
    /// <returns>One trajectory per start, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="starts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="endTime"/> is not positive and finite, <paramref name="pointsPerTrajectory"/> is less than 2, or a start is not finite or so large that the right-hand side of Eq. 10 overflows there (|a2|^2 |c| times a rate beyond the double range).</exception>
    /// <exception cref="InvalidOperationException">A solve stopped before <paramref name="endTime"/> (its status is in the message); no trajectory is returned with unfilled points.</exception>
    public static ReponTrajectory[] Trajectories(ReducedReponSystem system, IReadOnlyList<ReducedReponState> starts, double endTime, int pointsPerTrajectory)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(starts);
        if (!(endTime > 0 && double.IsFinite(endTime)))
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "Must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerTrajectory, 2);
        double[] times = new double[pointsPerTrajectory];
        for (int k = 0; k < pointsPerTrajectory; k++)
        {
            times[k] = k == pointsPerTrajectory - 1 ? endTime : Math.Pow(1 + endTime, (double)k / (pointsPerTrajectory - 1)) - 1;
        }

        var solver = new DormandPrince54Solver(1e-10, 1e-12);
        var result = new ReponTrajectory[starts.Count];
        double[] states = new double[2 * pointsPerTrajectory];
        double[] y = new double[2];
        double[] slope = new double[2];
        for (int i = 0; i < starts.Count; i++)
        {
            ReducedReponState start = starts[i];
            if (!double.IsFinite(start.A2) || !double.IsFinite(start.C))
            {
                throw new ArgumentOutOfRangeException(nameof(starts), start, $"starts[{i}] must be finite.");
            }

            y[0] = start.A2;
            y[1] = start.C;
            system.Evaluate(0, y, slope);
            if (!double.IsFinite(slope[0]) || !double.IsFinite(slope[1]))
            {
                throw new ArgumentOutOfRangeException(nameof(starts), start, $"starts[{i}] is so large that the right-hand side of Eq. 10 overflows there.");
            }

            OdeSolution solution = solver.Solve(system, 0, y, endTime, y, new OdeRequest { OutputTimes = times, OutputStates = states });
            if (solution.Status != OdeStatus.Completed)
            {
                throw new InvalidOperationException($"The trajectory from starts[{i}] = {start} stopped at t = {solution.Time} with status {solution.Status}.");
            }
            double[] a2 = new double[pointsPerTrajectory], c = new double[pointsPerTrajectory];
            for (int k = 0; k < pointsPerTrajectory; k++)
            {
                a2[k] = states[2 * k];
                c[k] = states[(2 * k) + 1];
            }

            result[i] = new ReponTrajectory(start, system.Outcome(start), (double[])times.Clone(), a2, c);
        }

        return result;
    }
}
