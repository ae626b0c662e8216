namespace GenEft.Nn;

/// <summary>How an <see cref="Embedding{T}"/> table is initialized.</summary>
public enum EmbeddingInit
{
    /// <summary>Normal with mean 0 and standard deviation equal to the scale (PyTorch's <c>nn.Embedding</c> default with scale 1).</summary>
    Normal,

    /// <summary>Uniform in [-scale, scale].</summary>
    Uniform,
}
