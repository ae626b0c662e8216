namespace GenEft.Models;

/// <summary>The activation of the decoder's hidden layers.</summary>
public enum DecoderActivation
{
    /// <summary>tanh, the paper's choice (Table 3).</summary>
    Tanh,

    /// <summary>max(0, x).</summary>
    Relu,
}
