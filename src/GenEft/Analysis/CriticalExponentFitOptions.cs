namespace GenEft.Analysis;

/// <summary>
/// The fitting window and error-bar settings of <see cref="CriticalExponentFit"/>: offsets tau = t_eps - t log-spaced in
/// [<see cref="MinOffset"/>, <see cref="MaxOffset"/>], and a bootstrap over runs.
/// </summary>
public sealed record CriticalExponentFitOptions
{
    /// <summary>Creates options for the window [minOffset, maxOffset].</summary>
    /// <param name="minOffset">The smallest tau, positive and finite.</param>
    /// <param name="maxOffset">The largest tau, finite and greater than <paramref name="minOffset"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or not positive and finite.</exception>
    public CriticalExponentFitOptions(double minOffset, double maxOffset)
    {
        AnalysisArguments.ThrowIfNotPositiveFinite(minOffset, nameof(minOffset));
        if (!(maxOffset > minOffset && double.IsFinite(maxOffset)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxOffset), maxOffset, "maxOffset must be finite and greater than minOffset.");
        }

        MinOffset = minOffset;
        MaxOffset = maxOffset;
    }

    /// <summary>The smallest offset tau of the window.</summary>
    public double MinOffset { get; }

    /// <summary>The largest offset tau of the window.</summary>
    public double MaxOffset { get; }

    /// <summary>The number of log-spaced offsets, at least 3; default 24.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 3.</exception>
    public int Points
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 3, nameof(Points));
            field = value;
        }
    } = 24;

    /// <summary>Bootstrap resamples of the runs for the error bar, at least 2; default 200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int BootstrapResamples
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(BootstrapResamples));
            field = value;
        }
    } = 200;

    /// <summary>The bootstrap's seed; default 0.</summary>
    public ulong Seed { get; init; }
}
