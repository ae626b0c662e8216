namespace GenEft.Experiments;

/// <summary>
/// When an accuracy counts as reached and how the crossing steps become a phase. The default is GenEFT Appendix B,
/// Table 4: an accuracy is reached when it is strictly greater than <see cref="Threshold"/> 0.9 at a step no later than
/// <see cref="Budget"/> 10^5, and a run generalizes (rather than groks) when the test accuracy is reached less than
/// <see cref="GrokkingDelay"/> 10^3 steps after the train accuracy. <see cref="ZeroErrorGrokking"/> is the perceptron
/// papers' convention (zero error, delays in time).
/// </summary>
/// <remarks>
/// With delay d = (test crossing) - (train crossing) measured on <see cref="DelayAxis"/>: d &lt; <see cref="GrokkingDelay"/>
/// is generalization, d &gt;= it grokking. Consistency between fields (a threshold of 1 cannot be exceeded) is checked
/// when a <see cref="PhaseTracker"/> is made.
/// </remarks>
public sealed record PhaseCriteria
{
    /// <summary>Table 4's criteria: accuracy &gt; 0.9, budget 10^5 steps, grokking delay 10^3 steps, test-first counts as generalization.</summary>
    public static PhaseCriteria Table4 { get; } = new();

    /// <summary>
    /// The perceptron-grokking convention (Žunkovič &amp; Ilievski): an error counts as reached when it is exactly 0
    /// (accuracy &gt;= 1), and the grokking time is t_G = (first time the test error is 0) - (first time the training error
    /// is 0), on the <see cref="CurveAxis.Time"/> axis (<see cref="PhaseOutcome.GrokkingTime"/>). Grokking delay 0: every
    /// run whose test error reaches 0 at or after its training error is <see cref="Phase.Grokking"/>; set a budget for
    /// the run (default 10^5 steps; <see cref="TimeBudget"/> for a time limit).
    /// </summary>
    public static PhaseCriteria ZeroErrorGrokking { get; } = new()
    {
        Threshold = 1,
        Comparison = ThresholdComparison.GreaterThanOrEqual,
        DelayAxis = CurveAxis.Time,
        GrokkingDelay = 0,
    };

    /// <summary>The accuracy threshold (Table 4: 0.9), in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 1].</exception>
    public double Threshold
    {
        get;
        init => field = value >= 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "The accuracy threshold must be in [0, 1].");
    } = 0.9;

    /// <summary>Strictly above (Table 4, the default) or at least the threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined comparison.</exception>
    public ThresholdComparison Comparison
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Comparison), value, "Not a defined ThresholdComparison.");
    } = ThresholdComparison.GreaterThan;

    /// <summary>The step budget (Table 4: 10^5): observations at later steps are ignored; at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long Budget
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Budget));
            field = value;
        }
    } = 100_000;

    /// <summary>A budget in training time as well: observations at later times are ignored; positive (default +infinity: none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or is NaN.</exception>
    public double TimeBudget
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(TimeBudget), value, "The time budget must be positive (or +infinity for none).");
    } = double.PositiveInfinity;

    /// <summary>The smallest (test crossing - train crossing) that counts as grokking, on <see cref="DelayAxis"/> (Table 4: 10^3 steps); finite and &gt;= 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double GrokkingDelay
    {
        get;
        init => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(GrokkingDelay), value, "The grokking delay must be finite and non-negative.");
    } = 1_000;

    /// <summary>Whether <see cref="GrokkingDelay"/> is in steps (Table 4, the default) or in training time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined axis.</exception>
    public CurveAxis DelayAxis
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(DelayAxis), value, "Not a defined CurveAxis.");
    } = CurveAxis.Steps;

    /// <summary>What a test crossing before the train crossing means (default: it counts, so the run generalizes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined rule.</exception>
    public TestBeforeTrainRule TestBeforeTrain
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(TestBeforeTrain), value, "Not a defined TestBeforeTrainRule.");
    } = TestBeforeTrainRule.CountsAsGeneralization;

    /// <summary>Whether <paramref name="accuracy"/> counts as reached (NaN never does).</summary>
    /// <param name="accuracy">An accuracy in [0, 1], or NaN.</param>
    /// <returns>True when it passes the threshold.</returns>
    public bool Passes(double accuracy) => Comparison == ThresholdComparison.GreaterThan ? accuracy > Threshold : accuracy >= Threshold;

    /// <summary>Cross-field consistency, checked where the criteria are used.</summary>
    internal void Validate(string paramName)
    {
        if (Threshold == 1 && Comparison == ThresholdComparison.GreaterThan)
        {
            throw new ArgumentException("An accuracy can never be strictly greater than a threshold of 1; use ThresholdComparison.GreaterThanOrEqual for zero error.", paramName);
        }
    }
}
