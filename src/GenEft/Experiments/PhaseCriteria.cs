namespace GenEft.Experiments;

/// <summary>
/// The thresholds of GenEFT Appendix B, Table 4: an accuracy counts as reached when it is strictly greater than
/// <see cref="Threshold"/> at a step no later than <see cref="Budget"/>; a run generalizes (rather than groks)
/// when test accuracy is reached less than <see cref="GrokkingDelay"/> steps after train accuracy.
/// </summary>
public sealed record PhaseCriteria
{
    /// <summary>Table 4's criteria: threshold 0.9, budget 10^5 steps, grokking delay 10^3 steps.</summary>
    public static PhaseCriteria Table4 { get; } = new();

    /// <summary>The accuracy an accuracy curve must strictly exceed (Table 4: 0.9); in [0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
    public double Threshold
    {
        get;
        init
        {
            if (!(value >= 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Threshold), value, "The accuracy threshold must be in [0, 1).");
            }

            field = value;
        }
    } = 0.9;

    /// <summary>The step budget (Table 4: 10^5); observations after it are ignored; at least 1.</summary>
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

    /// <summary>The smallest (test step - train step) that counts as grokking (Table 4: 10^3); at least 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long GrokkingDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(GrokkingDelay));
            field = value;
        }
    } = 1_000;
}
