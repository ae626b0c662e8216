namespace GenEft.Models.Perceptron;

/// <summary>How a Monte Carlo driver streams its per-trial records.</summary>
public enum TrialRecordFormat
{
    /// <summary>Comma-separated values with a header line (written when the run starts at trial 0); non-finite numbers as Infinity / NaN.</summary>
    Csv = 0,

    /// <summary>One JSON object per line; non-finite numbers as null.</summary>
    JsonLines = 1,
}
