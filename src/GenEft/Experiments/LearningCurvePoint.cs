namespace GenEft.Experiments;

/// <summary>One evaluation of a training run: the state after <paramref name="Step"/> optimizer updates.</summary>
/// <param name="Step">Number of optimizer updates done (0 = at initialization).</param>
/// <param name="Time">Continuous training time at this step (see <see cref="TimeUnit"/>; a gradient flow's own time), &gt;= 0.</param>
/// <param name="Loss">Mean training loss at this step (NaN or infinite when the run diverged).</param>
/// <param name="TrainAccuracy">Accuracy on the training set, in [0, 1] (correct / count over all training predictions).</param>
/// <param name="TestAccuracy">Accuracy on the held-out set, in [0, 1] (NaN when there is none).</param>
/// <param name="AllAccuracy">Pooled accuracy (train correct + test correct) / (train count + test count): over all n^2 pairs for GenEFT (Figure 3's measure).</param>
public readonly record struct LearningCurvePoint(long Step, double Time, double Loss, double TrainAccuracy, double TestAccuracy, double AllAccuracy)
{
    private readonly IReadOnlyList<KeyValuePair<string, double>>? _metrics;

    /// <summary>A point whose time equals its step (<see cref="TimeUnit.Steps"/>).</summary>
    /// <param name="step">Optimizer updates done.</param>
    /// <param name="loss">Mean training loss.</param>
    /// <param name="trainAccuracy">Training accuracy.</param>
    /// <param name="testAccuracy">Test accuracy (NaN when none).</param>
    /// <param name="allAccuracy">Pooled accuracy.</param>
    public LearningCurvePoint(long step, double loss, double trainAccuracy, double testAccuracy, double allAccuracy)
        : this(step, step, loss, trainAccuracy, testAccuracy, allAccuracy)
    {
    }

    /// <summary>Mean loss on the held-out set (NaN when there is none or it was not recorded).</summary>
    public double TestLoss { get; init; } = double.NaN;

    /// <summary>1 - <see cref="TrainAccuracy"/>: the error fraction the perceptron papers report.</summary>
    public double TrainError => 1 - TrainAccuracy;

    /// <summary>1 - <see cref="TestAccuracy"/> (NaN when there is no test set).</summary>
    public double TestError => 1 - TestAccuracy;

    /// <summary>The model's extra metrics at this evaluation (<c>ISupervisedModel.EvaluationMetrics</c>), in its order; empty if none.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics
    {
        get => _metrics ?? [];
        init => _metrics = value ?? throw new ArgumentNullException(nameof(Metrics));
    }

    /// <summary>The metric called <paramref name="name"/>.</summary>
    /// <param name="name">A metric name.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="KeyNotFoundException">No metric has that name.</exception>
    public double Metric(string name)
    {
        foreach (var kv in Metrics)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        throw new KeyNotFoundException($"The point has no metric '{name}'.");
    }

    /// <summary>Equal when every number is bitwise equal (NaN equals NaN) and the metrics are the same sequence.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(LearningCurvePoint other) =>
        Step == other.Step && Time.Equals(other.Time) && Loss.Equals(other.Loss) && TrainAccuracy.Equals(other.TrainAccuracy)
        && TestAccuracy.Equals(other.TestAccuracy) && AllAccuracy.Equals(other.AllAccuracy) && TestLoss.Equals(other.TestLoss)
        && Metrics.SequenceEqual(other.Metrics);

    /// <summary>A hash of the step, time, loss and accuracies.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Step, Time, Loss, TrainAccuracy, TestAccuracy, AllAccuracy, TestLoss, Metrics.Count);
}
