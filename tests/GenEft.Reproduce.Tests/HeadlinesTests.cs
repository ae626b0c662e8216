using GenEft.Experiments;
using GenEft.Reproduce;
using Xunit;

namespace GenEft.Reproduce.Tests;

/// <summary>The main job's sentences follow the numbers, whichever way the numbers come out.</summary>
public sealed class HeadlinesTests
{
    [Fact]
    public void StaticsOrdersRelationsByTheirCriticalFraction()
    {
        // The job's own numbers (n = 30): bipartite has the smallest b and p_c, so it comes first.
        var measured = new[] { ("mod 3", 39.75, 0.1004), ("mod 5", 53.34, 0.1352), ("greater-than", 107.71, 0.2743), ("complete bipartite", 24.84, 0.0623) };
        Assert.Equal(
            "The simpler the relation (smaller b), the less data it needs: p_c(0.9) orders complete bipartite < mod 3 < mod 5 < greater-than, the same order as b.",
            Headlines.Statics(measured));

        // Swap bipartite and mod 3's numbers: the order follows.
        var swapped = new[] { ("mod 3", 24.84, 0.0623), ("mod 5", 53.34, 0.1352), ("greater-than", 107.71, 0.2743), ("complete bipartite", 39.75, 0.1004) };
        Assert.Contains("orders mod 3 < complete bipartite < mod 5 < greater-than", Headlines.Statics(swapped), StringComparison.Ordinal);

        // p_c against the order of b: the sentence says so instead of claiming "simpler needs less".
        var against = new[] { ("a", 10.0, 0.3), ("b", 20.0, 0.2) };
        Assert.Equal("p_c(0.9) orders b < a, which is not the order of b (a < b).", Headlines.Statics(against));

        // Values equal at the printed precision are joined by "=".
        Assert.Contains("orders x = y", Headlines.Statics([("x", 1.0, 0.10001), ("y", 1.0, 0.10002)]), StringComparison.Ordinal);
    }

