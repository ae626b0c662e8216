namespace GenEft.Models;

/// <summary>How the decoder sees a pair of embeddings (GenEFT Section III, the three modes of Figure 3).</summary>
public enum CombineMode
{
    /// <summary>Mode 1 (the default): the concatenation [E_x1, E_x2], width 2d.</summary>
    Concat,

    /// <summary>Mode 2: the difference E_x1 - E_x2, width d (suits greater-than).</summary>
    Difference,

    /// <summary>Mode 3: the elementwise squared difference (E_x1 - E_x2)^2, width d (suits equivalences such as mod 3).</summary>
    SquaredDifference,
}
