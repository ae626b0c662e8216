namespace GenEft.Dynamics.Repons;

/// <summary>
/// The reduced interacting-repon dynamics in the (a2, c) plane (GenEFT Eq. 10), generalized to one repon against a
/// cluster of N repons that sit at one point (the setting of GenEFT Eq. 13):
/// da2/dt = -k eta_A c^2 a2,  dc/dt = -eta_x a2^2 c,  with coupling k = 4 N / (N + 1),
/// where c is half the distance between the lone repon and the cluster. N = 1 gives k = 2, exactly GenEFT Eq. 10.
/// State layout: [a2, c].
/// </summary>
/// <remarks>
/// The derivation of the coupling for N &gt; 1 is in docs/dynamics.md. The conserved quantity generalizes GenEFT
/// Eq. 11 to C = a2^2 / (k eta_A) - c^2 / eta_x. Immutable and thread-safe.
/// </remarks>
public sealed class ReducedReponSystem : IOdeSystem
{
    private readonly double decoderRate;
    private readonly double encoderRate;

    /// <summary>Creates the reduced system.</summary>
    /// <param name="decoderLearningRate">eta_A, non-negative and finite.</param>
    /// <param name="encoderLearningRate">eta_x, non-negative and finite; positive if eta_A is 0.</param>
    /// <param name="clusterSize">N, the number of clustered repons the lone repon faces; 1 (the default) is the two-repon system of GenEFT Eq. 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or not finite, both rates are 0 (nothing would move, and neither C nor the separatrix exists), or <paramref name="clusterSize"/> is less than 1.</exception>
    public ReducedReponSystem(double decoderLearningRate, double encoderLearningRate, int clusterSize = 1)
    {
        ReponArguments.ThrowIfNotRate(decoderLearningRate, nameof(decoderLearningRate));
        ReponArguments.ThrowIfNotRate(encoderLearningRate, nameof(encoderLearningRate));
        ReponArguments.ThrowIfBothZero(decoderLearningRate, encoderLearningRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterSize, 1);
        decoderRate = decoderLearningRate;
        encoderRate = encoderLearningRate;
        ClusterSize = clusterSize;
        Coupling = 4.0 * clusterSize / (clusterSize + 1);
        Dynamics = new ReducedReponDynamics(Coupling * decoderLearningRate, encoderLearningRate);
    }

    /// <summary>eta_A, the decoder learning rate.</summary>
    public double DecoderLearningRate => decoderRate;

    /// <summary>eta_x, the encoder (embedding) learning rate.</summary>
    public double EncoderLearningRate => encoderRate;

    /// <summary>N, the size of the cluster the lone repon faces (1 for a pair).</summary>
    public int ClusterSize { get; }

    /// <summary>k = 4 N / (N + 1), the factor in da2/dt = -k eta_A c^2 a2 (2 for a pair).</summary>
    public double Coupling { get; }

    /// <summary>
    /// The slope s of the separatrix lines c = +-s a2 (C = 0): s = sqrt(eta_x / (k eta_A)). With one rate 0 it is the
    /// limit that <see cref="Outcome"/> uses: +infinity if eta_A = 0 (every start with a2 != 0 collides), 0 if eta_x = 0
    /// (every start with c != 0 memorizes). Never NaN, since the constructor rejects both rates 0.
    /// </summary>
    public double SeparatrixSlope => Math.Sqrt(encoderRate / (Coupling * decoderRate));

    /// <inheritdoc />
    public int Dimension => 2;

    /// <summary>The right-hand side as a struct, for solver calls the JIT can specialize (the Monte Carlo's hot loop).</summary>
    internal ReducedReponDynamics Dynamics { get; }

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
    {
        Dynamics.Evaluate(t, state, derivative);
    }

    /// <summary>
    /// The conserved quantity C = a2^2 / (k eta_A) - c^2 / eta_x (GenEFT Eq. 11 for N = 1: a2^2 / (2 eta_A) - c^2 / eta_x).
    /// </summary>
    /// <param name="state">The point (a2, c).</param>
    /// <returns>C; positive means collision, negative memorization.</returns>
    /// <exception cref="InvalidOperationException">A learning rate is 0, so C (which divides by both) is not defined; use <see cref="Outcome"/> or <see cref="SeparatrixSlope"/>, which are.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not finite.</exception>
    public double ConservedQuantity(ReducedReponState state)
    {
        ThrowIfNotFinite(state);
        if (decoderRate == 0 || encoderRate == 0)
        {
            throw new InvalidOperationException("The conserved quantity needs both learning rates positive.");
        }

        return (state.A2 * state.A2 / (Coupling * decoderRate)) - (state.C * state.C / encoderRate);
    }

