using System.Globalization;
using GenEft.Experiments;

namespace GenEft.Reproduce;

/// <summary>
/// The sentences the main job prints, each derived from the numbers its table printed: orders come from sorting the
/// values, "agrees" from the z-scores, "generalizes/memorizes" from the phases counted. Nothing here is fixed text
/// about an outcome.
/// </summary>
public static class Headlines
{
    /// <summary>|z| up to this counts as agreement between a Monte Carlo estimate and its closed form.</summary>
    public const double AgreementZ = 3;

    /// <summary>The statics sentence: the relations ordered by p_c, and whether that is also their order by b.</summary>
    /// <param name="rows">Per relation: its name, b = log2(n!/|Aut|) and p_c(0.9).</param>
    /// <returns>The sentence.</returns>
    public static string Statics(IReadOnlyList<(string Name, double DescriptionLength, double CriticalFraction)> rows)
    {
        var byFraction = rows.OrderBy(r => r.CriticalFraction).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        var byLength = rows.OrderBy(r => r.DescriptionLength).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        string fractionChain = Chain(byFraction.Select(r => (r.Name, r.CriticalFraction)), "F4");
        if (byFraction.Select(r => r.Name).SequenceEqual(byLength.Select(r => r.Name)))
        {
            return $"The simpler the relation (smaller b), the less data it needs: p_c(0.9) orders {fractionChain}, the same order as b.";
        }

        return $"p_c(0.9) orders {fractionChain}, which is not the order of b ({Chain(byLength.Select(r => (r.Name, r.DescriptionLength)), "F2")}).";
    }

    /// <summary>The dynamics sentence: whether P(collision) rises with eta_x/eta_A (Monte Carlo and Eq. 12) and how well they agree.</summary>
    /// <param name="rows">Per ratio eta_x/eta_A: Eq. 12, the Monte Carlo estimate and its standard error.</param>
    /// <returns>The sentence.</returns>
    public static string Dynamics(IReadOnlyList<(double Ratio, double Formula, double Estimate, double StandardError)> rows)
    {
        var sorted = rows.OrderBy(r => r.Ratio).ToArray();
        bool estimateRises = Rises(sorted.Select(r => r.Estimate)), formulaRises = Rises(sorted.Select(r => r.Formula));
        var first = sorted[0];
        var last = sorted[^1];
        string trend = estimateRises
            ? Invariant($"In the Monte Carlo P(collision) rises with eta_x/eta_A, from {first.Estimate:F4} at {first.Ratio:G3} to {last.Estimate:F4} at {last.Ratio:G3}: a faster encoder makes collisions (generalization) likelier")
            : Invariant($"In the Monte Carlo P(collision) does not rise steadily with eta_x/eta_A ({string.Join(", ", sorted.Select(r => Invariant($"{r.Estimate:F4} at {r.Ratio:G3}")))})");
        trend += estimateRises == formulaRises ? ", as Eq. 12 predicts" : formulaRises ? ", although Eq. 12 rises" : ", although Eq. 12 does not rise";
        return trend + "; " + Agreement(sorted.Select(r => (Invariant($"eta_x/eta_A = {r.Ratio:G3}"), r.Formula, r.Estimate, r.StandardError)).ToArray(), "Eq. 12") + ".";
    }

    /// <summary>The training sentence: per decoder/encoder rate ratio how many runs generalized and memorized, and whether that is GenEFT Figure 5's split.</summary>
    /// <param name="runs">Per finished run: eta_dec/eta_enc and its phase.</param>
    /// <returns>The sentence.</returns>
    public static string Training(IReadOnlyList<(double Ratio, Phase Phase)> runs)
    {
        var groups = runs.GroupBy(r => r.Ratio).OrderBy(g => g.Key)
            .Select(g => (Ratio: g.Key, Count: g.Count(), Generalized: g.Count(r => Generalizes(r.Phase)), Memorized: g.Count(r => r.Phase == Phase.Memorization)))
            .ToArray();
        string counts = string.Join("; ", groups.Select(g => Invariant($"eta_dec/eta_enc = {g.Ratio:G6}: {g.Generalized} of {g.Count} runs generalize, {g.Memorized} memorize")));
        var low = groups[0];
        var high = groups[^1];
        if (groups.Length >= 2 && low.Generalized == low.Count && high.Memorized == high.Count)
        {
            string slow = low.Ratio == 1 ? "Equal rates generalize" : Invariant($"eta_dec/eta_enc = {low.Ratio:G6} generalizes");
            return Invariant($"{counts}. {slow} and a decoder {high.Ratio / low.Ratio:G6}x faster than that memorizes, in line with GenEFT Figure 5 (keep eta_dec/eta_enc below ~10).");
        }

        return $"{counts}. These runs do not show GenEFT Figure 5's split (generalization at similar rates, memorization with a much faster decoder).";
    }

