namespace GenEft.Models.Perceptron;

/// <summary>
/// A solved gradient flow of <see cref="LinearPerceptronFlow"/>: the state at any time (exactly, piece by piece), the
/// first times a training or test error reaches 0 and learning curves. Instances are immutable and thread-safe.
/// </summary>
public sealed class LinearPerceptronTrajectory
{
    private readonly LinearPerceptronFlow flow;
    private readonly FlowPiece[] pieces;

    internal LinearPerceptronTrajectory(LinearPerceptronFlow flow, FlowPiece[] pieces, bool pieceLimitReached)
    {
        this.flow = flow;
        this.pieces = pieces;
        PieceLimitReached = pieceLimitReached;
    }

    /// <summary>D.</summary>
    public int Dimension => flow.Dimension;

    /// <summary>The number of pieces: 1 without L1, one more for each sign change, sticking or release of a coordinate.</summary>
    public int PieceCount => pieces.Length;

    /// <summary>Whether the flow hit <see cref="LinearPerceptronFlow.MaxPieces"/>; the state after the last piece's start is then only that piece's formula.</summary>
    public bool PieceLimitReached { get; }

    /// <summary>The times at which a piece ends and the next begins (coordinates crossing, sticking at or leaving 0).</summary>
    public IReadOnlyList<double> SwitchTimes => [.. pieces.Skip(1).Select(p => p.StartTime)];

    /// <summary>The state w(t).</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="weights">Receives w(t), of length D.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D.</exception>
    public void StateAt(double time, Span<double> weights)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(time, nameof(time));
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        var piece = PieceAt(time);
        piece.StateAt(time - piece.StartTime, weights, new double[piece.Active.Length]);
    }

    /// <summary>The state w(t) as a new array.</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <returns>w(t).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or not finite.</exception>
    public double[] StateAt(double time)
    {
        var w = new double[Dimension];
        StateAt(time, w);
        return w;
    }

    /// <summary>The limit of w(t) as t grows (the minimiser of R for the strictly convex problem).</summary>
    /// <returns>The final state; entries are infinite if the last piece grows without bound (only possible for lambda2 = 0 with a singular G and L1).</returns>
    public double[] FinalState()
    {
        var last = pieces[^1];
        var w = new double[Dimension];
        if (!last.TryLimit(w, new double[last.Active.Length]))
        {
            Array.Fill(w, double.PositiveInfinity);
        }

        return w;
    }

    /// <summary>
    /// The first time the error measured by <paramref name="measure"/> is 0: 0 if it is 0 at t = 0, else the first
    /// crossing of its zero-error margin from below, located by a geometric scan of each piece (ratio
    /// <see cref="LinearPerceptronFlow.GridRatio"/>) refined by Brent's method; +infinity if the margin never turns positive.
    /// </summary>
    /// <param name="measure">The error: the training sample, a test sample or the exact population error.</param>
    /// <returns>The time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="measure"/> has another dimension.</exception>
    public double FirstZeroErrorTime(IPerceptronErrorMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        PerceptronArguments.ThrowIfLengthIsNot(measure.Dimension, Dimension, nameof(measure));
        var w = new double[Dimension];
        pieces[0].StateAt(0, w, new double[pieces[0].Active.Length]);
        if (measure.Error(w) == 0)
        {
            return 0;
        }

        foreach (var piece in pieces)
        {
            var z = new double[piece.Active.Length];
            double end = double.IsPositiveInfinity(piece.EndTime) ? piece.SettlingTime(flow.MaxTime - piece.StartTime) : piece.EndTime - piece.StartTime;
            var grid = new GeometricTimeGrid(piece.FirstGridTime(end), end, flow.GridRatio);
            double previousTau = 0, previous = double.NaN;
            while (grid.MoveNext(out double tau))
            {
                piece.StateAt(tau, w, z);
                double margin = measure.ZeroErrorMargin(w);
                if (margin > 0)
                {
                    if (double.IsNaN(previous))
                    {
                        return piece.StartTime + tau;
                    }

                    var function = new MarginFunction(piece, measure, Dimension);
                    return piece.StartTime + Dynamics.BrentRootFinder.FindRoot(ref function, previousTau, tau, previous, margin, 1e-15 * tau);
                }

                previousTau = tau;
                previous = margin;
            }
        }

        return double.PositiveInfinity;
    }

    /// <summary>The first zero-error times of a training and a test measure, and t_G.</summary>
    /// <param name="training">The training error (usually <see cref="LinearPerceptronFlow.Data"/>).</param>
    /// <param name="test">The test error (a test sample or <see cref="BallModelPopulationError"/>).</param>
    /// <returns>Both times.</returns>
    /// <exception cref="ArgumentNullException">A measure is null.</exception>
    /// <exception cref="ArgumentException">A measure has another dimension.</exception>
    public PerceptronGrokkingTimes GrokkingTimes(IPerceptronErrorMeasure training, IPerceptronErrorMeasure test)
        => new(FirstZeroErrorTime(training), FirstZeroErrorTime(test));

    /// <summary>The learning curve at the given times: loss, training error and test error.</summary>
    /// <param name="times">Non-negative finite times, in any order.</param>
    /// <param name="training">The training error measure.</param>
    /// <param name="test">The test error measure.</param>
    /// <returns>One point per time, in the order given.</returns>
    /// <exception cref="ArgumentNullException">A measure is null.</exception>
    /// <exception cref="ArgumentException">A measure has another dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not finite.</exception>
    public PerceptronCurvePoint[] Sample(ReadOnlySpan<double> times, IPerceptronErrorMeasure training, IPerceptronErrorMeasure test)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        PerceptronArguments.ThrowIfLengthIsNot(training.Dimension, Dimension, nameof(training));
        PerceptronArguments.ThrowIfLengthIsNot(test.Dimension, Dimension, nameof(test));
        var points = new PerceptronCurvePoint[times.Length];
        var w = new double[Dimension];
        for (int i = 0; i < times.Length; i++)
        {
            StateAt(times[i], w);
            points[i] = new PerceptronCurvePoint(times[i], flow.Data.Loss(w, flow.Regularization), training.Error(w), test.Error(w));
        }

        return points;
    }

    private FlowPiece PieceAt(double time)
    {
        int lo = 0, hi = pieces.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (pieces[mid].StartTime <= time)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return pieces[lo];
    }

    private readonly struct MarginFunction(FlowPiece piece, IPerceptronErrorMeasure measure, int dimension) : Dynamics.IScalarFunction
    {
        private readonly double[] w = new double[dimension];
        private readonly double[] z = new double[piece.Active.Length];

        public double Evaluate(double x)
        {
            piece.StateAt(x, w, z);
            return measure.ZeroErrorMargin(w);
        }
    }
}
