namespace GenEft.Dynamics.Repons;

/// <summary>
/// Monte Carlo estimate of the repon collision probability (GenEFT Theorem 3, Eq. 12 and Eq. 13): draws
/// a2(0) ~ N(0, sigma_a^2) and c(0) ~ N(0, sigma_c^2), integrates each reduced system with Dormand-Prince until a
/// terminal verdict event (<see cref="ReducedReponSystem.CreateVerdictEvents"/>) says the outcome is certain, and
/// counts collisions.
/// </summary>
/// <remarks>
/// Sample i draws its two normals from its own counter-based stream (SplitMix64 of the seed and i, Box-Muller), so the
/// result depends only on the seed and the sample count, never on the thread count or scheduling. Samples are
/// processed in parallel chunks, each worker reusing one solver, so a run allocates a fixed amount independent of the
/// sample count.
/// </remarks>
public sealed class ReponCollisionMonteCarlo
{
    private const int ChunkSize = 1024;

    /// <summary>Creates an estimator for <paramref name="system"/> with the given initialization scales.</summary>
    /// <param name="system">The reduced system (its learning rates and cluster size).</param>
    /// <param name="sigmaA">The standard deviation of a2(0), positive and finite.</param>
    /// <param name="sigmaC">The standard deviation of c(0), positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scale is not positive and finite, or so large that the dynamics of a draw could overflow (see <see cref="MaxDrawMagnitude"/>).</exception>
    public ReponCollisionMonteCarlo(ReducedReponSystem system, double sigmaA, double sigmaC)
    {
        ArgumentNullException.ThrowIfNull(system);
        ReponArguments.ThrowIfNotPositiveScale(sigmaA, nameof(sigmaA));
        ReponArguments.ThrowIfNotPositiveScale(sigmaC, nameof(sigmaC));
        ThrowIfDynamicsCanOverflow(system, sigmaA, sigmaC);
        System = system;
        SigmaA = sigmaA;
        SigmaC = sigmaC;
    }

    /// <summary>
    /// The largest |a2(0)| / sigma_a or |c(0)| / sigma_c a draw can have: the Box-Muller radius sqrt(-2 ln u) with u at
    /// least 2^-53, about 8.57.
    /// </summary>
    public static double MaxDrawMagnitude { get; } = Math.Sqrt(-2 * Math.Log(1.0 / (1UL << 53)));

    /// <summary>The reduced system sampled.</summary>
    public ReducedReponSystem System { get; }

    /// <summary>The standard deviation of a2(0).</summary>
    public double SigmaA { get; }

    /// <summary>The standard deviation of c(0).</summary>
    public double SigmaC { get; }

    /// <summary>The energy-ratio threshold of the verdict events, in (0, 1); default 1e-4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double VerdictRatio
    {
        get;
        set => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must lie in (0, 1).");
    } = 1e-4;

    /// <summary>The time after which an undecided run is given up; positive and finite, default 1e9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double MaxTime
    {
        get;
        set => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive and finite.");
    } = 1e9;

    /// <summary>
    /// The solver's relative tolerance; default 1e-6. The verdict only needs the trajectory to reach the right
    /// threshold, which integration error could spoil only for starts within about rtol of the separatrix;
    /// <see cref="ReponCollisionEstimate.DisagreementsWithConservedQuantity"/> reports any such run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [1e-14, 1).</exception>
    public double RelativeTolerance
    {
        get;
        set => field = value >= 1e-14 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must lie in [1e-14, 1).");
    } = 1e-6;

    /// <summary>The solver's absolute tolerance; default 1e-12.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double AbsoluteTolerance
    {
        get;
        set => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive and finite.");
    } = 1e-12;

