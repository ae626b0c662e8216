using GenEft.Analysis;
using GenEft.Models.Perceptron;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// The scenario-B statistics of one fixed attention tensor A (Žunkovič and Ilievski Section 4): only the classifier B is
/// trained, by the exact gradient flow of the square loss on the training features (<see cref="LinearPerceptronFlow"/>),
/// from R initialisations B(0) ~ N(0, I). Per initialisation the grokking times; for A the effective dimension D_eff,
/// the critical exponent nu, the boundary-density exponent xi and the class separation eps, and the ball-model
/// prediction xi = (D_eff - 2 nu + 1)/2 (Eq. 50).
/// </summary>
/// <remarks>
/// <para>Definitions (w* the stationary solution, the minimiser of the training loss; m_i = y_i w*.z_i):</para>
/// <list type="bullet">
/// <item><b>D_eff</b> = exp(-sum_k s_k ln s_k), s_k the explained-variance ratios of the principal components of the
/// training features (<see cref="EffectiveDimension"/>); also given for the test features.</item>
/// <item><b>nu</b>: each run's test error E_r(t) evaluated exactly at t_eps,r - tau for log-spaced offsets tau in
/// [WindowStart, WindowEnd] x median(t_eps); the runs covering the window are averaged at equal tau and nu is the
/// least-squares slope of ln &lt;&lt;E&gt;&gt; on ln tau, with a bootstrap standard error over runs
/// (<see cref="CriticalExponentFit"/>).</item>
/// <item><b>xi</b>: the test features' distances to the decision boundary of w*, counted from the nearest one (the edge
/// of the test distribution along w*/|w*|), h_i = (m_i - min_j m_j) / |w*|. If their density diverges like h^-xi at the
/// edge, the cumulative F(h) ~ h^(1 - xi); 1 - xi is the log-log slope of the empirical F over the smallest
/// TailFraction of the h_i (<see cref="LowerTailExponentFit"/>), with a bootstrap standard error. Near t_eps the
/// boundary of w(t) sweeps over exactly these nearest test features, so E(t_eps - tau) ~ F(c tau) predicts nu = 1 - xi
/// when w(t_eps) is parallel to w*. For the uniform D-ball of the ball model this xi is (1 - D)/2 (the cap volume
/// F ~ h^((D+1)/2)), not the xi = 0 of the paper's Eq. 50, which counts the D - 1 directions along the boundary
/// separately: for this xi, (D_eff - 2 nu + 1)/2 = xi + (D - 1)/2 in the ball model when D_eff = D. (D_eff of the
/// two-class cloud is smaller: the class shift dominates its variance.)</item>
/// <item><b>eps</b>: the training features projected on n = w*/|w*|, p_i = z_i.n; with c_+-, r_+- the midpoint and
/// half-range of the positives' and negatives' projections, eps = (c_+ - c_-)/(r_+ + r_-): the ball model's eps (unit
/// balls centred at +-eps e_1 give c_+- = +-eps, r_+- = 1), greater than 1 exactly when the classes are separated along n.</item>
/// </list>
/// </remarks>
public sealed class ScenarioBStatistics
{
    private readonly double[] stationaryWeights;
    private readonly PerceptronGrokkingTimes[] runs;

    private ScenarioBStatistics(double[] stationaryWeights, PerceptronGrokkingTimes[] runs)
    {
        this.stationaryWeights = stationaryWeights;
        this.runs = runs;
    }

    /// <summary>w*, the minimiser of the training loss (the flow's limit).</summary>
    public ReadOnlySpan<double> StationaryWeights => stationaryWeights;

    /// <summary>The test error of w* (0 for an accepted A).</summary>
    public double StationaryTestError { get; private init; }

    /// <summary>Per initialisation r (in order): the first times the training and test errors are 0, and t_G.</summary>
    public IReadOnlyList<PerceptronGrokkingTimes> Runs => runs;

    /// <summary>The fraction of initialisations whose test error reaches 0 strictly after the training error does (t_G &gt; 0, finite).</summary>
    public double GrokkingFraction => runs.Count(r => r.ReachedZeroTestError && double.IsFinite(r.GrokkingTime) && r.GrokkingTime > 0) / (double)runs.Length;

