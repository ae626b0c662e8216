using GenEft.Models.Perceptron;
using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

/// <summary>
/// The exact d = 4 attention with only B trained: the 8 context features are orthogonal, so each (x_(i-1), x_i,
/// x_(i+1)) pattern's output relaxes on its own and flips sign once; the test error falls in jumps (a first-order
/// transition), each the frequency of the patterns that flip.
/// </summary>
public class ExactSolutionClassifierFlowTests
{
    [Fact]
    public void TheTestErrorFallsInJumpsOfPatternFrequencies()
    {
        var teacher = LocalRule.Rule30();
        var train = BinarySequenceSet.All(3, teacher);
        var test = BinarySequenceSet.Random(40, 50, teacher, seed: 1);
        var a = ExactLocalSolution.Attention();
        var trainData = ScenarioBAttention.Features(a, 4, train, TensorNetworkBoundary.LeadingEigenvectors);
        var testData = ScenarioBAttention.Features(a, 4, test, TensorNetworkBoundary.LeadingEigenvectors);

        // Pattern frequencies on the test set, counted from the bits (zero padding at the ends).
        var frequency = new double[8];
        var x = test.Inputs.Span;
        for (int s = 0; s < test.Count; s++)
        {
            for (int i = 0; i < test.Length; i++)
            {
                int l = i > 0 ? x[(s * test.Length) + i - 1] : 0, c = x[(s * test.Length) + i], r = i < test.Length - 1 ? x[(s * test.Length) + i + 1] : 0;
                frequency[(4 * l) + (2 * c) + r] += 1.0 / (test.Count * test.Length);
            }
        }

        // Every subset sum of the frequencies: the allowed jumps.
        var allowed = Enumerable.Range(1, 255).Select(mask => Enumerable.Range(0, 8).Where(k => ((mask >> k) & 1) == 1).Sum(k => frequency[k])).ToArray();

        // The training features of different patterns are orthogonal.
        var z = trainData.Inputs.ToArray();
        var xs = train.Inputs.ToArray();
        for (int p = 0; p < trainData.Count; p++)
        {
            for (int q = 0; q < trainData.Count; q++)
            {
                double dot = 0;
                for (int k = 0; k < 32; k++) dot += z[(p * 32) + k] * z[(q * 32) + k];
                int Pattern(int row) { int s = row / 3, i = row % 3; int l = i > 0 ? xs[(s * 3) + i - 1] : 0, r = i < 2 ? xs[(s * 3) + i + 1] : 0; return (4 * l) + (2 * xs[(s * 3) + i]) + r; }
                if (Pattern(p) != Pattern(q)) Assert.Equal(0, dot, 1e-12);
                else Assert.Equal(1, dot, 1e-12);
            }
        }

        var flow = new LinearPerceptronFlow(trainData, PerceptronRegularization.None);
        var random = new Random(3);
        for (int run = 0; run < 5; run++)
        {
            var w0 = Enumerable.Range(0, 32).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            var trajectory = flow.Solve(w0);
            double last = testData.Error(w0);
            int jumps = 0;
            for (int k = 1; k <= 3000; k++)
            {
                double e = testData.Error(trajectory.StateAt(k * 0.01));
                Assert.True(e <= last + 1e-12, $"run {run}: the error rose at t = {k * 0.01}");
                if (e < last)
                {
                    jumps++;
                    double jump = last - e;
                    Assert.Contains(allowed, v => Math.Abs(v - jump) < 1e-12);
                    last = e;
                }
            }

            Assert.Equal(0, last);
            Assert.InRange(jumps, 1, 8);
        }
    }
}
