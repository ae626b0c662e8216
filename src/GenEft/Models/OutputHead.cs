namespace GenEft.Models;

/// <summary>How the decoder's last layer becomes the logit of P(R(x1, x2) = 1).</summary>
public enum OutputHead
{
    /// <summary>A linear layer to one logit, read through a sigmoid with BCE on the logit (the paper's default).</summary>
    Linear,

    /// <summary>
    /// The "ReLU(0.1 - x)" output GenEFT Section III suggests for mode 3: a linear layer to one value z, then
    /// q = ReLU(0.1 - z), then a learnable affine logit s q + c (s initialized to 1/0.1 = 10 and c to -0.5, so the logit
    /// is positive for z well below 0.1 and the BCE loss still applies). With mode 3 and no hidden layers, z is a
    /// weighted squared distance of the two embeddings, so the model says "related" iff they are close.
    /// </summary>
    ProximityRelu,
}
