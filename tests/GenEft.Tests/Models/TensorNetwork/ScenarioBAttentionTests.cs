using GenEft.Models.Perceptron;
using GenEft.Models.TensorNetwork;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class ScenarioBAttentionTests
{
    private static readonly ElementaryCellularAutomaton Rule30 = ElementaryCellularAutomaton.Rule30();

    [Fact]
    public void FeaturesAreTheModelsFeatureViewWithPlusMinusOneLabels()
    {
        var a = RandomAttentionSampler.Sample(3, seed: 5);
        var set = BinarySequenceSet.Random(7, 6, Rule30, seed: 2);
        var data = ScenarioBAttention.Features(a, 3, set);
        var model = TensorNetworkAttention<double>.FromTensors(DenseTensor<double>.FromSpan(a, 3, 3, 2), DenseTensor<double>.Zeros(3, 3, 2), 1.0,
            new TensorNetworkAttentionOptions { Head = TensorNetworkHead.Linear });
        Assert.Equal(model.Features(set.Inputs.Span, set.Count).ReadOnlySpan.ToArray(), data.Inputs.ToArray());
        Assert.Equal(18, data.Dimension);
        Assert.Equal(set.Labels.ToArray().Select(l => l == 1 ? 1.0 : -1.0), data.Labels.ToArray());
    }

    [Fact]
    public void TheExactD4AttentionIsAcceptedAndAContextFreeOneIsNot()
    {
        // The exact 1-local solution (contexts encode x_(i-1) and x_(i+1)): rule 30 is then linear in z, so the
        // stationary solution of the 8 length-3 training sequences classifies every test position.
        var exact = ExactLocalSolution.Attention();
        var train = BinarySequenceSet.All(3, Rule30);
        var test = BinarySequenceSet.Random(30, 50, Rule30, seed: 9);
        Assert.Equal(0, ScenarioBAttention.StationaryTestError(exact, 4, train, test, boundary: TensorNetworkBoundary.LeadingEigenvectors));

        // A(0) = A(1) = identity: every context is e_0, z depends on x_i alone, and rule 30 is not a function of x_i.
        double[] identity = [1, 1, 0, 0, 0, 0, 1, 1];
        double error = ScenarioBAttention.StationaryTestError(identity, 2, train, test);
        Assert.InRange(error, 0.2, 0.8);
    }

    [Fact]
    public void AcceptanceCountsExactlyTheAttemptsWithZeroStationaryTestErrorAndIsSeeded()
    {
        var train = BinarySequenceSet.All(3, Rule30);
        var test = BinarySequenceSet.Random(20, 30, Rule30, seed: 4);
        var accepted = new List<long>();
        var estimate = ScenarioBAttention.EstimateAcceptance(2, train, test, attempts: 60, seed: 11, accepted: accepted, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(60, estimate.Trials);
        Assert.Equal(accepted.Count, estimate.Successes);
        for (long attempt = 0; attempt < 60; attempt++)
        {
            double e = ScenarioBAttention.StationaryTestError(RandomAttentionSampler.Sample(2, 11, attempt), 2, train, test);
            Assert.Equal(accepted.Contains(attempt), e == 0);
        }

        var again = ScenarioBAttention.EstimateAcceptance(2, train, test, attempts: 60, seed: 11, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(estimate, again);
    }

    [Fact]
    public void TheLibrarysExactSolutionClassifiesEveryPositionForSeveralRules()
    {
        // Oracle: the teacher itself, on all length-10 sequences and on long random ones, for rules 30, 90, 110, 184.
        foreach (int rule in new[] { 30, 90, 110, 184 })
        {
            var teacher = new ElementaryCellularAutomaton(rule);
            var model = TensorNetworkAttention<double>.FromTensors(
                DenseTensor<double>.FromSpan(ExactLocalSolution.Attention(), 4, 4, 2), DenseTensor<double>.FromSpan(ExactLocalSolution.Classifier(rule), 4, 4, 2), 1.0,
                new TensorNetworkAttentionOptions { Boundary = TensorNetworkBoundary.LeadingEigenvectors, Head = TensorNetworkHead.Linear });
            foreach (var set in new[] { BinarySequenceSet.All(10, teacher), BinarySequenceSet.Random(10, 500, teacher, seed: (ulong)rule) })
            {
                var e = model.Evaluate(set.Inputs.Span, set.Labels.Span, set.Count);
                Assert.Equal(e.Count, e.Correct);
                Assert.True(e.Loss < 1e-24, $"rule {rule}: loss {e.Loss}");
            }
        }

        Assert.Equal("ruleNumber", Assert.Throws<ArgumentOutOfRangeException>(() => ExactLocalSolution.Classifier(256)).ParamName);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var set = BinarySequenceSet.All(3, Rule30);
        Assert.Equal("attention", Assert.Throws<ArgumentException>(() => ScenarioBAttention.Features(new double[7], 2, set)).ParamName);
        Assert.Equal("attention", Assert.Throws<ArgumentException>(() => ScenarioBAttention.Features([1, 1, 1, 1, 1, 1, 1, double.NaN], 2, set)).ParamName);
        Assert.Equal("bondDimension", Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioBAttention.Features(new double[8], 0, set)).ParamName);
        Assert.Equal("lambda2", Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioBAttention.StationaryTestError(new double[8], 2, set, set, -1)).ParamName);
        Assert.Equal("attempts", Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioBAttention.EstimateAcceptance(2, set, set, 0, 1, cancellationToken: TestContext.Current.CancellationToken)).ParamName);
    }
}
