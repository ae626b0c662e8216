namespace GenEft.Models.Perceptron;

/// <summary>
/// Monte Carlo over training sets of the 1D exponential model: for each trial a fresh training set, its xbar and x_min,
/// whether it groks, and the first zero-training-error and zero-test-error times on the exact flow (Eq. 6) from the bias
/// b0, hence t_G. Trial i draws from its own stream (seed, i), so results do not depend on the thread count.
/// </summary>
public sealed class ExponentialModelMonteCarlo
{
    /// <summary>Creates a driver.</summary>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <param name="initialBias">b0, finite; null (the default) for epsilon + 40, above every positive sample unless some Exp(1) offset exceeds 40 (probability below 2N e^-40).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public ExponentialModelMonteCarlo(int samplesPerClass, double epsilon, PerceptronRegularization regularization, double? initialBias = null)
    {
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        double b0 = initialBias ?? epsilon + 40;
        PerceptronArguments.ThrowIfNotFinite(b0, nameof(initialBias));
        SamplesPerClass = samplesPerClass;
        Epsilon = epsilon;
        Regularization = regularization;
        InitialBias = b0;
    }

    /// <summary>N.</summary>
    public int SamplesPerClass { get; }

    /// <summary>Half the gap epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>lambda1 and lambda2.</summary>
    public PerceptronRegularization Regularization { get; }

    /// <summary>b0.</summary>
    public double InitialBias { get; }

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
    /// <returns>The records and P_G.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1 or <paramref name="firstTrial"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public PerceptronMonteCarloResult<ExponentialModelTrial> Run(long trials, ulong seed, long firstTrial = 0, TextWriter? output = null, TrialRecordFormat format = TrialRecordFormat.Csv, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        var records = MonteCarloEngine.Run(
            firstTrial,
            trials,
            MaxDegreeOfParallelism,
            () => new double[2 * SamplesPerClass],
            (buffer, index) => RunTrial(seed, index, buffer),
            ExponentialModelTrial.CsvHeader,
            output,
            format,
            progress,
            cancellationToken);
        long groks = records.LongCount(r => r.Groks);
        double[] times = [.. records.Where(r => r.Groks && double.IsFinite(r.GrokkingTime)).Select(r => r.GrokkingTime)];
        long reached = records.LongCount(r => double.IsFinite(r.ZeroTestErrorTime));
        return new PerceptronMonteCarloResult<ExponentialModelTrial>(records, groks, times, reached);
    }

    /// <summary>Trial <paramref name="index"/> of the stream <paramref name="seed"/> on its own (what <see cref="Run"/> computes for it).</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The trial index, non-negative.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public ExponentialModelTrial RunTrial(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return RunTrial(seed, index, new double[2 * SamplesPerClass]);
    }

    /// <summary>The training set of trial <paramref name="index"/>.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The trial index, non-negative.</param>
    /// <returns>The training set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public ExponentialModelTrainingSet TrainingSet(ulong seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var buffer = new double[2 * SamplesPerClass];
        var random = Xoshiro256StarStar.ForTask(seed, (ulong)index);
        ExponentialModelTrainingSet.Fill(ref random, buffer.AsSpan(0, SamplesPerClass), buffer.AsSpan(SamplesPerClass));
        return new ExponentialModelTrainingSet(Epsilon, buffer.AsSpan(0, SamplesPerClass), buffer.AsSpan(SamplesPerClass));
    }

    private ExponentialModelTrial RunTrial(ulong seed, long index, double[] buffer)
    {
        int n = SamplesPerClass;
        var random = Xoshiro256StarStar.ForTask(seed, (ulong)index);
        Span<double> positives = buffer.AsSpan(0, n), negatives = buffer.AsSpan(n, n);
        ExponentialModelTrainingSet.Fill(ref random, positives, negatives);
        var (mean, minPositive, minNegative) = ExponentialModelTrainingSet.Summarize(positives, negatives);
        bool groks = Math.Abs(mean) <= ExponentialModelSeparation.Effective(Epsilon, Regularization);
        double train = ExponentialModelBias.FirstTimeInside(-Epsilon - minNegative, Epsilon + minPositive, open: true, InitialBias, mean, Regularization);
        double test = ExponentialModelBias.FirstTimeInside(-Epsilon, Epsilon, open: false, InitialBias, mean, Regularization);
        return new ExponentialModelTrial(index, mean, minPositive, groks, train, test);
    }
}
