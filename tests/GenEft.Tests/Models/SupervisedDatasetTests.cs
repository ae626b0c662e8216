using GenEft.Models;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Models;

/// <summary>The dense supervised dataset: splits, minibatches, subsets, and the autoencoder's contract on its batches.</summary>
public sealed class SupervisedDatasetTests
{
    // Example i has feature row (i, -i), index columns (i, 100 + i) and label i % 3: every field identifies it.
    private static SupervisedDataset<double> Numbered(int count)
    {
        var features = DenseTensor<double>.Zeros(count, 2);
        for (int i = 0; i < count; i++)
        {
            features.Span[2 * i] = i;
            features.Span[(2 * i) + 1] = -i;
        }

        return new SupervisedDataset<double>(features, [Enumerable.Range(0, count).ToArray(), Enumerable.Range(100, count).ToArray()], Enumerable.Range(0, count).Select(i => i % 3).ToArray());
    }

    private static void AssertConsistent(SupervisedBatch<double> batch)
    {
        for (int r = 0; r < batch.Count; r++)
        {
            int id = batch.Indices[0].Span[r];
            Assert.Equal(100 + id, batch.Indices[1].Span[r]);
            Assert.Equal(id % 3, batch.Labels.Span[r]);
            Assert.Equal(id, batch.Features!.ReadOnlySpan[2 * r]);
            Assert.Equal(-id, batch.Features!.ReadOnlySpan[(2 * r) + 1]);
        }
    }

    [Theory]
    [InlineData(0.75, 20, 15)]
    [InlineData(0.5, 7, 4)]
    [InlineData(1.0, 5, 5)]
    [InlineData(0.0, 5, 0)]
    public void SplitIsASeededPartitionWithRoundedSizes(double fraction, int count, int trainCount)
    {
        var data = Numbered(count);
        var split = data.Split(fraction, 7UL);
        Assert.Equal(trainCount, split.Train.Count);
        Assert.Equal(count - trainCount, split.Test.Count);
        var ids = split.Train.IndexColumn(0).ToArray().Concat(split.Test.IndexColumn(0).ToArray()).Order();
        Assert.Equal(Enumerable.Range(0, count), ids);
        if (split.Train.Count > 0)
        {
            AssertConsistent(split.Train.AsBatch());
        }

        Assert.Equal(split.Train.IndexColumn(0).ToArray(), data.Split(fraction, new Random(7)).Train.IndexColumn(0).ToArray());
    }

    [Fact]
    public void DifferentSeedsGiveDifferentSplits()
    {
        var data = Numbered(30);
        Assert.NotEqual(data.Split(0.5, 1UL).Train.IndexColumn(0).ToArray(), data.Split(0.5, 2UL).Train.IndexColumn(0).ToArray());
        Assert.Equal(data.Split(0.5, 1UL).Train.IndexColumn(0).ToArray(), data.Split(0.5, 1UL).Train.IndexColumn(0).ToArray());
    }

    [Fact]
    public void MinibatchesDrawEachEpochWithoutReplacementAndDropTheRemainder()
    {
        var data = Numbered(23);
        var source = data.Minibatches(5, 3UL);
        Assert.Equal(4, source.BatchesPerEpoch);
        Assert.False(source.IsFullBatch);
        var epochs = new List<HashSet<int>>();
        SupervisedBatch<double>? previous = null;
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = new HashSet<int>();
            for (int b = 0; b < 4; b++)
            {
                var batch = source.Next();
                Assert.Same(previous ?? batch, batch); // one reused batch object
                previous = batch;
                Assert.Equal(5, batch.Count);
                AssertConsistent(batch);
                foreach (int id in batch.Indices[0].ToArray())
                {
                    Assert.True(seen.Add(id), $"example {id} twice in epoch {epoch}");
                }
            }

            Assert.Equal(20, seen.Count);
            epochs.Add(seen);
        }

