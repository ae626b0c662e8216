using GenEft.Nn;

namespace GenEft.Models;

/// <summary>
/// The shape of a <see cref="RelationAutoencoder{T}"/>. Defaults are GenEFT Table 3: n = 30 elements, embedding
/// dimension d = 2, decoder depth 3 (hidden layers), width 50, tanh, concat mode, sigmoid output.
/// </summary>
public sealed record AutoencoderConfig
{
    /// <summary>Number of elements n (one embedding each); at least 1. Table 3: 30.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ElementCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(ElementCount));
            field = value;
        }
    } = 30;

    /// <summary>Embedding dimension d; at least 1. Table 3: 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int EmbeddingDimension
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(EmbeddingDimension));
            field = value;
        }
    } = 2;

    /// <summary>Number of hidden layers of the decoder MLP (n_h in Figure 3); 0 or more. Table 3: 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int DecoderDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(DecoderDepth));
            field = value;
        }
    } = 3;

    /// <summary>Width of each hidden layer; at least 1. Table 3: 50.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int DecoderWidth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(DecoderWidth));
            field = value;
        }
    } = 50;

    /// <summary>Hidden-layer activation of the decoder MLP (any <see cref="Nn.Activation"/>). Table 3: tanh.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined activation.</exception>
    public Activation Activation
    {
        get;
        init => field = Defined(value, nameof(Activation));
    } = Activation.Tanh;

    /// <summary>How the pair of embeddings is combined (mode 1, 2 or 3). Default: concat (mode 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined mode.</exception>
    public CombineMode Combine
    {
        get;
        init => field = Defined(value, nameof(Combine));
    } = CombineMode.Concat;

    /// <summary>The output head. Default: linear logit with sigmoid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined head.</exception>
    public OutputHead Head
    {
        get;
        init => field = Defined(value, nameof(Head));
    } = OutputHead.Linear;

    /// <summary>
    /// Embeddings are drawn from a standard normal scaled by this (GenEFT Figure 6's initialization factor); &gt;= 0
    /// and finite. Default 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double EmbeddingInitScale
    {
        get;
        init => field = NonNegativeFinite(value, nameof(EmbeddingInitScale));
    } = 1.0;

    /// <summary>
    /// Decoder weights and biases are drawn uniformly from ±1/sqrt(fan in) (PyTorch's nn.Linear default) scaled by
    /// this; &gt;= 0 and finite. Default 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double DecoderInitScale
    {
        get;
        init => field = NonNegativeFinite(value, nameof(DecoderInitScale));
    } = 1.0;

    /// <summary>Width of the decoder's input: 2d for concat, d otherwise.</summary>
    public int DecoderInputWidth => Combine == CombineMode.Concat ? 2 * EmbeddingDimension : EmbeddingDimension;

    private static double NonNegativeFinite(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Must be non-negative and finite.");

    private static TEnum Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"Not a defined {typeof(TEnum).Name}.");
}
