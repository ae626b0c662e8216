namespace GenEft.Models.TensorNetwork;

/// <summary>The settings of <see cref="ScenarioBStatistics"/>.Compute.</summary>
public sealed record ScenarioBStatisticsOptions
{
    /// <summary>R, the number of initialisations B(0) ~ N(0, I), at least 2; default 200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int Initializations
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Initializations), value, "Initializations must be at least 2.");
    } = 200;

    /// <summary>The seed: initialisation r draws B(0) from its own stream (seed, r), see <see cref="ScenarioBStatistics.InitialWeights"/>.</summary>
    public ulong Seed { get; init; }

    /// <summary>lambda2 &gt;= 0 of the square loss (the paper's scenario B: 0); default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Lambda2
    {
        get;
        init => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Lambda2), value, "Lambda2 must be non-negative and finite.");
    }

    /// <summary>The context boundary vectors; default e_0, as in the authors' code.</summary>
    public TensorNetworkBoundary Boundary { get; init; } = TensorNetworkBoundary.FirstBasisVector;

    /// <summary>
    /// The start of the nu window, as a fraction of the median zero-test-error time t_eps of the runs: offsets
    /// tau = t_eps - t from <see cref="WindowStart"/> x median(t_eps) to <see cref="WindowEnd"/> x median(t_eps).
    /// In (0, <see cref="WindowEnd"/>); default 1e-3.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double WindowStart
    {
        get;
        init => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(WindowStart), value, "WindowStart must be in (0, 1).");
    } = 1e-3;

    /// <summary>The end of the nu window, a fraction of the median t_eps in (<see cref="WindowStart"/>, 1); default 0.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double WindowEnd
    {
        get;
        init => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(WindowEnd), value, "WindowEnd must be in (0, 1).");
    } = 0.1;

    /// <summary>The log-spaced offsets of the nu fit, at least 3; default 24. Each run's test error is evaluated exactly at 8 times as many log-spaced offsets over the window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 3.</exception>
    public int WindowPoints
    {
        get;
        init => field = value >= 3 ? value : throw new ArgumentOutOfRangeException(nameof(WindowPoints), value, "WindowPoints must be at least 3.");
    } = 24;

    /// <summary>The fraction of the test positions (the smallest boundary distances) in the xi fit, in (0, 1); default 0.05 (at least 8 positions are used).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double TailFraction
    {
        get;
        init => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(TailFraction), value, "TailFraction must be in (0, 1).");
    } = 0.05;

    /// <summary>Bootstrap resamples of the runs for the error bar of nu, at least 2; default 200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int BootstrapResamples
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), value, "BootstrapResamples must be at least 2.");
    } = 200;

    /// <summary>The most threads; -1 (default) for all processors. The result does not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value == -1 || value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "MaxDegreeOfParallelism must be -1 or at least 1.");
    } = -1;
}
