using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// An upper bound on the accuracy (over all n^2 pairs) that any learner can reach on <see cref="Relation"/> after
/// seeing a given training sample (GenEFT Section III and Appendix D). Implementations: the paper's candidate-class
/// recipe for equivalences and complete bipartite relations (<see cref="CandidateClassAccuracyBound"/>), the
/// linear-extension Monte Carlo for total orders (<see cref="LinearExtensionAccuracyBound"/>), the exact
/// Bayes-optimal bound by enumeration (<see cref="ExactAccuracyBound"/>), for two classes at any n by dynamic
/// programming (<see cref="TwoClassExactAccuracyBound"/>), and for equivalences with any number of classes by
/// importance sampling (<see cref="EquivalenceImportanceSamplingBound"/>). Average them over training samples with
/// <see cref="AccuracyBoundEstimator"/>.
/// </summary>
public interface IAccuracyBound
{
    /// <summary>The true relation the training samples are drawn from.</summary>
    Relation Relation { get; }

    /// <summary>
    /// The bound for one training sample: (number of determined entries + sum over undetermined entries of
    /// max(p_u, 1 - p_u)) / n^2.
    /// </summary>
    /// <param name="observed">Training samples of <see cref="Relation"/>.</param>
    /// <param name="random">Random source for implementations that sample (ignored by deterministic ones).</param>
    /// <returns>The bound in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="observed"/> contains a pair outside [0, n) or a label other than 0 and 1.</exception>
    double Evaluate(RelationSamples observed, Random random);
}
