using GenEft.Relations;

namespace GenEft.Statics;

/// <summary>
/// The paper's Monte Carlo recipe for equivalences (GenEFT Appendix D, "Equivalence Classes"), also applied to
/// complete bipartite relations as equivalences with 2 classes (the sides; an entry is 1 when the sides differ):
/// <list type="number">
/// <item>close the training sample under reflexivity, symmetry and transitivity: entries within a component of
/// the known "same class" pairs are 1, entries between two components joined by a known "different" pair are 0;</item>
/// <item>candidate classes: pos[i] = {class of i} when i has a known partner j != i, otherwise the k classes minus
/// the classes of every j known to differ from i. As in the paper, class identities are the TRUE class labels
/// (the paper's "j mod n"), i.e. the recipe assumes the learner can name the classes;</item>
/// <item>for an undetermined entry, each element uniform and independent over its candidates:
/// p_u = |pos[i] ∩ pos[j]| / (|pos[i]| |pos[j]|);</item>
/// <item>bound = (#determined + sum max(p_u, 1 - p_u)) / n^2.</item>
/// </list>
/// Deterministic for a given sample. It approximates the Bayes-optimal bound (<see cref="ExactAccuracyBound"/> over
/// the orbit of the relation, <see cref="TwoClassExactAccuracyBound"/> for two classes at any n,
/// <see cref="EquivalenceImportanceSamplingBound"/> for any k) from either side:
/// the true labels of step 2 push it up, the 1/k prior and the ignored class sizes push it down;
/// <see href="https://github.com/geneft/geneft/blob/main/docs/statics.md#exact-versus-the-papers-approximations">docs/statics.md</see>
/// gives the numbers.
/// </summary>
public sealed class CandidateClassAccuracyBound : IAccuracyBound
{
    private readonly int[] _labels;
    private readonly int _classCount;
    private readonly bool _sameClassIsOne;

    /// <summary>Prepares the recipe for an equivalence relation or a complete bipartite relation.</summary>
    /// <param name="relation">An equivalence (e.g. equality mod k) or a complete bipartite relation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="ArgumentException">The relation is neither an equivalence nor complete bipartite.</exception>
    public CandidateClassAccuracyBound(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        Relation = relation;
        if (relation.IsEquivalence)
        {
            _labels = relation.EquivalenceClassIndices();
            _sameClassIsOne = true;
        }
        else
        {
            var complement = Relation.FromPredicate(relation.Size, (i, j) => !relation.Get(i, j));
            if (!complement.IsEquivalence || complement.EquivalenceClassIndices().Distinct().Count() > 2)
                throw new ArgumentException("The relation must be an equivalence or complete bipartite.", nameof(relation));
            _labels = complement.EquivalenceClassIndices();
            _sameClassIsOne = false;
        }
        _classCount = _labels.Length == 0 ? 0 : _labels.Max() + 1;
    }

    /// <inheritdoc/>
    public Relation Relation { get; }

    /// <summary>The number of classes k (2 for complete bipartite).</summary>
    public int ClassCount => _classCount;

    /// <inheritdoc/>
    public double Evaluate(RelationSamples observed, Random random)
    {
        int n = Relation.Size, k = _classCount;
        ObservedSamples.Validate(observed, n, random);
        if (n == 0) return 1;

        // Step 1: components of known "same class" pairs, and known "different" component pairs.
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int t = 0; t < observed.Count; t++)
            if ((observed.Label[t] == 1) == _sameClassIsOne) parent[Find(observed.Left[t])] = Find(observed.Right[t]);
        var root = new int[n];
        var componentSize = new int[n];
        for (int i = 0; i < n; i++) componentSize[root[i] = Find(i)]++;
        var different = new bool[n * n];
        for (int t = 0; t < observed.Count; t++)
        {
            if ((observed.Label[t] == 1) == _sameClassIsOne) continue;
            int a = root[observed.Left[t]], b = root[observed.Right[t]];
            different[a * n + b] = different[b * n + a] = true;
        }

        // Step 2: candidate classes pos[i] as a flag row of length k.
        var candidate = new bool[n * k];
        var candidateCount = new int[n];
        for (int i = 0; i < n; i++)
        {
            var row = candidate.AsSpan(i * k, k);
            if (componentSize[root[i]] > 1) row[_labels[i]] = true;
            else
            {
                row.Fill(true);
                for (int j = 0; j < n; j++)
                    if (different[root[i] * n + root[j]]) row[_labels[j]] = false;
            }
            foreach (bool c in row) if (c) candidateCount[i]++;
        }

        // Steps 3 and 4.
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (root[i] == root[j] || different[root[i] * n + root[j]]) { sum += 1; continue; }
                int common = 0;
                for (int c = 0; c < k; c++) if (candidate[i * k + c] && candidate[j * k + c]) common++;
                double p = (double)common / ((double)candidateCount[i] * candidateCount[j]);
                sum += Math.Max(p, 1 - p);
            }
        return sum / ((double)n * n);
    }
}
