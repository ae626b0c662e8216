using GenEft.Models;

namespace GenEft.Experiments;

/// <summary>What a GenEFT training run did: the loop's result (phase, curve, final point) and the trained model.</summary>
/// <param name="Training">The loop's result.</param>
/// <param name="Model">The trained model.</param>
public sealed record TrainingRunResult(TrainingResult Training, RelationAutoencoder<float> Model)
{
    /// <summary>The Table 4 phase (or divergence) and the steps and times that decided it.</summary>
    public PhaseOutcome Outcome => Training.Outcome;

    /// <summary>Every evaluation (empty if not recorded).</summary>
    public IReadOnlyList<LearningCurvePoint> Curve => Training.Curve;

    /// <summary>The last evaluation.</summary>
    public LearningCurvePoint Final => Training.Final;

    /// <summary>Optimizer updates done (less than the budget when the run stopped early).</summary>
    public long StepsRun => Training.StepsRun;

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed => Training.Elapsed;

    /// <summary>The result as typed values for a sweep results file (see <see cref="TrainingResult.ToSweepValues"/>).</summary>
    /// <returns>The values, in a fixed order.</returns>
    public IReadOnlyList<KeyValuePair<string, SweepValue>> ToSweepValues() => Training.ToSweepValues();
}
