using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class ElementaryCellularAutomatonTests
{
    // Rule 30 written out by hand, neighbourhood (l, c, r) -> y = l XOR (c OR r):
    // 111->0, 110->0, 101->0, 100->1, 011->1, 010->1, 001->1, 000->0.
    [Theory]
    [InlineData(1, 1, 1, 0)]
    [InlineData(1, 1, 0, 0)]
    [InlineData(1, 0, 1, 0)]
    [InlineData(1, 0, 0, 1)]
    [InlineData(0, 1, 1, 1)]
    [InlineData(0, 1, 0, 1)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(0, 0, 0, 0)]
    public void Rule30MatchesTheHandWrittenTable(int l, int c, int r, int expected)
    {
        var rule = ElementaryCellularAutomaton.Rule30();
        Assert.Equal(expected, rule.Evaluate(l, c, r));

        // The batched path on a periodic length-3 ring whose position 1 sees exactly (l, c, r).
        var periodic = ElementaryCellularAutomaton.Rule30(SequenceBoundary.Periodic);
        byte[] x = [(byte)l, (byte)c, (byte)r];
        var y = new byte[3];
        periodic.Apply(x, 3, y);
        Assert.Equal(expected, y[1]);
    }

    [Fact]
    public void Rule30OnHandWorkedSequencesOpenBoundary()
    {
        // x = 1 0 0 1 1, padded 0 | 1 0 0 1 1 | 0:
        // i=0: (0,1,0)->1; i=1: (1,0,0)->1; i=2: (0,0,1)->1; i=3: (0,1,1)->1; i=4: (1,1,0)->0.
        // x = 1 1 1, padded 0 | 1 1 1 | 0: (0,1,1)->1, (1,1,1)->0, (1,1,0)->0.
        byte[] x = [1, 0, 0, 1, 1, 0, 0, 1, 1, 1];
        var y = new byte[10];
        new ElementaryCellularAutomaton(30).Apply(x.AsSpan(0, 5), 5, y.AsSpan(0, 5));
        Assert.Equal(new byte[] { 1, 1, 1, 1, 0 }, y[..5]);

        y = new byte[3];
        new ElementaryCellularAutomaton(30).Apply([1, 1, 1], 3, y);
        Assert.Equal(new byte[] { 1, 0, 0 }, y);
    }

    [Fact]
    public void Rule30OnHandWorkedSequencesPeriodicBoundary()
    {
        // x = 1 0 0 1 1 as a ring: i=0 sees (x_4=1, 1, 0) -> 0 (open gave 1); i=4 sees (1, 1, x_0=1) -> 0.
        // x = 0 0 0 1 as a ring: i=0 sees (1,0,0)->1; i=1 (0,0,0)->0; i=2 (0,0,1)->1; i=3 (0,1,0)->1.
        var rule = ElementaryCellularAutomaton.Rule30(SequenceBoundary.Periodic);
        var y = new byte[5];
        rule.Apply([1, 0, 0, 1, 1], 5, y);
        Assert.Equal(new byte[] { 0, 1, 1, 1, 0 }, y);

        y = new byte[4];
        rule.Apply([0, 0, 0, 1], 4, y);
        Assert.Equal(new byte[] { 1, 0, 1, 1 }, y);

        // Two rows in one batch are independent: the second row's wrap uses its own ends.
        y = new byte[8];
        rule.Apply([0, 0, 0, 1, 1, 0, 0, 0], 4, y);
        Assert.Equal(new byte[] { 1, 0, 1, 1, 1, 1, 0, 1 }, y);
    }

    [Fact]
    public void LengthOneSequences()
    {
        // Open: (0, x, 0); periodic: (x, x, x). Rule 30: 010 -> 1, 000 -> 0, 111 -> 0.
        var y = new byte[2];
        ElementaryCellularAutomaton.Rule30().Apply([1, 0], 1, y);
        Assert.Equal(new byte[] { 1, 0 }, y);
        ElementaryCellularAutomaton.Rule30(SequenceBoundary.Periodic).Apply([1, 0], 1, y);
        Assert.Equal(new byte[] { 0, 0 }, y);
    }

    [Theory]
    [InlineData(SequenceBoundary.Open)]
    [InlineData(SequenceBoundary.Periodic)]
    public void RuleNumbersFollowWolframsConvention(SequenceBoundary boundary)
    {
        // Independent definitions of rules 90 (l XOR r), 204 (identity: y = c), 0 and 255, and 30, by formula.
        var cases = new (int Rule, Func<int, int, int, int> F)[]
        {
            (90, (l, _, r) => l ^ r),
            (204, (_, c, _) => c),
            (0, (_, _, _) => 0),
            (255, (_, _, _) => 1),
            (30, (l, c, r) => l ^ (c | r)),
            (110, (l, c, r) => ((c | r) & ~(l & c & r)) & 1),
        };
        var random = new Random(7);
        const int length = 13, count = 20;
        var x = new byte[length * count];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (byte)random.Next(2);
        }

        foreach (var (number, f) in cases)
        {
            var y = new byte[x.Length];
            new ElementaryCellularAutomaton(number, boundary).Apply(x, length, y);
            Assert.Equal(NaiveStep(x, length, f, boundary), y);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    [InlineData(int.MinValue)]
    public void UnknownRuleNumberIsRejected(int rule)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ElementaryCellularAutomaton(rule));
        Assert.Equal("ruleNumber", e.ParamName);
        Assert.Contains("0..255", e.Message, StringComparison.Ordinal);
        Assert.Equal("ruleNumber", Assert.Throws<ArgumentOutOfRangeException>(() => new LocalRule(rule, 1)).ParamName);
    }

    [Fact]
    public void BadBatchesAreRejected()
    {
        var rule = ElementaryCellularAutomaton.Rule30();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rule.Apply([1, 0], 0, new byte[2]));
        Assert.Equal("length", e.ParamName);
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => rule.Apply([], 0, [])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => rule.Apply([1, 0], 2, new byte[3])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => rule.Apply([1, 0, 1], 2, new byte[3])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => rule.Apply([1, 2], 2, new byte[2])).ParamName);
        var buffer = new byte[4];
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => rule.Apply(buffer, 4, buffer)).ParamName);
        Assert.Equal("center", Assert.Throws<ArgumentOutOfRangeException>(() => rule.Evaluate(0, 2, 0)).ParamName);
        Assert.Equal("boundary", Assert.Throws<ArgumentOutOfRangeException>(() => new ElementaryCellularAutomaton(30, (SequenceBoundary)5)).ParamName);
    }

    /// <summary>A naive single application in int arithmetic: explicit neighbour lookup with padding or wrap.</summary>
    internal static byte[] NaiveStep(byte[] x, int length, Func<int, int, int, int> f, SequenceBoundary boundary)
    {
        var y = new byte[x.Length];
        for (int s = 0; s < x.Length / length; s++)
        {
            int Bit(int i)
            {
                if (i < 0 || i >= length)
                {
                    if (boundary == SequenceBoundary.Open)
                    {
                        return 0;
                    }

                    i = ((i % length) + length) % length;
                }

                return x[(s * length) + i];
            }

            for (int i = 0; i < length; i++)
            {
                y[(s * length) + i] = (byte)f(Bit(i - 1), Bit(i), Bit(i + 1));
            }
        }

        return y;
    }
}
