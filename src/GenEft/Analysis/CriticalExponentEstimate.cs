namespace GenEft.Analysis;

/// <summary>The result of <see cref="CriticalExponentFit.Fit"/>.</summary>
/// <param name="Nu">The fitted exponent: the slope of ln &lt;&lt;E&gt;&gt; against ln tau.</param>
/// <param name="StandardError">The bootstrap standard error of <paramref name="Nu"/> (standard deviation over resamples of the runs).</param>
/// <param name="RegressionStandardError">The least-squares standard error of the slope from the residuals (ignores the correlation between offsets; for reference).</param>
/// <param name="Prefactor">A in &lt;&lt;E&gt;&gt; ~ A tau^nu.</param>
/// <param name="RunsUsed">The runs that reached zero error and cover the window.</param>
/// <param name="RunsSkipped">The runs left out (never reached zero error, or start later than t_eps - MaxOffset).</param>
/// <param name="MedianRunNu">The median over used runs of each run's own log-log slope over the window: close to <paramref name="Nu"/> when the window lies inside every run's critical region; a large gap means a few runs outside it dominate the average.</param>
/// <param name="Offsets">The offsets tau of the averaged curve.</param>
/// <param name="AveragedErrors">&lt;&lt;E&gt;&gt;(tau), the mean over used runs of the error at t_eps - tau.</param>
public sealed record CriticalExponentEstimate(
    double Nu,
    double StandardError,
    double RegressionStandardError,
    double Prefactor,
    int RunsUsed,
    int RunsSkipped,
    double MedianRunNu,
    IReadOnlyList<double> Offsets,
    IReadOnlyList<double> AveragedErrors);
