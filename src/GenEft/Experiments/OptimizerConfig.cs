using System.Numerics;
using GenEft.Models;
using GenEft.Nn;

namespace GenEft.Experiments;

/// <summary>
/// A built-in optimizer for any <see cref="ISupervisedModel{T, TBatch}"/>: kind, learning rate, weight decay and L1 for
/// every group, overridable per group by name, plus the kind's own coefficients. <see cref="Create{T}"/> is the
/// optimizer factory <see cref="TrainingLoop"/> takes. Defaults: Adam, lr 1e-3, no weight decay or L1, PyTorch's betas
/// (0.9, 0.999) and epsilon 1e-8.
/// </summary>
/// <remarks>
/// L1 adds l1 sign(p) to every gradient (the subgradient of l1 Σ|p|); weight decay adds wd p (Adam, SGD) or shrinks
/// p by (1 - lr wd) before the step (AdamW). For the perceptron loss (1/2N) Σ ½ (ŷ - y)^2 + λ1 |w|_1 + (λ2/2) |w|^2 set
/// L1 = λ1 and WeightDecay = λ2 with SGD, or add the penalties to the model's loss instead.
/// </remarks>
public sealed record OptimizerConfig
{
    /// <summary>The optimizer. Default Adam.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public OptimizerKind Kind
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "Not a defined OptimizerKind.");
    } = OptimizerKind.Adam;

    /// <summary>Learning rate of every group without an override; non-negative and finite. Default 1e-3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double LearningRate { get; init => field = NonNegative(value, nameof(LearningRate)); } = 1e-3;

    /// <summary>Weight decay of every group without an override; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double WeightDecay { get; init => field = NonNegative(value, nameof(WeightDecay)); }

    /// <summary>L1 coefficient of every group without an override; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double L1 { get; init => field = NonNegative(value, nameof(L1)); }

    /// <summary>Overrides by group name; every name must be a group of the model. Default none.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyDictionary<string, GroupHyperparameters> Groups
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Groups));
    } = new Dictionary<string, GroupHyperparameters>();

    /// <summary>SGD momentum in [0, 1). Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Momentum { get; init => field = UnitInterval(value, nameof(Momentum)); }

    /// <summary>SGD Nesterov momentum (needs a positive <see cref="Momentum"/>). Default false.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Adam's first-moment decay β1 in [0, 1). Default 0.9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta1 { get; init => field = UnitInterval(value, nameof(Beta1)); } = 0.9;

    /// <summary>Adam's second-moment decay β2 in [0, 1). Default 0.999.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta2 { get; init => field = UnitInterval(value, nameof(Beta2)); } = 0.999;

    /// <summary>Adam's epsilon; positive and finite. Default 1e-8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double Epsilon
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Epsilon), value, "Must be positive and finite.");
    } = 1e-8;

    /// <summary>
    /// Adam and AdamW: flush subnormal moments to zero after each update (<see cref="Adam{T}.FlushSubnormals"/>:
    /// m, v ← 0 where below the smallest normal number). Ignored by SGD. Default false (torch.optim's formulas exactly).
    /// </summary>
    public bool FlushSubnormals { get; init; }

    /// <summary>Builds the optimizer over a model's groups, in their order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="groups">The model's parameter groups.</param>
    /// <returns>The optimizer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentException">An override names no group, groups share a parameter, or Nesterov is asked without momentum.</exception>
    public Optimizer<T> Create<T>(IReadOnlyList<ModelParameterGroup<T>> groups)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (string name in Groups.Keys)
        {
            if (!groups.Any(g => g.Name == name))
            {
                throw new ArgumentException($"The optimizer config overrides group '{name}', but the model's groups are {string.Join(", ", groups.Select(g => g.Name))}.", nameof(groups));
            }
        }

        var built = groups.Select(g =>
        {
            var o = Groups.GetValueOrDefault(g.Name);
            return new ParameterGroup<T>(g.Parameters, o?.LearningRate ?? LearningRate, o?.WeightDecay ?? WeightDecay, o?.L1 ?? L1);
        }).ToArray();
        return Kind switch
        {
            OptimizerKind.Adam => new Adam<T>(built, Beta1, Beta2, Epsilon) { FlushSubnormals = FlushSubnormals },
            OptimizerKind.AdamW => new AdamW<T>(built, Beta1, Beta2, Epsilon) { FlushSubnormals = FlushSubnormals },
            OptimizerKind.Sgd => new Sgd<T>(built, Momentum, Nesterov),
            _ => throw new InvalidOperationException($"Unknown optimizer kind {Kind}."),
        };
    }

    internal static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be non-negative and finite.");

    internal static double? NonNegative(double? value, string name) => value is { } v ? NonNegative(v, name) : null;

    internal static double UnitInterval(double value, string name) =>
        value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1).");
}
