namespace GenEft.Models.Perceptron;

/// <summary>
/// Monte Carlo over training sets (and initializations) of the D-dimensional ball model. Every trial draws a training
/// set, finds the minimiser w* of the loss (a Cholesky solve without L1, coordinate descent with L1; the unique limit of
/// the flow from any start when lambda2 &gt; 0 or the data span R^D) and counts it as grokking when h* = epsilon w*_1/|w*| &gt;= 1.
/// With <see cref="ComputeTrajectories"/> it also draws w(0) ~ N(0, sigma^2 I), solves the exact flow and records the first
/// zero-training-error and zero-test-error times (t_G). Trial i uses the streams (seed, i, 0) for the data and (seed, i, 1)
/// for w(0), so results do not depend on the thread count. The stationary path allocates nothing per trial.
/// </summary>
public sealed class BallModelMonteCarlo
{
    /// <summary>Creates a driver.</summary>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="dimension">D, at least 1.</param>
    /// <param name="epsilon">The class shift, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public BallModelMonteCarlo(int samplesPerClass, int dimension, double epsilon, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        SamplesPerClass = samplesPerClass;
        Dimension = dimension;
        Epsilon = epsilon;
        Regularization = regularization;
    }

    /// <summary>N.</summary>
    public int SamplesPerClass { get; }

    /// <summary>D.</summary>
    public int Dimension { get; }

    /// <summary>epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>lambda1 and lambda2.</summary>
    public PerceptronRegularization Regularization { get; }

    /// <summary>Whether to solve each trial's flow from a random w(0) and record its zero-error times; default false (P_G only).</summary>
    public bool ComputeTrajectories { get; init; }

    /// <summary>sigma, the standard deviation of each entry of w(0); positive and finite, default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double InitialScale
    {
        get;
        init
        {
            PerceptronArguments.ThrowIfNotPositiveFinite(value, nameof(InitialScale));
            field = value;
        }
    } = 1;

    /// <summary>The grid ratio of the flow's zero-error scans (<see cref="LinearPerceptronFlow.GridRatio"/>); default 1.02.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (1, 2].</exception>
    public double GridRatio
    {
        get;
        init => field = value > 1 && value <= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GridRatio), value, "GridRatio must be in (1, 2].");
    } = 1.02;

    /// <summary>The most threads to use; -1 (the default) for all cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        set => field = value == -1 || value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be -1 (all cores) or positive.");
    } = -1;

    /// <summary>Runs trials [firstTrial, firstTrial + trials).</summary>
    /// <param name="trials">The number of trials, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="firstTrial">The first trial index, non-negative (to resume or shard a run).</param>
    /// <param name="output">Receives one record per trial, in index order, flushed chunk by chunk; optional.</param>
    /// <param name="format">CSV (header when <paramref name="firstTrial"/> is 0) or JSON lines.</param>
    /// <param name="progress">Receives the completed fraction after each chunk; optional.</param>
    /// <param name="cancellationToken">Cancels the run; finished chunks are written first.</param>
    /// <returns>The records, P_G and the grokking times.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1 or <paramref name="firstTrial"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public PerceptronMonteCarloResult<BallModelTrial> Run(long trials, ulong seed, long firstTrial = 0, TextWriter? output = null, TrialRecordFormat format = TrialRecordFormat.Csv, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        var records = MonteCarloEngine.Run(
            firstTrial,
            trials,
            MaxDegreeOfParallelism,
            () => new Worker(this),
            (worker, index) => worker.Run(seed, index),
            BallModelTrial.CsvHeader,
            output,
            format,
            progress,
            cancellationToken);
        long groks = records.LongCount(r => r.Groks);
        double[] times = [.. records.Where(r => r.Groks && double.IsFinite(r.GrokkingTime)).Select(r => r.GrokkingTime)];
        long reached = records.LongCount(r => double.IsFinite(r.ZeroTestErrorTime));
        return new PerceptronMonteCarloResult<BallModelTrial>(records, groks, times, reached);
    }

    /// <summary>Trial <paramref name="index"/> on its own (what <see cref="Run"/> computes for it).</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The trial index, non-negative.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public BallModelTrial RunTrial(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new Worker(this).Run(seed, index);
    }

    /// <summary>The training set of trial <paramref name="index"/>.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The trial index, non-negative.</param>
    /// <returns>The training set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public LinearPerceptronData TrainingSet(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var worker = new Worker(this);
        worker.Sample(seed, index);
        return LinearPerceptronData.Wrap(worker.Inputs.ToArray(), Dimension, worker.Labels.ToArray());
    }

    /// <summary>w(0) of trial <paramref name="index"/> (used when <see cref="ComputeTrajectories"/> is on).</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The trial index, non-negative.</param>
    /// <returns>w(0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public double[] InitialWeights(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var w0 = new double[Dimension];
        var random = Xoshiro256StarStar.ForTask(seed, (ulong)index, 1);
        for (int k = 0; k < w0.Length; k++)
        {
            w0[k] = InitialScale * random.NextGaussian();
        }

        return w0;
    }

    /// <summary>One thread's buffers.</summary>
    private sealed class Worker(BallModelMonteCarlo owner)
    {
        private readonly int d = owner.Dimension;
        private readonly double[] inputs = new double[2 * owner.SamplesPerClass * owner.Dimension];
        private readonly double[] labels = new double[2 * owner.SamplesPerClass];
        private readonly double[] hessian = new double[owner.Dimension * owner.Dimension];
        private readonly double[] factor = new double[owner.Dimension * owner.Dimension];
        private readonly double[] labelMoment = new double[owner.Dimension];
        private readonly double[] w = new double[owner.Dimension];
        private readonly double[] scratch = new double[owner.Dimension];

        public ReadOnlySpan<double> Inputs => inputs;

        public ReadOnlySpan<double> Labels => labels;

        public void Sample(ulong seed, long index)
        {
            var random = Xoshiro256StarStar.ForTask(seed, (ulong)index, 0);
            BallModelTrainingSet.Fill(ref random, owner.SamplesPerClass, d, owner.Epsilon, inputs, labels);
        }

        public BallModelTrial Run(ulong seed, long index)
        {
            Sample(seed, index);
            LinearPerceptronData.Moments(inputs, labels, d, hessian, labelMoment);
            for (int i = 0; i < d; i++)
            {
                hessian[(i * d) + i] += owner.Regularization.L2;
            }

            LinearPerceptronFlow? flow = null;
            double[]? w0 = null;
            bool solved;
            if (owner.Regularization.L1 == 0)
            {
                solved = QuadraticMinimizer.TrySolve(hessian, labelMoment, factor, w);
            }
            else
            {
                Array.Clear(w);
                QuadraticMinimizer.CoordinateDescent(hessian, labelMoment, owner.Regularization.L1, w, scratch);
                solved = true;
            }

            if (!solved || owner.ComputeTrajectories)
            {
                flow = new LinearPerceptronFlow(LinearPerceptronData.Wrap(inputs.ToArray(), d, labels.ToArray()), owner.Regularization) { GridRatio = owner.GridRatio };
                w0 = owner.InitialWeights(seed, index);
            }

            LinearPerceptronTrajectory? trajectory = flow is null ? null : flow.Solve(w0);
            if (!solved)
            {
                // Singular G without L1 (lambda2 = 0, fewer than D independent inputs): the flow's limit depends on w(0).
                trajectory!.FinalState().CopyTo(w, 0);
            }

            double margin = BallCapTestError.ZeroErrorMargin(w, owner.Epsilon);
            double norm2 = 0;
            foreach (double v in w)
            {
                norm2 += v * v;
            }

            double norm = Math.Sqrt(norm2);
            double h = norm > 0 ? owner.Epsilon * w[0] / norm : 0;
            if (!owner.ComputeTrajectories)
            {
                return new BallModelTrial(index, margin >= 0, h, double.NaN, double.NaN, 0);
            }

            var times = trajectory!.GrokkingTimes(flow!.Data, new BallModelPopulationError(owner.Epsilon, d));
            return new BallModelTrial(index, margin >= 0, h, times.ZeroTrainingErrorTime, times.ZeroTestErrorTime, trajectory.PieceCount);
        }
    }
}