    /// <summary>
    /// The outcome decided by the sign of C (GenEFT Theorem 2), computed as the sign of
    /// k eta_A eta_x C = eta_x a2^2 - k eta_A c^2, which stays defined when a rate is 0.
    /// </summary>
    /// <param name="state">The initial point (a2, c).</param>
    /// <returns>Collision for C &gt; 0, memorization for C &lt; 0, separatrix for C = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not finite.</exception>
    public ReponOutcome Outcome(ReducedReponState state)
    {
        ThrowIfNotFinite(state);
        double scaled = ScaledConservedQuantity(state);
        return scaled > 0 ? ReponOutcome.Collision : scaled < 0 ? ReponOutcome.Memorization : ReponOutcome.Separatrix;
    }

    /// <summary>
    /// The limit of the trajectory as t goes to infinity (GenEFT Eq. 11 and after): for C &gt; 0, (+-sqrt(k eta_A C), 0)
    /// with the sign of a2; for C &lt; 0, (0, +-sqrt(-eta_x C)) with the sign of c; (0, 0) on the separatrix.
    /// </summary>
    /// <param name="state">The initial point (a2, c).</param>
    /// <returns>The limit point.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not finite.</exception>
    public ReducedReponState Limit(ReducedReponState state)
    {
        ThrowIfNotFinite(state);
        double scaled = ScaledConservedQuantity(state);
        if (scaled > 0)
        {
            return new ReducedReponState(Math.CopySign(Math.Sqrt(scaled / encoderRate), state.A2), 0);
        }

        return scaled < 0 ? new ReducedReponState(0, Math.CopySign(Math.Sqrt(-scaled / (Coupling * decoderRate)), state.C)) : default;
    }

    /// <summary>
    /// The two terminal events the Monte Carlo estimator uses to stop a trajectory once its outcome is certain, in this
    /// order: collision when the energy ratio rho = k eta_A c^2 / (eta_x a2^2) falls to <paramref name="verdictRatio"/>,
    /// memorization when it rises to 1 / <paramref name="verdictRatio"/>.
    /// </summary>
    /// <remarks>
    /// Why the verdict is then certain: rho = (c^2 / eta_x) / (a2^2 / (k eta_A)) compares the two terms of C, so rho &lt; 1
    /// means C &gt; 0 and rho &gt; 1 means C &lt; 0, and C never changes. Along any trajectory ln rho moves linearly in time,
    /// d ln rho / dt = -2 k eta_A eta_x C, so a run reaches exactly one of the two thresholds (unless it starts on the
    /// separatrix) and never comes back. Crossings are located on the dense output; a start already past a threshold
    /// is not a crossing and is the caller's to check.
    /// </remarks>
    /// <param name="verdictRatio">The threshold on rho, in (0, 1).</param>
    /// <returns>The collision event and the memorization event, both terminal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verdictRatio"/> is not in (0, 1).</exception>
    public IOdeEvent[] CreateVerdictEvents(double verdictRatio)
    {
        if (!(verdictRatio > 0 && verdictRatio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(verdictRatio), verdictRatio, "Must lie in (0, 1).");
        }

        double k = Coupling * decoderRate, x = encoderRate, eps = verdictRatio;
        return
        [
            new EnergyRatioEvent(k, eps * x, EventDirection.Decreasing),
            new EnergyRatioEvent(eps * k, x, EventDirection.Increasing),
        ];
    }

    private static void ThrowIfNotFinite(ReducedReponState state)
    {
        if (!double.IsFinite(state.A2) || !double.IsFinite(state.C))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Both a2 and c must be finite.");
        }
    }

    /// <summary>k eta_A eta_x C = eta_x a2^2 - k eta_A c^2: the sign of C, defined even when a rate is 0.</summary>
    internal double ScaledConservedQuantity(ReducedReponState state)
        => (encoderRate * state.A2 * state.A2) - (Coupling * decoderRate * state.C * state.C);

    /// <summary>g = p c^2 - q a2^2, a terminal event on the energy ratio (a class, not a lambda, so the hot loop makes one interface call).</summary>
    private sealed class EnergyRatioEvent(double p, double q, EventDirection direction) : IOdeEvent
    {
        public EventDirection Direction => direction;

        public bool IsTerminal => true;

        public double Evaluate(double t, ReadOnlySpan<double> state) => (p * state[1] * state[1]) - (q * state[0] * state[0]);
    }
}