    /// <summary>D_eff of the training features.</summary>
    public double TrainingEffectiveDimension { get; private init; }

    /// <summary>D_eff of the test features.</summary>
    public double TestEffectiveDimension { get; private init; }

    /// <summary>The nu window in absolute offsets tau = t_eps - t.</summary>
    public (double Min, double Max) CriticalWindow { get; private init; }

    /// <summary>The fit of nu (averaged curve, bootstrap error), or null when fewer than two runs reach zero test error late enough to cover the window.</summary>
    public CriticalExponentEstimate? CriticalExponent { get; private init; }

    /// <summary>The lower-tail fit of the test features' boundary distances h: its exponent is 1 - xi.</summary>
    public LowerTailExponentEstimate BoundaryTail { get; private init; } = null!;

    /// <summary>xi = 1 - <see cref="BoundaryTail"/>.Exponent.</summary>
    public double Xi => 1 - BoundaryTail.Exponent;

    /// <summary>The standard error of <see cref="Xi"/>.</summary>
    public double XiStandardError => BoundaryTail.StandardError;

    /// <summary>eps, the class separation of the training features along w*/|w*|.</summary>
    public double Separation { get; private init; }

    /// <summary>The ball model's Eq. 50, xi = (D_eff - 2 nu + 1)/2 with the training D_eff (NaN without a nu fit).</summary>
    public double Equation50Xi => CriticalExponent is null ? double.NaN : (TrainingEffectiveDimension - (2 * CriticalExponent.Nu) + 1) / 2;

