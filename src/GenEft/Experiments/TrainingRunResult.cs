using System.Globalization;
using GenEft.Models;

namespace GenEft.Experiments;

/// <summary>What a training run did: its phase, learning curve, final accuracies and trained model.</summary>
/// <param name="Outcome">The Table 4 phase (or divergence) and the steps that decided it.</param>
/// <param name="Curve">Every evaluation (empty if not recorded).</param>
/// <param name="Final">The last evaluation.</param>
/// <param name="StepsRun">Optimizer updates done (less than the budget when the run stopped early).</param>
/// <param name="Model">The trained model.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record TrainingRunResult(
    PhaseOutcome Outcome,
    IReadOnlyList<LearningCurvePoint> Curve,
    LearningCurvePoint Final,
    long StepsRun,
    RelationAutoencoder<float> Model,
    TimeSpan Elapsed)
{
    /// <summary>The result as named text values for a sweep results file (phase, crossing steps, final accuracies, steps, seconds).</summary>
    /// <returns>The values, in a fixed order.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> ToSweepValues() =>
    [
        new("phase", Outcome.Phase.ToString()),
        new("train_step", Text(Outcome.TrainReachedStep)),
        new("test_step", Text(Outcome.TestReachedStep)),
        new("steps", StepsRun.ToString(CultureInfo.InvariantCulture)),
        new("loss", Final.Loss.ToString("R", CultureInfo.InvariantCulture)),
        new("train_accuracy", Final.TrainAccuracy.ToString("R", CultureInfo.InvariantCulture)),
        new("test_accuracy", Final.TestAccuracy.ToString("R", CultureInfo.InvariantCulture)),
        new("all_accuracy", Final.AllAccuracy.ToString("R", CultureInfo.InvariantCulture)),
        new("seconds", Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)),
    ];

    private static string Text(long? step) => step?.ToString(CultureInfo.InvariantCulture) ?? "";
}