    /// <summary>The most threads to use; -1 (the default) for all cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        set => field = value == -1 || value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be -1 (all cores) or positive.");
    } = -1;

    /// <summary>Draws <paramref name="samples"/> initializations, integrates each to its verdict, and counts.</summary>
    /// <param name="samples">The number of initializations, at least 1.</param>
    /// <param name="seed">The seed; the same seed and count give the same result on any number of threads.</param>
    /// <param name="progress">Receives the completed fraction in [0, 1] after each chunk; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The counts, P(collision) and its standard error, and solver statistics.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is less than 1.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ReponCollisionEstimate Estimate(long samples, ulong seed, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        long chunks = (samples + ChunkSize - 1) / ChunkSize;
        var total = new Tally();
        long completed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0L,
            chunks,
            options,
            () => new Worker(this),
            (chunk, _, worker) =>
            {
                long start = chunk * ChunkSize, end = Math.Min(samples, start + ChunkSize);
                for (long i = start; i < end; i++)
                {
                    worker.Run(seed, i);
                }

                long done = Interlocked.Add(ref completed, end - start);
                progress?.Report((double)done / samples);
                return worker;
            },
            worker =>
            {
                lock (total)
                {
                    total.Add(worker.Tally);
                }
            });

        return new ReponCollisionEstimate(
            samples, total.Collisions, total.Memorizations, total.Undecided, total.DecidedAtStart, total.Disagreements, total.Steps, total.Rejected, total.Evaluations);
    }

    /// <summary>
    /// Rejects scales for which some draw could make the right-hand side (eta_x a2^2 c, k eta_A c^2 a2) or the verdict
    /// events (k eta_A c^2 against eta_x a2^2) overflow: those runs would silently end undecided or throw deep inside.
    /// </summary>
    private static void ThrowIfDynamicsCanOverflow(ReducedReponSystem system, double sigmaA, double sigmaC)
    {
        double a = MaxDrawMagnitude * sigmaA, c = MaxDrawMagnitude * sigmaC;
        double k = system.Coupling * system.DecoderLearningRate, x = system.EncoderLearningRate;
        // Bounds on |da2/dt|, |dc/dt| and the event terms; a rate of 0 removes its term (and 0 * inf must not count).
        bool overflows = (x > 0 && !(double.IsFinite(x * a * a * c) && double.IsFinite(x * a * a)))
            || (k > 0 && !(double.IsFinite(k * c * c * a) && double.IsFinite(k * c * c)));
        if (overflows)
        {
            bool aIsLarger = sigmaA >= sigmaC;
            throw new ArgumentOutOfRangeException(
                aIsLarger ? nameof(sigmaA) : nameof(sigmaC),
                aIsLarger ? sigmaA : sigmaC,
                $"Draws up to {MaxDrawMagnitude:F2} sigma would make the repon dynamics overflow for sigma_a = {sigmaA}, sigma_c = {sigmaC} and these learning rates.");
        }
    }

    /// <summary>The i-th initialization of the stream <paramref name="seed"/>: two independent normals scaled by sigma_a and sigma_c.</summary>
    internal static ReducedReponState SampleInitialState(ulong seed, long index, double sigmaA, double sigmaC)
    {
        ulong key = SplitMix64.Mix(SplitMix64.Mix(seed) ^ SplitMix64.Mix((ulong)index + 0x632BE59BD9B4E019UL));
        double u1 = SplitMix64.ToUnitInterval(SplitMix64.Mix(key));
        double u2 = SplitMix64.ToUnitInterval(SplitMix64.Mix(key + 0x9E3779B97F4A7C15UL));
        double radius = Math.Sqrt(-2 * Math.Log(u1));
        (double sin, double cos) = Math.SinCos(2 * Math.PI * u2);
        return new ReducedReponState(sigmaA * radius * cos, sigmaC * radius * sin);
    }

    /// <summary>One thread's solver, events, state buffer and counts.</summary>
    private sealed class Worker(ReponCollisionMonteCarlo owner)
    {
        private readonly DormandPrince54Solver solver = new(owner.RelativeTolerance, owner.AbsoluteTolerance);
        private readonly IOdeEvent[] events = owner.System.CreateVerdictEvents(owner.VerdictRatio);
        private readonly double[] state = new double[2];
        private readonly ReducedReponDynamics dynamics = owner.System.Dynamics;

        public Tally Tally { get; } = new();

        public void Run(ulong seed, long index)
        {
            ReducedReponState start = SampleInitialState(seed, index, owner.SigmaA, owner.SigmaC);
            ReponOutcome expected = owner.System.Outcome(start);
            state[0] = start.A2;
            state[1] = start.C;
            ReponOutcome outcome;
            if (events[0].Evaluate(0, state) <= 0)
            {
                outcome = ReponOutcome.Collision;
                Tally.DecidedAtStart++;
            }
            else if (events[1].Evaluate(0, state) >= 0)
            {
                outcome = ReponOutcome.Memorization;
                Tally.DecidedAtStart++;
            }
            else
            {
                OdeSolution solution = solver.Solve(dynamics, 0, state, owner.MaxTime, state, new OdeRequest { Events = events });
                outcome = solution.Status == OdeStatus.TerminatedByEvent
                    ? (solution.TerminalEventIndex == 0 ? ReponOutcome.Collision : ReponOutcome.Memorization)
                    : ReponOutcome.Undecided;
                Tally.Steps += solution.Statistics.Steps;
                Tally.Rejected += solution.Statistics.RejectedSteps;
                Tally.Evaluations += solution.Statistics.Evaluations;
            }

            switch (outcome)
            {
                case ReponOutcome.Collision:
                    Tally.Collisions++;
                    break;
                case ReponOutcome.Memorization:
                    Tally.Memorizations++;
                    break;
                default:
                    Tally.Undecided++;
                    break;
            }

            if (outcome != ReponOutcome.Undecided && expected != ReponOutcome.Separatrix && outcome != expected)
            {
                Tally.Disagreements++;
            }
        }
    }

    private sealed class Tally
    {
        public long Collisions;
        public long Memorizations;
        public long Undecided;
        public long DecidedAtStart;
        public long Disagreements;
        public long Steps;
        public long Rejected;
        public long Evaluations;

        public void Add(Tally other)
        {
            Collisions += other.Collisions;
            Memorizations += other.Memorizations;
            Undecided += other.Undecided;
            DecidedAtStart += other.DecidedAtStart;
            Disagreements += other.Disagreements;
            Steps += other.Steps;
            Rejected += other.Rejected;
            Evaluations += other.Evaluations;
        }
    }
}
