namespace GenEft.Experiments;

/// <summary>Per-group overrides of an <see cref="OptimizerConfig"/>'s learning rate, weight decay and L1 (null: the config's own).</summary>
public sealed record GroupHyperparameters
{
    /// <summary>The group's learning rate, or null; non-negative and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double? LearningRate { get; init => field = OptimizerConfig.NonNegative(value, nameof(LearningRate)); }

    /// <summary>The group's weight decay, or null; non-negative and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double? WeightDecay { get; init => field = OptimizerConfig.NonNegative(value, nameof(WeightDecay)); }

    /// <summary>The group's L1 coefficient, or null; non-negative and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double? L1 { get; init => field = OptimizerConfig.NonNegative(value, nameof(L1)); }
}
