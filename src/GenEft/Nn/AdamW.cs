using System.Numerics;

namespace GenEft.Nn;

/// <summary>
/// AdamW (Loshchilov and Hutter), as torch.optim.AdamW: Adam whose weight decay λ is decoupled from the
/// gradient, p ← p(1 - lr·λ) before the Adam step. Set λ per group (PyTorch's default is 0.01).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class AdamW<T> : Adam<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="groups">The parameter groups (their <see cref="ParameterGroup{T}.WeightDecay"/> is applied decoupled).</param>
    /// <param name="beta1">The first-moment decay β₁ in [0, 1).</param>
    /// <param name="beta2">The second-moment decay β₂ in [0, 1).</param>
    /// <param name="epsilon">The denominator offset ε, positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentException">The groups are empty or repeat a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A β is outside [0, 1) or ε is not positive and finite.</exception>
    public AdamW(IEnumerable<ParameterGroup<T>> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(groups, beta1, beta2, epsilon, decoupled: true)
    {
    }
}
