using GenEft.Models.TensorNetwork;
using GenEft.Nn;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

public class CroppedSequenceBatchesTests
{
    private static readonly LocalRule Teacher = LocalRule.Rule30(steps: 1, SequenceBoundary.Open);

    private static (double First, double Last, float[] A) Train(ulong seed)
    {
        var model = new TensorNetworkAttention<float>(6, seed: seed);
        var adam = new Adam<float>([new ParameterGroup<float>(model.Parameters(), 5e-3)]);
        var batches = new CroppedSequenceBatches(BinarySequenceSet.All(8, Teacher), Teacher, batchSize: 64, minLength: 5, maxLength: 8, seed: seed);
        double Epoch()
        {
            double sum = 0;
            for (int b = 0; b < batches.BatchesPerEpoch; b++)
            {
                var batch = batches.Next();
                sum += model.ComputeGradients(batch.Inputs.Span, batch.Labels.Span, batch.Count).Loss;
                adam.Step();
            }

            return sum / batches.BatchesPerEpoch;
        }

        double first = Epoch(), last = first;
        for (int e = 0; e < 60; e++) last = Epoch();
        return (first, last, model.Attention.Value.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void AdamEpochsLowerTheLossAndRepeatWithTheSeed()
    {
        var a = Train(4);
        var b = Train(4);
        Assert.Equal(a.A, b.A);
        Assert.True(a.Last < 0.8 * a.First, $"loss {a.First} -> {a.Last}");
    }

    [Fact]
    public void AnEpochIsAPermutationOfTheSetCutIntoCropsRelabelledByTheTeacher()
    {
        var train = BinarySequenceSet.All(6, Teacher);
        var source = new CroppedSequenceBatches(train, Teacher, batchSize: 16, minLength: 3, maxLength: 5, seed: 9);
        Assert.Equal(4, source.BatchesPerEpoch);
        Assert.False(source.IsFullBatch);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seenLengths = new HashSet<int>();
            var rowsPerEpoch = 0;
            for (int b = 0; b < source.BatchesPerEpoch; b++)
            {
                var batch = source.Next();
                Assert.Equal(16, batch.Count);
                Assert.InRange(batch.Length, 3, 5);
                seenLengths.Add(batch.Length);
                rowsPerEpoch += batch.Count;

                // Labels are rule 30 of the crop itself (zero padded at the crop's ends), by hand.
                var x = batch.Inputs.Span;
                var y = batch.Labels.Span;
                int m = batch.Length;
                for (int s = 0; s < batch.Count; s++)
                {
                    for (int i = 0; i < m; i++)
                    {
                        int l = i > 0 ? x[(s * m) + i - 1] : 0, c = x[(s * m) + i], r = i < m - 1 ? x[(s * m) + i + 1] : 0;
                        Assert.Equal(l ^ (c | r), y[(s * m) + i]);
                    }
                }
            }

            Assert.Equal(64, rowsPerEpoch);
        }

        // dropLast = false keeps a short last batch; = true (the default) drops it.
        Assert.Equal(5, new CroppedSequenceBatches(train, Teacher, batchSize: 15, minLength: 3, maxLength: 5, dropLast: false).BatchesPerEpoch);
        Assert.Equal(4, new CroppedSequenceBatches(train, Teacher, batchSize: 15, minLength: 3, maxLength: 5).BatchesPerEpoch);
    }

    [Fact]
    public void TheCropsOfOneEpochComeFromDistinctSequences()
    {
        // With crops of the full length the batches of one epoch hold every sequence exactly once.
        var train = BinarySequenceSet.All(5, Teacher);
        var source = new CroppedSequenceBatches(train, Teacher, batchSize: 8, minLength: 5, maxLength: 5, seed: 3);
        var seen = new HashSet<string>();
        for (int b = 0; b < source.BatchesPerEpoch; b++)
        {
            var batch = source.Next();
            for (int s = 0; s < batch.Count; s++)
            {
                Assert.True(seen.Add(Convert.ToHexString(batch.Inputs.Span.Slice(s * 5, 5))));
            }
        }

        Assert.Equal(32, seen.Count);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var train = BinarySequenceSet.All(4, Teacher);
        Assert.Equal("minLength", Assert.Throws<ArgumentOutOfRangeException>(() => new CroppedSequenceBatches(train, Teacher, 4, minLength: 5, maxLength: 5)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => new CroppedSequenceBatches(train, Teacher, 4, minLength: 2, maxLength: 1)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => new CroppedSequenceBatches(train, Teacher, 4, minLength: 2, maxLength: 5)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new CroppedSequenceBatches(train, Teacher, 0, minLength: 1, maxLength: 2)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new CroppedSequenceBatches(train, Teacher, 17, minLength: 1, maxLength: 2)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new CroppedSequenceBatches(null!, Teacher));
        Assert.Throws<ArgumentNullException>(() => new CroppedSequenceBatches(train, null!));
    }
}