    [Fact]
    public void DynamicsSaysWhetherTheCollisionProbabilityRisesAndWhetherEq12Agrees()
    {
        var rising = new[] { (0.01, 0.0449, 0.0454, 0.0015), (1.0, 0.3918, 0.3920, 0.0035), (100.0, 0.9106, 0.9110, 0.0020) };
        Assert.Equal(
            "In the Monte Carlo P(collision) rises with eta_x/eta_A, from 0.0454 at 0.01 to 0.9110 at 100: a faster encoder makes collisions (generalization) likelier, as Eq. 12 predicts; Monte Carlo and Eq. 12 agree within 0.3 standard errors at all 3 points.",
            Headlines.Dynamics(rising));

        // Rows in any order give the same sentence (they are sorted by ratio).
        Assert.Equal(Headlines.Dynamics(rising), Headlines.Dynamics(rising.Reverse().ToArray()));

        // An estimate that falls, and one far from Eq. 12.
        var falling = new[] { (0.01, 0.0449, 0.5, 0.01), (1.0, 0.3918, 0.3920, 0.0035) };
        string text = Headlines.Dynamics(falling);
        Assert.StartsWith("In the Monte Carlo P(collision) does not rise steadily with eta_x/eta_A (0.5000 at 0.01, 0.3920 at 1), although Eq. 12 rises", text, StringComparison.Ordinal);
        Assert.Contains("disagree at eta_x/eta_A = 0.01 (z = 45.5, more than 3)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingCountsPhasesPerRatioAndOnlyClaimsTheSplitWhenItHappened()
    {
        var split = new[] { (1.0, Phase.Generalization), (1000.0, Phase.Memorization), (1.0, Phase.Grokking), (1000.0, Phase.Memorization) };
        Assert.Equal(
            "eta_dec/eta_enc = 1: 2 of 2 runs generalize, 0 memorize; eta_dec/eta_enc = 1000: 0 of 2 runs generalize, 2 memorize. Equal rates generalize and a decoder 1000x faster than that memorizes, in line with GenEFT Figure 5 (keep eta_dec/eta_enc below ~10).",
            Headlines.Training(split));

        // The other way round: no claim of Figure 5's split.
        var reversed = new[] { (1.0, Phase.Memorization), (1000.0, Phase.Generalization) };
        Assert.Equal(
            "eta_dec/eta_enc = 1: 0 of 1 runs generalize, 1 memorize; eta_dec/eta_enc = 1000: 1 of 1 runs generalize, 0 memorize. These runs do not show GenEFT Figure 5's split (generalization at similar rates, memorization with a much faster decoder).",
            Headlines.Training(reversed));

        // One memorizing run among the fast-decoder runs that did not memorize is not the split either.
        Assert.Contains("do not show", Headlines.Training([(1.0, Phase.Generalization), (1000.0, Phase.Memorization), (1000.0, Phase.Confusion)]), StringComparison.Ordinal);
    }

    [Fact]
    public void PerceptronStatesTheTrendsInTheClosedFormAndTheAgreementOfTheMonteCarlo()
    {
        var rows = new[] { (2, 0.1, 0.1956, 0.1941, 0.0013), (2, 0.5, 0.7293, 0.7291, 0.0014), (10, 0.1, 0.3570, 0.3554, 0.0015), (10, 0.5, 0.9714, 0.9720, 0.0005) };
        Assert.Equal(
            "The grokking probability P_G rises with the effective separation eps_l and, at every eps_l, with the training samples per class N; Monte Carlo and the closed form agree within 1.2 standard errors at all 4 points.",
            Headlines.Perceptron(rows));

        // N = 10 below N = 2 at eps_l = 0.5, and an estimate 10 standard errors off.
        var other = new[] { (2, 0.1, 0.1956, 0.1941, 0.0013), (2, 0.5, 0.7293, 0.7291, 0.0014), (10, 0.1, 0.3570, 0.3570, 0.0015), (10, 0.5, 0.7, 0.75, 0.005) };
        Assert.Equal(
            "The grokking probability P_G rises with the effective separation eps_l but not with N at every eps_l; Monte Carlo and the closed form disagree at N = 10, eps_l = 0.5 (z = 10.0, more than 3).",
            Headlines.Perceptron(other));
    }

    [Fact]
    public void ZScoreHandlesAZeroStandardError()
    {
        Assert.Equal(2.0, Headlines.ZScore(0.5, 0.52, 0.01), 12);
        Assert.Equal(0.0, Headlines.ZScore(1, 1, 0));
        Assert.Equal(double.PositiveInfinity, Headlines.ZScore(0.5, 1, 0));
        Assert.Equal(double.NegativeInfinity, Headlines.ZScore(0.5, 0, 0));
    }
    [Fact]
    public void TensorNetworkCountsTheRunsAndSaysWhichWayTheEffectiveDimensionMoved()
    {
        var falling = new (string, double?, double, double, double)[] { ("None", 0.96, 6.0, 2.5, 0), ("None", null, 7.0, double.NaN, 0.8), ("L1", 0.5, 7.0, 3.5, 0.4) };
        Assert.Equal(
            "2 of 3 runs reached zero test error on 10^3-long sequences (1 still at zero on fresh ones at the end); their contexts' effective dimension fell from 6.50 at t = 0 to 3.00 when the test error first reached 0, the structure formation the paper reports.",
            Headlines.TensorNetwork(falling));

        var rising = new (string, double?, double, double, double)[] { ("None", 0.2, 2.0, 3.0, 0) };
        Assert.Contains("did not fall (2.00 at t = 0, 3.00 when", Headlines.TensorNetwork(rising), StringComparison.Ordinal);
        Assert.Equal("0 of 1 runs reached zero test error on 10^3-long sequences (0 still at zero on fresh ones at the end).", Headlines.TensorNetwork([("L1", null, 5.0, double.NaN, 0.5)]));
    }
}
