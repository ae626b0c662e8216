namespace GenEft.Models.TensorNetwork;

/// <summary>The boundary and head of a <see cref="TensorNetworkAttention{T}"/>.</summary>
public sealed record TensorNetworkAttentionOptions
{
    /// <summary>The boundary vectors; default <see cref="TensorNetworkBoundary.FirstBasisVector"/>.</summary>
    public TensorNetworkBoundary Boundary { get; init; } = TensorNetworkBoundary.FirstBasisVector;

    /// <summary>The head; default <see cref="TensorNetworkHead.NormalizedSigmoid"/> (the authors' scenario A).</summary>
    public TensorNetworkHead Head { get; init; } = TensorNetworkHead.NormalizedSigmoid;
}
