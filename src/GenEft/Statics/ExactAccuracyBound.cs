using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// The exact Bayes-optimal accuracy bound for a finite hypothesis class with a uniform prior: among the hypotheses
/// consistent with the training sample (C of them, c_e with entry e = 1), the best any learner can expect is
/// sum over all entries e of max(c_e, C - c_e) / C, divided by n^2. Training entries count 1 (c_e is 0 or C there).
/// Cost O(H (m + n^2)) per sample for H hypotheses and m samples: meant for small n (the class enumerations in
/// <see cref="RelationEnumeration"/>), to check the Monte Carlo bounds.
/// </summary>
public sealed class ExactAccuracyBound : IAccuracyBound
{
    private readonly Relation[] _hypotheses;

    /// <summary>Prepares the bound for a true relation and a hypothesis class containing it.</summary>
    /// <param name="relation">The true relation.</param>
    /// <param name="hypotheses">The class (duplicates count twice: pass distinct relations for a uniform prior).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A hypothesis has another size, or the class does not contain <paramref name="relation"/>.</exception>
    public ExactAccuracyBound(Relation relation, IEnumerable<Relation> hypotheses)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(hypotheses);
        _hypotheses = hypotheses.ToArray();
        if (_hypotheses.Any(h => h is null || h.Size != relation.Size))
            throw new ArgumentException($"Every hypothesis must be a relation on {relation.Size} elements.", nameof(hypotheses));
        if (!_hypotheses.Contains(relation))
            throw new ArgumentException("The hypothesis class must contain the true relation.", nameof(hypotheses));
        Relation = relation;
    }

    /// <inheritdoc/>
    public Relation Relation { get; }

    /// <summary>The number of hypotheses.</summary>
    public int HypothesisCount => _hypotheses.Length;

    /// <inheritdoc/>
    public double Evaluate(RelationSamples observed, Random random)
    {
        int n = Relation.Size;
        ObservedSamples.Validate(observed, n, random);
        var ones = new int[n * n];
        int consistent = 0;
        foreach (var h in _hypotheses)
        {
            bool agrees = true;
            for (int t = 0; t < observed.Count && agrees; t++)
                agrees = h.Get(observed.Left[t], observed.Right[t]) == (observed.Label[t] == 1);
            if (!agrees) continue;
            consistent++;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (h.Get(i, j)) ones[i * n + j]++;
        }
        if (consistent == 0) throw new ArgumentException("No hypothesis is consistent with the sample.", nameof(observed));
        double sum = 0;
        foreach (int c in ones) sum += Math.Max(c, consistent - c);
        return sum / consistent / ((double)n * n);
    }
}
