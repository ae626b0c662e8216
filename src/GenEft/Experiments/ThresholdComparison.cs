namespace GenEft.Experiments;

/// <summary>How an accuracy is compared with <see cref="PhaseCriteria.Threshold"/> to count as reached.</summary>
public enum ThresholdComparison
{
    /// <summary>accuracy &gt; threshold (GenEFT Table 4: "above 0.9"; a tie does not count).</summary>
    GreaterThan,

    /// <summary>accuracy &gt;= threshold (with threshold 1: zero error, every prediction right).</summary>
    GreaterThanOrEqual,
}
