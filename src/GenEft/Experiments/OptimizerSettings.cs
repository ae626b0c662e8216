namespace GenEft.Experiments;

/// <summary>
/// Optimizer settings with the encoder (embeddings) and decoder (MLP) as separate parameter groups, each with its own
/// learning rate and weight decay: GenEFT Figures 5 and 8 scan exactly these. Defaults: Table 3 (lr 1e-3, weight
/// decay 0) for both groups, AdamW, PyTorch's betas (0.9, 0.999) and epsilon 1e-8.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>Adam or AdamW (identical when both weight decays are 0). Default AdamW.</summary>
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
    public double EncoderWeightDecay { get; init => field = NonNegative(value, nameof(EncoderWeightDecay)); }

    /// <summary>Decoder weight decay wd_dec; non-negative and finite. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double DecoderWeightDecay { get; init => field = NonNegative(value, nameof(DecoderWeightDecay)); }

    /// <summary>First-moment decay beta1, in [0, 1). Default 0.9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta1 { get; init => field = UnitInterval(value, nameof(Beta1)); } = 0.9;

    /// <summary>Second-moment decay beta2, in [0, 1). Default 0.999.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double Beta2 { get; init => field = UnitInterval(value, nameof(Beta2)); } = 0.999;

    /// <summary>The epsilon added to the root of the second moment; positive and finite. Default 1e-8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double Epsilon { get; init => field = Positive(value, nameof(Epsilon)); } = 1e-8;

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");

    private static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be non-negative and finite.");

    private static double UnitInterval(double value, string name) =>
        value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1).");
}
