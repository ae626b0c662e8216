namespace GenEft.Statics;

/// <summary>A Monte Carlo accuracy bound at one training fraction: the mean over samplings and its standard error.</summary>
/// <param name="TrainingFraction">The training fraction.</param>
/// <param name="Mean">Mean bound over the samplings.</param>
/// <param name="StandardError">Sample standard deviation / sqrt(samplings); NaN for a single sampling.</param>
/// <param name="Samplings">Number of training samples averaged.</param>
public readonly record struct AccuracyBoundEstimate(double TrainingFraction, double Mean, double StandardError, int Samplings);
