using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class LocalRuleTests
{
    private static int Rule30(int l, int c, int r) => l ^ (c | r);

    private static byte[] RandomBits(int n, int seed)
    {
        var random = new Random(seed);
        var x = new byte[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (byte)random.Next(2);
        }

        return x;
    }

    [Theory]
    [InlineData(1, SequenceBoundary.Open, 10)]
    [InlineData(2, SequenceBoundary.Open, 10)]
    [InlineData(3, SequenceBoundary.Open, 7)]
    [InlineData(5, SequenceBoundary.Open, 4)]
    [InlineData(2, SequenceBoundary.Periodic, 10)]
    [InlineData(3, SequenceBoundary.Periodic, 5)]
    [InlineData(4, SequenceBoundary.Periodic, 300)]
    [InlineData(3, SequenceBoundary.Open, 600)]
    public void KLocalRuleIsTheNaiveRuleAppliedKTimes(int k, SequenceBoundary boundary, int length)
    {
        // Length 300/600 rows use the pooled scratch (2 M > 512), the shorter ones the stack.
        const int count = 9;
        byte[] x = RandomBits(count * length, 100 + k);
        byte[] expected = x;
        for (int step = 0; step < k; step++)
        {
            expected = ElementaryCellularAutomatonTests.NaiveStep(expected, length, Rule30, boundary);
        }

        var y = new byte[x.Length];
        LocalRule.Rule30(k, boundary).Apply(x, length, y);
        Assert.Equal(expected, y);
    }

    [Theory]
    [InlineData(1, SequenceBoundary.Periodic)]
    [InlineData(2, SequenceBoundary.Periodic)]
    [InlineData(3, SequenceBoundary.Periodic)]
    [InlineData(2, SequenceBoundary.Open)]
    [InlineData(4, SequenceBoundary.Open)]
    public void OutputAtIDependsOnlyOnTheTwoKPlusOneNeighbourhood(int k, SequenceBoundary boundary)
    {
        // Position 15 of 31 (no boundary inside reach): flipping any bit with |j - i| > K leaves y_i unchanged,
        // and for rule 30 flipping x_(i-K) always changes y_i (rule 30 is left-permutive: y = x_(i-1) XOR g(...)),
        // so the reach is exactly K on the left.
        const int length = 31, i = 15;
        var rule = LocalRule.Rule30(k, boundary);
        for (int trial = 0; trial < 20; trial++)
        {
            byte[] x = RandomBits(length, 1000 + trial);
            var y = new byte[length];
            rule.Apply(x, length, y);
            for (int j = 0; j < length; j++)
            {
                var flipped = (byte[])x.Clone();
                flipped[j] ^= 1;
                var z = new byte[length];
                rule.Apply(flipped, length, z);
                if (Math.Abs(j - i) > k)
                {
                    Assert.Equal(y[i], z[i]);
                }
                else if (j == i - k)
                {
                    Assert.NotEqual(y[i], z[i]);
                }
            }
        }
    }

    [Fact]
    public void OpenBoundaryIsRePaddedAtEveryApplication()
    {
        // x = 0 1 1, re-padded at each step: step 1 = (0,0,1)->1, (0,1,1)->1, (1,1,0)->0 = 1 1 0;
        // step 2 = (0,1,1)->1, (1,1,0)->0, (1,0,0)->1 = 1 0 1.
        var y = new byte[3];
        LocalRule.Rule30(2).Apply([0, 1, 1], 3, y);
        Assert.Equal(new byte[] { 1, 0, 1 }, y);

        // Padded ONCE with two zeros each side (0 0 | 0 1 1 | 0 0), the pad cell right of x_3 becomes (1,0,0)->1 after
        // step 1, so step 2 gives (1,0,1)->0 at x_3: the middle is 1 0 0, not 1 0 1.
        var w = new byte[7];
        LocalRule.Rule30(2).Apply([0, 0, 0, 1, 1, 0, 0], 7, w);
        Assert.Equal(new byte[] { 1, 0, 0 }, w[2..5]);
    }

    [Fact]
    public void BadStepsAreRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LocalRule.Rule30(0));
        Assert.Equal("steps", e.ParamName);
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => new LocalRule(ElementaryCellularAutomaton.Rule30(), -3)).ParamName);
        Assert.Equal("automaton", Assert.Throws<ArgumentNullException>(() => new LocalRule(null!, 1)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => LocalRule.Rule30(2).Apply([], 0, [])).ParamName);
    }

    [Fact]
    public void UsersCanPlugTheirOwnTeacher()
    {
        // A custom teacher (reverse each row) flows through the dataset builders unchanged.
        var set = BinarySequenceSet.All(3, new ReverseTeacher());
        for (int s = 0; s < set.Count; s++)
        {
            var x = set.Inputs.Span.Slice(s * 3, 3).ToArray();
            Array.Reverse(x);
            Assert.Equal(x, set.Labels.Span.Slice(s * 3, 3).ToArray());
        }
    }

    private sealed class ReverseTeacher : ISequenceTeacher
    {
        public void Apply(ReadOnlySpan<byte> inputs, int length, Span<byte> labels)
        {
            for (int s = 0; s < inputs.Length / length; s++)
            {
                for (int i = 0; i < length; i++)
                {
                    labels[(s * length) + i] = inputs[(s * length) + length - 1 - i];
                }
            }
        }
    }
}
