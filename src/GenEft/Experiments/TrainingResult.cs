namespace GenEft.Experiments;

/// <summary>What a run of <see cref="TrainingLoop"/> did.</summary>
/// <param name="Outcome">The phase and the steps and times that decided it.</param>
/// <param name="Curve">Every evaluation (empty if not recorded).</param>
/// <param name="Final">The last evaluation (the run stopped at its step).</param>
/// <param name="StepsRun">Optimizer updates done when the run stopped (= Final.Step).</param>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record TrainingResult(
    PhaseOutcome Outcome,
    IReadOnlyList<LearningCurvePoint> Curve,
    LearningCurvePoint Final,
    long StepsRun,
    TrainingStopReason StopReason,
    TimeSpan Elapsed)
{
    /// <summary>
    /// The result as typed values for a sweep results file: phase, train_step, test_step (null if not reached),
    /// steps, loss, train_accuracy, test_accuracy, all_accuracy, train_time, test_time, time, stop, seconds (wall
    /// time: the only entry that is not a function of the cell), then the final point's metrics as "metric.NAME".
    /// </summary>
    /// <returns>The values, in that order.</returns>
    public IReadOnlyList<KeyValuePair<string, SweepValue>> ToSweepValues()
    {
        var values = new List<KeyValuePair<string, SweepValue>>
        {
            new("phase", Outcome.Phase.ToString()),
            new("train_step", SweepValue.From(Outcome.TrainReachedStep)),
            new("test_step", SweepValue.From(Outcome.TestReachedStep)),
            new("steps", StepsRun),
            new("loss", Final.Loss),
            new("train_accuracy", Final.TrainAccuracy),
            new("test_accuracy", Final.TestAccuracy),
            new("all_accuracy", Final.AllAccuracy),
            new("train_time", SweepValue.From(Outcome.TrainReachedTime)),
            new("test_time", SweepValue.From(Outcome.TestReachedTime)),
            new("time", Final.Time),
            new("stop", StopReason.ToString()),
            new("seconds", Math.Round(Elapsed.TotalSeconds, 3)),
        };
        foreach (var metric in Final.Metrics)
        {
            values.Add(new("metric." + metric.Key, metric.Value));
        }

        return values;
    }
}
