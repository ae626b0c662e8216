using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public sealed class BinarySequenceSetTests
{
    private static readonly LocalRule Rule30 = LocalRule.Rule30();

    private static byte[] Rows(BinarySequenceSet set, ReadOnlyMemory<byte> data, int s) => data.Span.Slice(s * set.Length, set.Length).ToArray();

    [Fact]
    public void AllSequencesPutTheMostSignificantBitFirst()
    {
        var set = BinarySequenceSet.All(3, Rule30);
        Assert.Equal(8, set.Count);
        Assert.Equal(3, set.Length);
        byte[] expected = [0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1];
        Assert.Equal(expected, set.Inputs.ToArray());

        // Labels are the teacher's on every row; all 2^10 rows are distinct.
        var ten = BinarySequenceSet.All(10, Rule30);
        Assert.Equal(1024, ten.Count);
        var y = new byte[ten.Inputs.Length];
        Rule30.Apply(ten.Inputs.Span, 10, y);
        Assert.Equal(y, ten.Labels.ToArray());
        var distinct = new HashSet<string>();
        for (int s = 0; s < ten.Count; s++)
        {
            distinct.Add(string.Concat(Rows(ten, ten.Inputs, s)));
        }

        Assert.Equal(1024, distinct.Count);
    }

    [Fact]
    public void RandomSetsAreSeededAndFair()
    {
        var a = BinarySequenceSet.Random(200, 50, Rule30, 42);
        var b = BinarySequenceSet.Random(200, 50, Rule30, 42);
        var c = BinarySequenceSet.Random(200, 50, Rule30, 43);
        Assert.Equal(a.Inputs.ToArray(), b.Inputs.ToArray());
        Assert.Equal(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.NotEqual(a.Inputs.ToArray(), c.Inputs.ToArray());
        var big = BinarySequenceSet.Random(1, 1, Rule30, ulong.MaxValue);
        Assert.Equal(1, big.Count);

        // 10^4 fair bits: mean 1/2 within 5 standard deviations (0.025).
        double mean = a.Inputs.ToArray().Average(v => (double)v);
        Assert.InRange(mean, 0.475, 0.525);
        var y = new byte[a.Inputs.Length];
        Rule30.Apply(a.Inputs.Span, 50, y);
        Assert.Equal(y, a.Labels.ToArray());
    }

    [Fact]
    public void LongTestDefaultsToAThousandSequencesOfAThousand()
    {
        var set = BinarySequenceSet.LongTest(Rule30, 5);
        Assert.Equal(1000, set.Count);
        Assert.Equal(1000, set.Length);
        Assert.Equal(BinarySequenceSet.Random(1000, 1000, Rule30, 5).Labels.ToArray(), set.Labels.ToArray());
    }

    [Fact]
    public void CropLabelsAreRecomputedByTheTeacher()
    {
        var set = BinarySequenceSet.Random(64, 10, Rule30, 3);
        var random = new Random(11);
        bool sawEdgeDifference = false;
        for (int trial = 0; trial < 20; trial++)
        {
            var crop = set.RandomCrop(6, 9, Rule30, random);
            int l = crop.Length;
            Assert.InRange(l, 6, 9);

            // Find the offset from the inputs of row 0..Count-1 (the same for every row).
            int offset = Enumerable.Range(0, 10 - l + 1).Single(o => Enumerable.Range(0, set.Count)
                .All(s => Rows(crop, crop.Inputs, s).SequenceEqual(set.Inputs.Span.Slice((s * 10) + o, l).ToArray())));

            // Oracle: the naive rule 30 on each cropped row (zero padded at the crop's ends).
            byte[] expected = ElementaryCellularAutomatonTests.NaiveStep(crop.Inputs.ToArray(), l, (a, b, c) => a ^ (b | c), SequenceBoundary.Open);
            Assert.Equal(expected, crop.Labels.ToArray());

            // Inside the crop the labels agree with the full sequence's; at the edges they can differ.
            for (int s = 0; s < set.Count; s++)
            {
                for (int i = 1; i < l - 1; i++)
                {
                    Assert.Equal(set.Labels.Span[(s * 10) + offset + i], crop.Labels.Span[(s * l) + i]);
                }

                sawEdgeDifference |= (offset > 0 && set.Labels.Span[(s * 10) + offset] != crop.Labels.Span[s * l])
                    || (offset + l < 10 && set.Labels.Span[(s * 10) + offset + l - 1] != crop.Labels.Span[(s * l) + l - 1]);
            }
        }

        Assert.True(sawEdgeDifference);
    }

    [Fact]
    public void ExplicitCropDiffersFromCutLabelsAtTheEdges()
    {
        // x = 1 1 0 1 1: full labels (padded) = (0,1,1)->1, (1,1,0)->0, (1,0,1)->0, (0,1,1)->1, (1,1,0)->0.
        // Crop offset 1, length 3 = 1 0 1: (0,1,0)->1, (1,0,1)->0, (0,1,0)->1; cut labels would be 0 0 1.
        var set = BinarySequenceSet.FromInputs(new byte[] { 1, 1, 0, 1, 1 }, 5, Rule30);
        Assert.Equal(new byte[] { 1, 0, 0, 1, 0 }, set.Labels.ToArray());
        var crop = set.Crop(1, 3, Rule30);
        Assert.Equal(new byte[] { 1, 0, 1 }, crop.Inputs.ToArray());
        Assert.Equal(new byte[] { 1, 0, 1 }, crop.Labels.ToArray());
    }

    [Fact]
    public void CropsAndBatchesAreSeeded()
    {
        var set = BinarySequenceSet.All(10, Rule30);
        Assert.Equal(set.RandomCrop(6, 10, Rule30, 9UL).Inputs.ToArray(), set.RandomCrop(6, 10, Rule30, 9UL).Inputs.ToArray());
        var a = set.ShuffledBatches(128, 17UL);
        var b = set.ShuffledBatches(128, 17UL);
        var c = set.ShuffledBatches(128, 18UL);
        Assert.Equal(8, a.Count);
        Assert.Equal(a.Select(x => x.Inputs.ToArray()), b.Select(x => x.Inputs.ToArray()));
        Assert.NotEqual(a[0].Inputs.ToArray(), c[0].Inputs.ToArray());
    }

    [Fact]
    public void ShuffledBatchesArePermutationsWithTheirLabels()
    {
        var set = BinarySequenceSet.All(7, Rule30);
        var random = new Random(1);
        var epoch1 = set.ShuffledBatches(50, random);
        var epoch2 = set.ShuffledBatches(50, random);
        Assert.Equal([50, 50, 28], epoch1.Select(x => x.Count).ToArray());
        Assert.Equal(2, set.ShuffledBatches(50, 1UL, dropLast: true).Count);
        Assert.NotEqual(epoch1[0].Inputs.ToArray(), epoch2[0].Inputs.ToArray());

        // Every row of the set appears exactly once per epoch, each with its own label.
        var seen = new List<string>();
        foreach (var batch in epoch1)
        {
            var y = new byte[batch.Inputs.Length];
            Rule30.Apply(batch.Inputs.Span, 7, y);
            Assert.Equal(y, batch.Labels.ToArray());
            for (int s = 0; s < batch.Count; s++)
            {
                seen.Add(string.Concat(Rows(batch, batch.Inputs, s)));
            }
        }

        var all = Enumerable.Range(0, set.Count).Select(s => string.Concat(Rows(set, set.Inputs, s)));
        Assert.Equal(all.Order(), seen.Order());
    }

    [Fact]
    public void ErrorRatesCountWrongPositionsAndWrongSequences()
    {
        var set = BinarySequenceSet.FromInputs(new byte[] { 1, 1, 0, 1, 1, 0, 0, 0, 0, 0 }, 5, Rule30);
        byte[] predictions = set.Labels.ToArray();
        Assert.Equal(0, set.ErrorRate(predictions));
        Assert.True(set.IsEveryPositionRight(predictions));
        predictions[4] ^= 1;
        predictions[2] ^= 1;
        Assert.Equal(0.2, set.ErrorRate(predictions), 15);
        Assert.Equal(0.5, set.SequenceErrorRate(predictions), 15);
        Assert.False(set.IsEveryPositionRight(predictions));
        Assert.Equal("predictions", Assert.Throws<ArgumentException>(() => set.ErrorRate(new byte[9])).ParamName);
        Assert.Equal("predictions", Assert.Throws<ArgumentException>(() => set.ErrorRate(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 })).ParamName);
    }

    [Fact]
    public void BadInputIsRejectedWithItsParameterAndRange()
    {
        AssertRange("length", "1..20", () => BinarySequenceSet.All(0, Rule30));
        AssertRange("length", "1..20", () => BinarySequenceSet.All(21, Rule30));
        AssertRange("count", "at least 0", () => BinarySequenceSet.Random(-1, 5, Rule30, 0));
        AssertRange("length", "at least 1", () => BinarySequenceSet.Random(5, 0, Rule30, 0));
        AssertRange("count", "at most", () => BinarySequenceSet.Random(int.MaxValue, 2, Rule30, 0));
        AssertRange("length", "at least 1", () => BinarySequenceSet.LongTest(Rule30, 0, 10, 0));
        Assert.Equal("teacher", Assert.Throws<ArgumentNullException>(() => BinarySequenceSet.Random(1, 1, null!, 0)).ParamName);

        var set = BinarySequenceSet.All(5, Rule30);
        AssertRange("maxLength", "minLength..Length = 4..5", () => set.RandomCrop(4, 3, Rule30, 0UL));
        AssertRange("minLength", "1..5", () => set.RandomCrop(0, 3, Rule30, 0UL));
        AssertRange("maxLength", "4..5", () => set.RandomCrop(4, 6, Rule30, 0UL));
        AssertRange("offset", "0..4", () => set.Crop(5, 1, Rule30));
        AssertRange("length", "1..2", () => set.Crop(3, 3, Rule30));
        AssertRange("batchSize", "at least 1", () => set.ShuffledBatches(0, 0UL));
        AssertRange("rows", "0..31", () => set.Select([32]));

        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new BinarySequenceSet(Array.Empty<byte>(), Array.Empty<byte>(), 0)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new BinarySequenceSet(new byte[] { 0, 1 }, new byte[] { 0, 3 }, 2)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => BinarySequenceSet.FromInputs(new byte[] { 0, 1, 1 }, 2, Rule30)).ParamName);

        // An empty set (count 0) is allowed and has no errors.
        var empty = BinarySequenceSet.Random(0, 4, Rule30, 0);
        Assert.Equal(0, empty.Count);
        Assert.Equal(0, empty.ErrorRate([]));
        Assert.True(empty.IsEveryPositionRight([]));
        Assert.Empty(empty.ShuffledBatches(3, 0UL));
    }

    private static void AssertRange(string param, string range, Action action)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(action);
        Assert.Equal(param, e.ParamName);
        Assert.Contains(range, e.Message, StringComparison.Ordinal);
    }
}
