using GenEft.Models;
using GenEft.Nn;

namespace GenEft.Experiments;

/// <summary>
/// Optimizer settings of the GenEFT autoencoder with the encoder (embeddings) and decoder (MLP) as separate parameter
/// groups, each with its own learning rate, weight decay and L1: GenEFT Figures 5 and 8 scan exactly these. Defaults:
/// Table 3 (lr 1e-3, weight decay 0) for both groups, AdamW, PyTorch's betas (0.9, 0.999) and epsilon 1e-8.
/// <see cref="ToConfig"/> gives the same optimizer as a general <see cref="OptimizerConfig"/>.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>Adam, AdamW (identical when both weight decays are 0) or SGD. Default AdamW.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public OptimizerKind Kind
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "Not a defined OptimizerKind.");
    } = OptimizerKind.AdamW;

    /// <summary>Encoder learning rate eta_enc; positive and finite. Default 1e-3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double EncoderLearningRate { get; init => field = Positive(value, nameof(EncoderLearningRate)); } = 1e-3;

    /// <summary>Decoder learning rate eta_dec; positive and finite. Default 1e-3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double DecoderLearningRate { get; init => field = Positive(value, nameof(DecoderLearningRate)); } = 1e-3;

    /// <summary>Encoder weight decay; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double EncoderWeightDecay { get; init => field = OptimizerConfig.NonNegative(value, nameof(EncoderWeightDecay)); }

    /// <summary>Decoder weight decay wd_dec; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double DecoderWeightDecay { get; init => field = OptimizerConfig.NonNegative(value, nameof(DecoderWeightDecay)); }

    /// <summary>Encoder L1 coefficient (l1 sign(p) added to the gradient); non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double EncoderL1 { get; init => field = OptimizerConfig.NonNegative(value, nameof(EncoderL1)); }

    /// <summary>Decoder L1 coefficient; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double DecoderL1 { get; init => field = OptimizerConfig.NonNegative(value, nameof(DecoderL1)); }

    /// <summary>SGD momentum in [0, 1) (ignored by Adam and AdamW). Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Momentum { get; init => field = OptimizerConfig.UnitInterval(value, nameof(Momentum)); }

    /// <summary>First-moment decay beta1, in [0, 1). Default 0.9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta1 { get; init => field = OptimizerConfig.UnitInterval(value, nameof(Beta1)); } = 0.9;

    /// <summary>Second-moment decay beta2, in [0, 1). Default 0.999.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta2 { get; init => field = OptimizerConfig.UnitInterval(value, nameof(Beta2)); } = 0.999;

    /// <summary>The epsilon added to the root of the second moment; positive and finite. Default 1e-8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double Epsilon { get; init => field = Positive(value, nameof(Epsilon)); } = 1e-8;

    /// <summary>The same optimizer as a general config with overrides for the groups "encoder" and "decoder".</summary>
    /// <returns>The config.</returns>
    public OptimizerConfig ToConfig() => new()
    {
        Kind = Kind,
        LearningRate = EncoderLearningRate,
        Momentum = Momentum,
        Beta1 = Beta1,
        Beta2 = Beta2,
        Epsilon = Epsilon,
        Groups = new Dictionary<string, GroupHyperparameters>
        {
            ["encoder"] = new() { LearningRate = EncoderLearningRate, WeightDecay = EncoderWeightDecay, L1 = EncoderL1 },
            ["decoder"] = new() { LearningRate = DecoderLearningRate, WeightDecay = DecoderWeightDecay, L1 = DecoderL1 },
        },
    };

    /// <summary>The optimizer over the autoencoder's groups (encoder first, as its time reference).</summary>
    internal Optimizer<float> Create(IReadOnlyList<ModelParameterGroup<float>> groups) => ToConfig().Create(groups);

    /// <summary>The same, with <see cref="OptimizerConfig.FlushSubnormals"/> as given.</summary>
    internal Optimizer<float> Create(IReadOnlyList<ModelParameterGroup<float>> groups, bool flushSubnormals)
        => (ToConfig() with { FlushSubnormals = flushSubnormals }).Create(groups);

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");
}
