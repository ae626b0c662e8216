using MathNet.Numerics.LinearAlgebra;

namespace GenEft.Models.Perceptron;

/// <summary>
/// Gradient flow dw/dt = -dR/dw of the square loss of a linear perceptron with L1 and L2 regularization,
/// R(w) = 1/2 w.G.w - w.a + 1/2 + lambda1 |w|_1 with G = (1/n) sum x x^T + lambda2 I and a = (1/n) sum y x
/// (Žunkovič and Ilievski Eq. 19; n = 2N for the ball model).
/// </summary>
/// <remarks>
/// <para>
/// lambda1 = 0: one linear piece, solved exactly, w(t) = w* + exp(-G t)(w(0) - w*) through the eigendecomposition of the
/// symmetric G (zero modes of a singular G, possible only for lambda2 = 0, stay where they start).
/// </para>
/// <para>
/// lambda1 &gt; 0: the right-hand side jumps where a coordinate is 0, and the flow is the Filippov solution
/// dw/dt = -(minimal-norm element of the subdifferential): an event-located piecewise-exact flow. Between events the set
/// of non-zero coordinates and their signs are fixed and each piece is linear and solved exactly like the lambda1 = 0 case
/// (<c>FlowPiece</c>). Events are found by scanning each piece on a geometric time grid (ratio <see cref="GridRatio"/>) and
/// refining by Brent's method: a non-zero coordinate reaching 0 either crosses (|g_j| &gt; lambda1, g = G w - a; it leaves
/// with sign -sgn g_j) or sticks (|g_j| &lt;= lambda1); a coordinate held at 0 leaves when |g_j| grows past lambda1. Two
/// events closer together than one grid interval can be merged into one; the grid ratio controls that risk.
/// </para>
/// </remarks>
public sealed class LinearPerceptronFlow
{
    private readonly double[] hessian;
    private readonly double[] labelMoment;

