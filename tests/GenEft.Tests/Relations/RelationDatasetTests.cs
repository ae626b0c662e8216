using FsCheck.Xunit;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Relations;

public class RelationDatasetTests
{
    [Property(MaxTest = 50)]
    public bool SplitIsAPartitionOfAllSamplesWithTrueLabels(int seed, byte fractionByte)
    {
        var relation = RelationGenerators.EqualityModulo(13, 3);
        var data = new RelationDataset(relation);
        double fraction = fractionByte / 255.0;
        var split = data.Split(fraction, (ulong)seed);
        var seen = new HashSet<int>();
        foreach (var part in new[] { split.Train, split.Test })
            for (int t = 0; t < part.Count; t++)
            {
                if (!seen.Add(part.Left[t] * 13 + part.Right[t])) return false;
                if (part.Label[t] != (relation[part.Left[t], part.Right[t]] ? 1 : 0)) return false;
            }
        return seen.Count == 169 && split.Train.Count == data.TrainingCount(fraction);
    }

    [Fact]
    public void TrainingCountFollowsTable3()
    {
        var data = new RelationDataset(RelationGenerators.EqualityModulo(30, 3));
        Assert.Equal(675, data.TrainingCount(0.75));
        Assert.Equal("trainingFraction", Assert.Throws<ArgumentOutOfRangeException>(() => data.TrainingCount(1.5)).ParamName);
    }

    [Fact]
    public void SameSeedSameSplitDifferentSeedDifferentSplit()
    {
        var data = new RelationDataset(RelationGenerators.LessThan(20));
        var a = data.Split(0.5, 42);
        Assert.Equal(a.Train.Left, data.Split(0.5, 42).Train.Left);
        Assert.NotEqual(a.Train.Left, data.Split(0.5, 43).Train.Left);
    }

    [Fact]
    public void UlongSeedsUpToIntMaxAreTheFormerIntSeedsAndLargerOnesAreValid()
    {
        // The seed type became ulong: a non-negative int seed must give the split it gave before (new Random(seed)).
        var data = new RelationDataset(RelationGenerators.LessThan(12));
        foreach (int seed in new[] { 0, 1, 42, int.MaxValue })
        {
            Assert.Equal(data.Split(0.5, new Random(seed)).Train.Left, data.Split(0.5, (ulong)seed).Train.Left);
        }

        Assert.NotEqual(data.Split(0.5, 1UL << 40).Train.Left, data.Split(0.5, (1UL << 40) + 1).Train.Left);
        Assert.Throws<ArgumentNullException>("random", () => data.Split(0.5, null!));
    }
}
