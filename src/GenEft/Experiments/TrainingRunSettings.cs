using GenEft.Models;
using GenEft.Relations;

namespace GenEft.Experiments;

/// <summary>
/// One training run of GenEFT Sections II-IV: a relation, a seeded train/test split, a model, an optimizer with
/// separate encoder and decoder groups, a step budget and how often to evaluate. Defaults are Table 3 and Table 4.
/// </summary>
public sealed record TrainingRunSettings
{
    /// <summary>Creates settings for learning <paramref name="relation"/>.</summary>
    /// <param name="relation">The relation; its size is the model's element count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public TrainingRunSettings(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        Relation = relation;
    }

    /// <summary>The relation to learn.</summary>
    public Relation Relation { get; }

    /// <summary>Fraction of the n^2 pairs used for training, in (0, 1]; the training set must not be empty. Table 3: 0.75.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1].</exception>
    public double TrainingFraction
    {
        get;
        init => field = value > 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TrainingFraction), value, "Must be in (0, 1].");
    } = 0.75;

    /// <summary>The model's shape; its <see cref="AutoencoderConfig.ElementCount"/> is replaced by the relation's size.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public AutoencoderConfig Model { get; init => field = value ?? throw new ArgumentNullException(nameof(Model)); } = new();

    /// <summary>Optimizer and the per-group learning rates and weight decays.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public OptimizerSettings Optimizer { get; init => field = value ?? throw new ArgumentNullException(nameof(Optimizer)); } = new();

    /// <summary>Phase thresholds, including the step budget (Table 4: 0.9, 10^5, 10^3).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public PhaseCriteria Criteria { get; init => field = value ?? throw new ArgumentNullException(nameof(Criteria)); } = PhaseCriteria.Table4;

    /// <summary>Evaluate (and record a curve point) every this many steps, and at the budget; at least 1. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int EvaluationInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(EvaluationInterval));
            field = value;
        }
    } = 10;

    /// <summary>Minibatch size; 0 (the default, the paper's setting) means full batch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(BatchSize));
            field = value;
        }
    }

    /// <summary>Seed of the split (stream 0), the initialization (stream 1) and the minibatch order (stream 2).</summary>
    public ulong Seed { get; init; }

    /// <summary>Stop as soon as the phase is certain (see <see cref="PhaseTracker"/>). Default true.</summary>
    public bool StopWhenCertain { get; init; } = true;

    /// <summary>
    /// Flush subnormal floats to zero where a run whose loss goes to 0 makes them (.NET has no FTZ/DAZ switch, and
    /// arithmetic on subnormals is many times slower on x86): in the loss gradient (σ(z) - t)/n, in tanh's backward
    /// dy ⊙ (1 - y²), and in the Adam/AdamW moments m and v. The rule, per element: x ← 0 (sign kept) where
    /// |x| &lt; 2^-126 ≈ 1.18e-38 (float's smallest normal number), x unchanged otherwise; each flushed value moves by
    /// less than 1.2e-38. Default true: it is what the PyTorch reference runs do (torch.set_flush_denormal(True)),
    /// it keeps memorizing runs at the generalizing step rate, and it changes no bit of the pinned reproduction runs;
    /// set false for torch's IEEE formulas without FTZ exactly. The general building blocks (<see cref="Autodiff.Tape{T}"/>,
    /// <see cref="Nn.Adam{T}"/>, <see cref="OptimizerConfig"/>) default to false.
    /// </summary>
    public bool FlushSubnormals { get; init; } = true;

    /// <summary>Keep every evaluation in <see cref="TrainingRunResult.Curve"/>. Default true; sweeps may turn it off.</summary>
    public bool RecordCurve { get; init; } = true;
}