    /// <summary>B(0) of initialisation r: 2 d^2 iid N(0, 1) entries from the stream (seed, r), laid out as vec(B) = [a, b, j].</summary>
    /// <param name="dimension">D = 2 d^2, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="initialization">r, at least 0.</param>
    /// <returns>B(0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1 or <paramref name="initialization"/> is negative.</exception>
    public static double[] InitialWeights(int dimension, ulong seed, int initialization)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(initialization);
        var random = Xoshiro256StarStar.ForTask(seed, (ulong)initialization);
        var w = new double[dimension];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = random.NextGaussian();
        }

        return w;
    }

    /// <summary>Computes the statistics of one attention tensor: its context features (<see cref="ScenarioBAttention.Features"/>), then <see cref="Compute(LinearPerceptronData, LinearPerceptronData, ScenarioBStatisticsOptions?, IProgress{int}?, CancellationToken)"/>.</summary>
    /// <param name="attention">A, flattened [l, r, k] (length 2 d^2), finite.</param>
    /// <param name="bondDimension">d &gt;= 1.</param>
    /// <param name="train">The training sequences (the paper: all length-3 sequences).</param>
    /// <param name="test">The test sequences (their features give the test error, the test D_eff and xi).</param>
    /// <param name="options">The settings (null: the defaults).</param>
    /// <param name="progress">Receives the number of initialisations solved so far.</param>
    /// <param name="cancellationToken">Cancels between initialisations.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ScenarioBAttention.Features"/>, or as for the other overload.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ScenarioBStatistics Compute(ReadOnlySpan<double> attention, int bondDimension, BinarySequenceSet train, BinarySequenceSet test, ScenarioBStatisticsOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var boundary = options?.Boundary ?? TensorNetworkBoundary.FirstBasisVector;
        return Compute(ScenarioBAttention.Features(attention, bondDimension, train, boundary), ScenarioBAttention.Features(attention, bondDimension, test, boundary), options, progress, cancellationToken);
    }

    /// <summary>
    /// Computes the statistics of any fixed features (e.g. the ball model's, to compare with its closed forms): the flow of
    /// the square loss on <paramref name="train"/> (lambda2 = <see cref="ScenarioBStatisticsOptions.Lambda2"/>, no L1) from
    /// B(0) = <see cref="InitialWeights"/>(D, seed, r) for r = 0 .. R - 1, in parallel; the result does not depend on the
    /// number of threads.
    /// </summary>
    /// <param name="train">The training features and labels (both classes).</param>
    /// <param name="test">The test features and labels, of the same dimension; more than max(8, TailFraction n) samples.</param>
    /// <param name="options">The settings (null: the defaults); <see cref="ScenarioBStatisticsOptions.Boundary"/> is not used.</param>
    /// <param name="progress">Receives the number of initialisations solved so far.</param>
    /// <param name="cancellationToken">Cancels between initialisations.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ, a class is missing from <paramref name="train"/>, the test set is too small, or WindowStart is not below WindowEnd.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ScenarioBStatistics Compute(LinearPerceptronData train, LinearPerceptronData test, ScenarioBStatisticsOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ScenarioBStatisticsOptions();
        if (!(options.WindowStart < options.WindowEnd))
        {
            throw new ArgumentException($"WindowStart ({options.WindowStart}) must be below WindowEnd ({options.WindowEnd}).", nameof(options));
        }

        if (test.Dimension != train.Dimension)
        {
            throw new ArgumentException($"test has dimension {test.Dimension}; train has {train.Dimension}.", nameof(test));
        }

        var trainData = train;
        var testData = test;
        int tailCount = Math.Max(8, (int)(options.TailFraction * testData.Count));
        if (testData.Count <= tailCount)
        {
            throw new ArgumentException($"The test set has {testData.Count} samples; the xi fit needs more than {tailCount}.", nameof(test));
        }

        var flow = new LinearPerceptronFlow(trainData, new PerceptronRegularization(0, options.Lambda2));
        var wStar = flow.Minimizer();
        int count = options.Initializations, dimension = trainData.Dimension;
        var trajectories = new LinearPerceptronTrajectory[count];
        var times = new PerceptronGrokkingTimes[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        int done = 0;
        Parallel.For(0, count, parallel, r =>
        {
            var trajectory = flow.Solve(InitialWeights(dimension, options.Seed, r));
            times[r] = trajectory.GrokkingTimes(trainData, testData);
            trajectories[r] = trajectory;
            progress?.Report(Interlocked.Increment(ref done));
        });

        var (window, nu) = FitCriticalExponent(trajectories, times, testData, options, parallel);
        return new ScenarioBStatistics(wStar, times)
        {
            StationaryTestError = testData.Error(wStar),
            TrainingEffectiveDimension = EffectiveDimension.Compute(trainData.Inputs, dimension),
            TestEffectiveDimension = EffectiveDimension.Compute(testData.Inputs, dimension),
            CriticalWindow = window,
            CriticalExponent = nu,
            BoundaryTail = LowerTailExponentFit.Fit(BoundaryDistances(testData, wStar), tailCount, options.BootstrapResamples, options.Seed),
            Separation = ClassSeparation(trainData, wStar),
        };
    }

    /// <summary>
    /// The distances of the samples to the supporting hyperplane of the sample parallel to the decision boundary of w:
    /// h_i = (m_i - min_j m_j) / |w| with m_i = y_i w.x_i (so the sample nearest the wrong side has h = 0).
    /// </summary>
    /// <param name="data">The sample.</param>
    /// <param name="weights">w, of length D, not zero.</param>
    /// <returns>h_i, in sample order, all &gt;= 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D, is not finite, or is zero.</exception>
    public static double[] BoundaryDistances(LinearPerceptronData data, ReadOnlySpan<double> weights)
    {
        var margins = Projections(data, weights, nameof(weights));
        var labels = data.Labels;
        double min = double.PositiveInfinity;
        for (int i = 0; i < margins.Length; i++)
        {
            margins[i] *= labels[i];
            min = Math.Min(min, margins[i]);
        }

        for (int i = 0; i < margins.Length; i++)
        {
            margins[i] -= min;
        }

        return margins;
    }

    /// <summary>
    /// The class separation eps along n = w/|w|: with p_i = x_i.n and c_+-, r_+- the midpoint and half-range of the
    /// positives' and the negatives' p, eps = (c_+ - c_-)/(r_+ + r_-). For unit balls centred at +-eps e_1 and w along
    /// e_1 it is eps; it exceeds 1 exactly when the classes' projections do not overlap.
    /// </summary>
    /// <param name="data">The sample, with both classes.</param>
    /// <param name="weights">w, of length D, not zero.</param>
    /// <returns>eps (infinite if both classes project to single points).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> does not have length D, is not finite or is zero; or a class is missing.</exception>
    public static double ClassSeparation(LinearPerceptronData data, ReadOnlySpan<double> weights)
    {
        var p = Projections(data, weights, nameof(weights));
        var labels = data.Labels;
        double minPositive = double.PositiveInfinity, maxPositive = double.NegativeInfinity;
        double minNegative = double.PositiveInfinity, maxNegative = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (labels[i] > 0)
            {
                minPositive = Math.Min(minPositive, p[i]);
                maxPositive = Math.Max(maxPositive, p[i]);
            }
            else
            {
                minNegative = Math.Min(minNegative, p[i]);
                maxNegative = Math.Max(maxNegative, p[i]);
            }
        }

        if (double.IsInfinity(minPositive) || double.IsInfinity(minNegative))
        {
            throw new ArgumentException("Both classes are needed for a class separation.", nameof(data));
        }

        double centres = ((maxPositive + minPositive) - (maxNegative + minNegative)) / 2;
        double radii = ((maxPositive - minPositive) + (maxNegative - minNegative)) / 2;
        return centres / radii;
    }

    /// <summary>x_i.w/|w| for every sample.</summary>
    private static double[] Projections(LinearPerceptronData data, ReadOnlySpan<double> weights, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data);
        PerceptronArguments.ThrowIfLengthIsNot(weights.Length, data.Dimension, paramName);
        PerceptronArguments.ThrowIfNotFinite(weights, paramName);
        double norm = 0;
        foreach (double w in weights)
        {
            norm += w * w;
        }

        norm = Math.Sqrt(norm);
        if (!(norm > 0))
        {
            throw new ArgumentException("weights must not be zero.", paramName);
        }

        var p = new double[data.Count];
        for (int i = 0; i < p.Length; i++)
        {
            var x = data.Input(i);
            double dot = 0;
            for (int k = 0; k < x.Length; k++)
            {
                dot += x[k] * weights[k];
            }

            p[i] = dot / norm;
        }

        return p;
    }

    private static ((double Min, double Max) Window, CriticalExponentEstimate? Nu) FitCriticalExponent(
        LinearPerceptronTrajectory[] trajectories, PerceptronGrokkingTimes[] times, LinearPerceptronData test, ScenarioBStatisticsOptions options, ParallelOptions parallel)
    {
        var reached = times.Select(t => t.ZeroTestErrorTime).Where(t => double.IsFinite(t) && t > 0).Order().ToArray();
        if (reached.Length < 2)
        {
            return ((double.NaN, double.NaN), null);
        }

        double median = reached.Length % 2 == 1 ? reached[reached.Length / 2] : 0.5 * (reached[(reached.Length / 2) - 1] + reached[reached.Length / 2]);
        double min = options.WindowStart * median, max = options.WindowEnd * median;
        int samples = 8 * options.WindowPoints;
        var offsets = new double[samples];
        for (int k = 0; k < samples; k++)
        {
            // Descending offsets from max to min: ascending times.
            offsets[k] = Math.Exp(Math.Log(max) + (k * (Math.Log(min) - Math.Log(max)) / (samples - 1)));
        }

        var curves = new LearningCurve?[trajectories.Length];
        Parallel.For(0, trajectories.Length, parallel, r =>
        {
            double tEps = times[r].ZeroTestErrorTime;
            if (!double.IsFinite(tEps) || tEps - max < 0)
            {
                return;
            }

            var t = new double[samples];
            var e = new double[samples];
            var w = new double[test.Dimension];
            for (int k = 0; k < samples; k++)
            {
                t[k] = tEps - offsets[k];
                trajectories[r].StateAt(t[k], w);
                e[k] = test.Error(w);
            }

            curves[r] = new LearningCurve(t, e, tEps);
        });

        var usable = curves.OfType<LearningCurve>().ToArray();
        if (usable.Length < 2)
        {
            return ((min, max), null);
        }

        var fit = CriticalExponentFit.Fit(usable, new CriticalExponentFitOptions(min, max)
        {
            Points = options.WindowPoints,
            BootstrapResamples = options.BootstrapResamples,
            Seed = options.Seed,
        });
        return ((min, max), fit);
    }
}
