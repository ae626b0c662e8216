namespace GenEft.Experiments;

/// <summary>
/// How the training loop turns optimizer steps into the continuous time t of <see cref="LearningCurvePoint.Time"/>.
/// With B = batches per epoch and η(s) the learning rate of the reference group at step s (read when the step is
/// taken, so schedules are followed): t = Σ_s w(s) over the steps taken, with w(s) = 1, 1/B, η(s) or η(s)/B.
/// </summary>
public enum TimeUnit
{
    /// <summary>t = steps (w = 1).</summary>
    Steps,

    /// <summary>t = epochs = steps / B.</summary>
    Epochs,

    /// <summary>t = Σ η(s): steps x learning rate, the time of the gradient flow that gradient descent discretizes (the default).</summary>
    StepsTimesLearningRate,

    /// <summary>t = Σ η(s) / B: epochs x learning rate (the tensor-network attention paper's time unit).</summary>
    EpochsTimesLearningRate,
}
