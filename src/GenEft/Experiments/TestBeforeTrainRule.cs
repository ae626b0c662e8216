namespace GenEft.Experiments;

/// <summary>What a test-set crossing before the training-set crossing means (Table 4 does not say).</summary>
public enum TestBeforeTrainRule
{
    /// <summary>
    /// It counts: the test step is the first test crossing, the delay test - train is negative, which is below any
    /// grokking delay, so the run generalizes (the default; GenEFT's reading of Table 4).
    /// </summary>
    CountsAsGeneralization,

    /// <summary>
    /// Test crossings before the train crossing are ignored: the test step is the first test crossing at or after the
    /// train crossing (a delay of at least 0), and a run whose test accuracy only passed before train did is memorization.
    /// </summary>
    IgnoreUntilTrainReached,
}