        Assert.False(epochs[0].SetEquals(epochs[1]) && epochs[1].SetEquals(epochs[2]), "fresh shuffles leave out different examples");
        var again = data.Minibatches(5, 3UL);
        Assert.Equal(data.Minibatches(5, 3UL).Next().Indices[0].ToArray(), again.Next().Indices[0].ToArray());
        Assert.True(data.FullBatches().IsFullBatch);
        Assert.Same(data.AsBatch(), data.FullBatches().Next());
    }

    [Fact]
    public void FeaturesAreCopiedAndSubsetsKeepTheOrderGiven()
    {
        var features = DenseTensor<double>.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var data = new SupervisedDataset<double>(features, [1, -1, 1]);
        features.Span[0] = 99;
        Assert.Equal(1, data.Features!.ReadOnlySpan[0]);
        var subset = data.Subset([2, 0, 2]);
        Assert.Equal([5.0, 6, 1, 2, 5, 6], subset.Features!.ReadOnlySpan.ToArray());
        Assert.Equal([1, 1, 1], subset.Labels.ToArray());
        Assert.Equal(2, subset.FeatureCount);
        var empty = data.Subset([]);
        Assert.Equal(0, empty.Count);
        Assert.Equal(2, empty.FeatureCount);
        Assert.Throws<InvalidOperationException>(() => empty.AsBatch());
    }

    [Fact]
    public void InvalidDataIsRejected()
    {
        Assert.Throws<ArgumentException>("features", () => new SupervisedDataset<double>(DenseTensor<double>.Zeros(3, 2), [1, 2]));
        Assert.Throws<ArgumentException>("indices", () => new SupervisedDataset<double>(null, [], [1]));
        Assert.Throws<ArgumentException>("indices", () => SupervisedDataset<double>.FromIndexPairs([0, 1], [0], [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>("rows", () => Numbered(3).Subset([3]));
        Assert.Throws<ArgumentOutOfRangeException>("batchSize", () => Numbered(3).Minibatches(4, 0UL));
        Assert.Throws<ArgumentOutOfRangeException>("trainingFraction", () => Numbered(3).Split(1.5, 0UL));
        Assert.Throws<ArgumentException>("features", () => new SupervisedBatch<double>(DenseTensor<double>.Zeros(2, 2), [], new int[3]));
    }

    [Fact]
    public void TheAutoencoderContractMatchesItsPairMethodsAndEvaluateLeavesGradientsAlone()
    {
        var model = new RelationAutoencoder<double>(new AutoencoderConfig { ElementCount = 5, DecoderWidth = 6 }, seed: 2);
        int[] left = [0, 1, 2, 3, 4, 0], right = [1, 1, 0, 4, 2, 3], labels = [0, 1, 0, 1, 0, 1];
        var batch = SupervisedDataset<double>.FromIndexPairs(left, right, labels).AsBatch();
        var evaluation = model.ComputeGradients(batch);
        var gradients = model.Parameters().Select(p => p.Grad.ReadOnlySpan.ToArray()).ToArray();
        Assert.Equal(model.ComputeGradients(left, right, labels), evaluation.Loss);
        Assert.Equal(gradients, model.Parameters().Select(p => p.Grad.ReadOnlySpan.ToArray()).ToArray());
        var evaluated = model.Evaluate(batch);
        Assert.Equal(evaluation.Loss, evaluated.Loss);
        Assert.Equal(model.CountCorrect(left, right, labels), evaluated.Correct);
        Assert.Equal(evaluation.Correct, evaluated.Correct);
        Assert.Equal(6, evaluated.Count);
        Assert.Equal(gradients, model.Parameters().Select(p => p.Grad.ReadOnlySpan.ToArray()).ToArray());
        Assert.Equal(["encoder", "decoder"], model.ParameterGroups.Select(g => g.Name));
        Assert.Equal(model.Parameters().Count, model.ParameterGroups.Sum(g => g.Parameters.Count));
        Assert.Throws<ArgumentException>("batch", () => model.Evaluate(new SupervisedDataset<double>(DenseTensor<double>.Zeros(1, 2), [1]).AsBatch()));
        Assert.Throws<ArgumentException>("left", () => model.Evaluate(SupervisedDataset<double>.FromIndexPairs([5], [0], [1]).AsBatch()));
    }
}