    /// <summary>The perceptron sentence: whether P_G rises with eps_l and with N (closed form), and how well the Monte Carlo agrees with it.</summary>
    /// <param name="rows">Per (N, eps_l): the closed form P_G, the Monte Carlo estimate and its standard error.</param>
    /// <returns>The sentence.</returns>
    public static string Perceptron(IReadOnlyList<(int SamplesPerClass, double EffectiveSeparation, double Exact, double Estimate, double StandardError)> rows)
    {
        var byN = rows.GroupBy(r => r.SamplesPerClass).OrderBy(g => g.Key).ToArray();
        bool risesWithSeparation = byN.All(g => Rises(g.OrderBy(r => r.EffectiveSeparation).Select(r => r.Exact)));
        var shared = rows.GroupBy(r => r.EffectiveSeparation).Where(g => g.Count() > 1).ToArray();
        bool risesWithN = shared.Length > 0 && shared.All(g => Rises(g.OrderBy(r => r.SamplesPerClass).Select(r => r.Exact)));
        var parts = new List<string>
        {
            risesWithSeparation ? "The grokking probability P_G rises with the effective separation eps_l" : "The closed-form P_G does not rise steadily with eps_l",
        };
        if (shared.Length > 0)
        {
            parts.Add(risesWithN ? "and, at every eps_l, with the training samples per class N" : "but not with N at every eps_l");
        }

        string agreement = Agreement(rows.Select(r => (Invariant($"N = {r.SamplesPerClass}, eps_l = {r.EffectiveSeparation:G3}"), r.Exact, r.Estimate, r.StandardError)).ToArray(), "the closed form");
        return $"{string.Join(" ", parts)}; {agreement}.";
    }

    /// <summary>
    /// The tensor-network sentence: how many runs reached zero test error (and kept it on the fresh check), and
    /// whether the mean D_eff of their contexts at that moment is below its mean at the start (the paper's structure
    /// formation) or not.
    /// </summary>
    /// <param name="rows">Per run: regulariser, first zero-test-error time (null: never), D_eff at t = 0 and at that time, final error on fresh sequences.</param>
    /// <returns>The sentence.</returns>
    public static string TensorNetwork(IReadOnlyList<(string Regularizer, double? TestZeroTime, double StartDimension, double ZeroDimension, double FinalError)> rows)
    {
        var grokked = rows.Where(r => r.TestZeroTime is not null).ToArray();
        int kept = grokked.Count(r => r.FinalError == 0);
        string counts = Invariant($"{grokked.Length} of {rows.Count} runs reached zero test error on 10^3-long sequences ({kept} still at zero on fresh ones at the end)");
        if (grokked.Length == 0)
        {
            return counts + ".";
        }

        double before = grokked.Average(r => r.StartDimension), at = grokked.Average(r => r.ZeroDimension);
        return at < before
            ? Invariant($"{counts}; their contexts' effective dimension fell from {before:F2} at t = 0 to {at:F2} when the test error first reached 0, the structure formation the paper reports.")
            : Invariant($"{counts}; their contexts' effective dimension did not fall ({before:F2} at t = 0, {at:F2} when the test error first reached 0), unlike the paper's structure formation.");
    }

    /// <summary>"Monte Carlo and X agree within z standard errors at all k points", or where they disagree most.</summary>
    private static string Agreement(IReadOnlyList<(string Where, double Exact, double Estimate, double StandardError)> rows, string reference)
    {
        var z = rows.Select(r => (r.Where, Z: ZScore(r.Exact, r.Estimate, r.StandardError))).ToArray();
        var worst = z.OrderByDescending(p => Math.Abs(p.Z)).First();
        return Math.Abs(worst.Z) <= AgreementZ
            ? Invariant($"Monte Carlo and {reference} agree within {Math.Abs(worst.Z):F1} standard errors at all {rows.Count} points")
            : Invariant($"Monte Carlo and {reference} disagree at {worst.Where} (z = {worst.Z:F1}, more than {AgreementZ:F0})");
    }

    /// <summary>(estimate - exact) / standard error; an exact match with zero error is 0, a mismatch with zero error infinite.</summary>
    /// <param name="exact">The closed form.</param>
    /// <param name="estimate">The estimate.</param>
    /// <param name="standardError">Its standard error.</param>
    /// <returns>z.</returns>
    public static double ZScore(double exact, double estimate, double standardError)
        => standardError > 0 ? (estimate - exact) / standardError : estimate == exact ? 0 : double.PositiveInfinity * Math.Sign(estimate - exact);

    private static bool Generalizes(Phase phase) => phase is Phase.Generalization or Phase.Grokking;

    private static bool Rises(IEnumerable<double> values)
    {
        double previous = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!(v > previous))
            {
                return false;
            }

            previous = v;
        }

        return true;
    }

    /// <summary>"a &lt; b = c &lt; d": sorted names joined by &lt;, or = where the values print equal.</summary>
    private static string Chain(IEnumerable<(string Name, double Value)> sorted, string format)
    {
        var items = sorted.ToArray();
        var text = new System.Text.StringBuilder(items[0].Name);
        for (int i = 1; i < items.Length; i++)
        {
            bool equal = items[i].Value.ToString(format, CultureInfo.InvariantCulture) == items[i - 1].Value.ToString(format, CultureInfo.InvariantCulture);
            text.Append(equal ? " = " : " < ").Append(items[i].Name);
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
