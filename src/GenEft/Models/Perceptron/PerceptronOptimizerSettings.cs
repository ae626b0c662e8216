namespace GenEft.Models.Perceptron;

/// <summary>How <see cref="PerceptronOptimizerTraining"/> trains: optimizer, learning rate, step budget and evaluation cadence.</summary>
public sealed record PerceptronOptimizerSettings
{
    /// <summary>The optimizer; default gradient descent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="PerceptronOptimizer"/>.</exception>
    public PerceptronOptimizer Optimizer
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Optimizer), value, "Optimizer must be GradientDescent or Adam.");
    }

    /// <summary>The learning rate, positive and finite; default 0.01. Time is steps times the learning rate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double LearningRate
    {
        get;
        init
        {
            PerceptronArguments.ThrowIfNotPositiveFinite(value, nameof(LearningRate));
            field = value;
        }
    } = 0.01;

    /// <summary>The number of optimizer steps, at least 1; default 10,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long Steps
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Steps));
            field = value;
        }
    } = 10_000;

    /// <summary>Record a curve point every this many steps (and at step 0 and the last step), at least 1; default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long EvaluationInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(EvaluationInterval));
            field = value;
        }
    } = 10;

    /// <summary>Stop at the first step whose test error is 0 (the zero-error steps are checked after every step); default false.</summary>
    public bool StopAtZeroTestError { get; init; }
}
