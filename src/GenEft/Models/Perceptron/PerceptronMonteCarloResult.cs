using GenEft.Analysis;

namespace GenEft.Models.Perceptron;

/// <summary>The summary of a perceptron Monte Carlo run (the per-trial records are in <see cref="Trials"/>).</summary>
/// <typeparam name="TTrial">The record type.</typeparam>
public sealed class PerceptronMonteCarloResult<TTrial>
    where TTrial : struct
{
    internal PerceptronMonteCarloResult(TTrial[] trials, long groks, double[] grokkingTimes, long reachedZeroTestError)
    {
        Trials = trials;
        GrokkingProbability = new ProportionEstimate(groks, trials.Length);
        GrokkingTimes = grokkingTimes;
        ReachedZeroTestError = reachedZeroTestError;
    }

    /// <summary>Every trial's record, in index order.</summary>
    public IReadOnlyList<TTrial> Trials { get; }

    /// <summary>P_G: the fraction of trials whose stationary solution has zero test error, with its standard error.</summary>
    public ProportionEstimate GrokkingProbability { get; }

    /// <summary>t_G of the grokking trials with a finite t_G, in index order (empty when times were not computed).</summary>
    public IReadOnlyList<double> GrokkingTimes { get; }

    /// <summary>Trials whose test error reached 0 at some finite time (transiently or for good); 0 when times were not computed.</summary>
    public long ReachedZeroTestError { get; }
}