    /// <summary>Creates the flow for a sample and a regularization.</summary>
    /// <param name="data">The training sample.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public LinearPerceptronFlow(LinearPerceptronData data, PerceptronRegularization regularization)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Regularization = regularization;
        int d = data.Dimension;
        hessian = new double[d * d];
        labelMoment = new double[d];
        data.Moments(hessian, labelMoment);
        for (int i = 0; i < d; i++)
        {
            hessian[(i * d) + i] += regularization.L2;
        }
    }

    /// <summary>The training sample.</summary>
    public LinearPerceptronData Data { get; }

    /// <summary>lambda1 and lambda2.</summary>
    public PerceptronRegularization Regularization { get; }

    /// <summary>D.</summary>
    public int Dimension => Data.Dimension;

    /// <summary>G = (1/n) sum x x^T + lambda2 I, row-major D x D.</summary>
    public ReadOnlySpan<double> Hessian => hessian;

    /// <summary>a = (1/n) sum y x (without the L1 term).</summary>
    public ReadOnlySpan<double> LabelMoment => labelMoment;

    /// <summary>The ratio of consecutive times in the event and zero-error scans, in (1, 2]; default 1.02 (about 116 points per decade).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (1, 2].</exception>
    public double GridRatio
    {
        get;
        init => field = value > 1 && value <= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GridRatio), value, "GridRatio must be in (1, 2].");
    } = 1.02;

    /// <summary>The longest time searched for events and zero-error crossings when the flow has an undamped direction; positive and finite, default 1e9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double MaxTime
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(MaxTime), value, "MaxTime must be positive and finite.");
    } = 1e9;

    /// <summary>The most pieces (sign changes and stickings) a trajectory may have; default 10,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxPieces
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPieces), value, "MaxPieces must be at least 1.");
    } = 10_000;

    /// <summary>
    /// The minimiser of R, which the flow reaches as t grows: a Cholesky solve for lambda1 = 0 (the minimum-norm solution
    /// via the eigendecomposition if G is singular), cyclic coordinate descent with soft thresholding to 1e-14 for lambda1 &gt; 0.
    /// </summary>
    /// <returns>w*.</returns>
    public double[] Minimizer()
    {
        int d = Dimension;
        var w = new double[d];
        if (Regularization.L1 == 0)
        {
            if (!QuadraticMinimizer.TrySolve(hessian, labelMoment, new double[d * d], w))
            {
                var g = Matrix<double>.Build.Dense(d, d, (i, j) => hessian[(i * d) + j]);
                var solution = g.PseudoInverse() * Vector<double>.Build.Dense(labelMoment);
                for (int i = 0; i < d; i++)
                {
                    w[i] = solution[i];
                }
            }

            return w;
        }

        QuadraticMinimizer.CoordinateDescent(hessian, labelMoment, Regularization.L1, w, new double[d]);
        return w;
    }

    /// <summary>dw/dt at w: -(g_j + lambda1 sgn w_j) for w_j != 0 and, at w_j = 0, 0 if |g_j| &lt;= lambda1 else -(g_j - lambda1 sgn g_j), g = G w - a.</summary>
    /// <param name="weights">w, of length D.</param>
    /// <param name="velocity">Receives dw/dt, of length D.</param>
    /// <exception cref="ArgumentException">A span does not have length D.</exception>
    public void Velocity(ReadOnlySpan<double> weights, Span<double> velocity)
    {
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, Dimension, nameof(weights));
        PerceptronArguments.ThrowIfLengthIsNot(velocity.Length, Dimension, nameof(velocity));
        double l1 = Regularization.L1;
        for (int j = 0; j < Dimension; j++)
        {
            double g = SmoothGradient(weights, j);
            velocity[j] = weights[j] != 0 ? -(g + (l1 * Math.Sign(weights[j])))
                : Math.Abs(g) <= l1 ? 0 : -(g - (l1 * Math.Sign(g)));
        }
    }

    /// <summary>Solves the flow from <paramref name="initialWeights"/> for all t &gt;= 0.</summary>
    /// <param name="initialWeights">w(0), of length D, finite.</param>
    /// <returns>The trajectory.</returns>
    /// <exception cref="ArgumentException"><paramref name="initialWeights"/> does not have length D or is not finite.</exception>
    public LinearPerceptronTrajectory Solve(ReadOnlySpan<double> initialWeights)
    {
        PerceptronArguments.ThrowIfLengthIsNot(initialWeights.Length, Dimension, nameof(initialWeights));
        PerceptronArguments.ThrowIfNotFinite(initialWeights, nameof(initialWeights));
        return new PieceBuilder(this).Build(initialWeights);
    }

    /// <summary>g_j = (G w)_j - a_j, the gradient of the smooth part of R.</summary>
    internal double SmoothGradient(ReadOnlySpan<double> w, int j)
    {
        int d = Dimension;
        double sum = -labelMoment[j];
        ReadOnlySpan<double> row = hessian.AsSpan(j * d, d);
        for (int k = 0; k < d; k++)
        {
            sum += row[k] * w[k];
        }

        return sum;
    }

    /// <summary>Builds the pieces of one trajectory: the event loop of the Filippov flow.</summary>
    private sealed class PieceBuilder(LinearPerceptronFlow flow)
    {
        private readonly int d = flow.Dimension;
        private readonly double l1 = flow.Regularization.L1;

        public LinearPerceptronTrajectory Build(ReadOnlySpan<double> initialWeights)
        {
            var w = initialWeights.ToArray();
            var isActive = new bool[d];
            var signs = new double[d];
            for (int j = 0; j < d; j++)
            {
                if (l1 == 0 || w[j] != 0)
                {
                    isActive[j] = true;
                    signs[j] = Math.Sign(w[j]);
                }
                else
                {
                    Classify(w, j, isActive, signs);
                }
            }

            var pieces = new List<FlowPiece>();
            double time = 0;
            bool limitReached = false;
            while (true)
            {
                var piece = FlowPiece.Create(time, w, flow.hessian, flow.labelMoment, l1, isActive, signs);
                pieces.Add(piece);
                if (l1 == 0)
                {
                    break;
                }

                if (pieces.Count >= flow.MaxPieces)
                {
                    limitReached = true;
                    break;
                }

                var (tau, index) = FirstEvent(piece, flow.MaxTime - time);
                if (index < 0)
                {
                    break;
                }

                piece.EndTime = time + tau;
                piece.StateAt(tau, w, new double[piece.Active.Length]);
                time += tau;
                if (isActive[index])
                {
                    w[index] = 0;
                    Classify(w, index, isActive, signs);
                }
                else
                {
                    double g = flow.SmoothGradient(w, index);
                    isActive[index] = true;
                    signs[index] = -Math.Sign(g);
                }
            }

            return new LinearPerceptronTrajectory(flow, [.. pieces], limitReached);
        }

        /// <summary>Decides whether coordinate j, at 0, sticks (|g_j| &lt;= lambda1) or moves off with sign -sgn g_j.</summary>
        private void Classify(double[] w, int j, bool[] isActive, double[] signs)
        {
            double g = flow.SmoothGradient(w, j);
            if (Math.Abs(g) <= l1)
            {
                isActive[j] = false;
                signs[j] = 0;
            }
            else
            {
                isActive[j] = true;
                signs[j] = -Math.Sign(g);
            }
        }

        /// <summary>The earliest event of the piece within the horizon: (piece-local time, coordinate), or index -1 for none.</summary>
        private (double Tau, int Index) FirstEvent(FlowPiece piece, double horizon)
        {
            double end = piece.SettlingTime(horizon);
            var w = new double[d];
            var z = new double[piece.Active.Length];
            var previous = new double[d];
            var current = new double[d];
            var tolerance = new double[d];
            var grid = new GeometricTimeGrid(piece.FirstGridTime(end), end, flow.GridRatio);
            double previousTau = 0;
            bool first = true;
            while (grid.MoveNext(out double tau))
            {
                piece.StateAt(tau, w, z);
                EventValues(piece, w, current, first ? tolerance : null);
                if (!first)
                {
                    int best = -1;
                    double bestTau = double.PositiveInfinity;
                    for (int j = 0; j < d; j++)
                    {
                        if (current[j] < -tolerance[j] && previous[j] >= -tolerance[j])
                        {
                            double root = RefineRoot(piece, j, previousTau, tau, previous[j], current[j]);
                            if (root < bestTau)
                            {
                                bestTau = root;
                                best = j;
                            }
                        }
                    }

                    if (best >= 0)
                    {
                        return (bestTau, best);
                    }
                }

                (previous, current) = (current, previous);
                previousTau = tau;
                first = false;
            }

            return (0, -1);
        }

        /// <summary>
        /// The event functions: s_j w_j for a moving coordinate (the event is its crossing of 0) and lambda1 - |g_j| for a
        /// coordinate held at 0 (the event is |g_j| exceeding lambda1). Both start non-negative. At the piece start also the
        /// rounding tolerances below which a negative value is not an event.
        /// </summary>
        private void EventValues(FlowPiece piece, double[] w, double[] values, double[]? tolerance)
        {
            double scale = 1;
            foreach (double v in w)
            {
                scale = Math.Max(scale, Math.Abs(v));
            }

            for (int j = 0; j < d; j++)
            {
                double s = piece.Signs[j];
                if (s != 0)
                {
                    values[j] = s * w[j];
                    if (tolerance is not null)
                    {
                        tolerance[j] = 1e-14 * scale;
                    }
                }
                else
                {
                    double g = flow.SmoothGradient(w, j);
                    values[j] = l1 - Math.Abs(g);
                    if (tolerance is not null)
                    {
                        tolerance[j] = 1e-13 * (l1 + Math.Abs(flow.labelMoment[j]) + Math.Abs(g));
                    }
                }
            }
        }

        private double RefineRoot(FlowPiece piece, int j, double a, double b, double fa, double fb)
        {
            if (fa <= 0)
            {
                return a;
            }

            var function = new EventFunction(flow, piece, j, l1);
            return Dynamics.BrentRootFinder.FindRoot(ref function, a, b, fa, fb, 1e-15 * b);
        }
    }

    /// <summary>One event function along a piece, for the root finder.</summary>
    private struct EventFunction(LinearPerceptronFlow flow, FlowPiece piece, int index, double l1) : Dynamics.IScalarFunction
    {
        private readonly double[] w = new double[flow.Dimension];
        private readonly double[] z = new double[piece.Active.Length];

        public readonly double Evaluate(double x)
        {
            piece.StateAt(x, w, z);
            double s = piece.Signs[index];
            return s != 0 ? s * w[index] : l1 - Math.Abs(flow.SmoothGradient(w, index));
        }
    }
}
