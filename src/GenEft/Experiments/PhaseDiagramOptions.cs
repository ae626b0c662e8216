namespace GenEft.Experiments;

/// <summary>
/// Which phases lie below and above the boundary a <see cref="PhaseDiagram"/> fit looks for, and on which scale. The
/// default is GenEFT Figure 5's: generalization or grokking (small eta_dec) below, memorization above, log10 axes.
/// Cells of other phases (confusion, divergence) are left out of the fits.
/// </summary>
public sealed record PhaseDiagramOptions
{
    /// <summary>The phases expected at small y. Default generalization and grokking.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public IReadOnlySet<Phase> Lower { get; init => field = NonEmpty(value, nameof(Lower)); } = new HashSet<Phase> { Phase.Generalization, Phase.Grokking };

    /// <summary>The phases expected at large y. Default memorization.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public IReadOnlySet<Phase> Upper { get; init => field = NonEmpty(value, nameof(Upper)); } = new HashSet<Phase> { Phase.Memorization };

    /// <summary>Whether both axes are log10 (coordinates must then be positive); else linear. Default true.</summary>
    public bool LogAxes { get; init; } = true;

    /// <summary>The ridge penalty of the logistic separating line on its two slope weights; positive and finite. Default 1e-2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double Ridge
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Ridge), value, "The ridge must be positive and finite.");
    } = 1e-2;

    private static IReadOnlySet<Phase> NonEmpty(IReadOnlySet<Phase>? value, string name) =>
        value is { Count: > 0 } ? value : throw new ArgumentException($"{name} needs at least one phase.", name);
}
