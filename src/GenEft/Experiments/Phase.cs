namespace GenEft.Experiments;

/// <summary>
/// The learning phase of a training run, per GenEFT Appendix B, Table 4 (after Liu et al. 2022), plus
/// <see cref="Divergence"/> for runs whose loss stopped being finite.
/// </summary>
public enum Phase
{
    /// <summary>Train and test accuracy both exceed the threshold within the budget, test less than the grokking delay after train.</summary>
    Generalization,

    /// <summary>Both exceed the threshold within the budget, but test at least the grokking delay after train (delayed generalization).</summary>
    Grokking,

    /// <summary>Train accuracy exceeds the threshold within the budget, test accuracy does not (overfitting).</summary>
    Memorization,

    /// <summary>Train accuracy never exceeds the threshold within the budget (whatever the test accuracy did).</summary>
    Confusion,

    /// <summary>The loss became NaN or infinite before the phase was decided; not one of Table 4's phases.</summary>
    Divergence,
}
