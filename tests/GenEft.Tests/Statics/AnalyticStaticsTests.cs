using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Statics;
using Xunit;

namespace GenEft.Tests.Statics;

public class AnalyticStaticsTests
{
    [Fact]
    public void Eq3ClosedForms()
    {
        Assert.Equal(0.875, InferableFraction.Of(2, 3), 15);
        Assert.Equal(0, InferableFraction.Of(7, 0));
        // b -> large: f(1) = 1/b to full relative precision (no cancellation in 1 - (1 - 1/b)).
        Assert.Equal(1e-12, InferableFraction.Of(1e12, 1), 1e-27);
        Assert.Equal(3, InferableFraction.SamplesFor(2, 0.875), 12);
    }

    [Fact]
    public void Eq4ClosedFormAndRoundTrip()
    {
        double pc = CriticalTrainingFraction.Of(0.9, 10, 30);
        Assert.Equal(Math.Log(0.1) / Math.Log(0.9) / 900, pc, 15);
        Assert.Equal(0.9, InferableFraction.Of(10, pc * 900), 12);
    }

    [Fact]
    public void Eq5ClosedFormAndRoundTrip()
    {
        // b = 4, m = 2: f = 7/16; p* = 1/3 -> f_UB = 7/16 + (2/3)(9/16) = 13/16.
        Assert.Equal(13.0 / 16, AccuracyUpperBound.Of(4, 2, 1.0 / 3), 15);
        Assert.Equal(13.0 / 16, AccuracyUpperBound.AtTrainingFraction(4, 2, 0.5, 2.0 / 3), 15);
        Assert.Equal(0.5, AccuracyUpperBound.TrainingFractionFor(13.0 / 16, 4, 2, 1.0 / 3), 12);
        Assert.Equal(0.2, GuessProbability.Equivalence(5));
    }

    [Property(MaxTest = 200)]
    public Property InversesRoundTrip() =>
        Prop.ForAll(
            Gen.Choose(2, 100_000).Select(x => x / 10.0 + 1.01).ToArbitrary(),
            Gen.Choose(1, 999).Select(x => x / 1000.0).ToArbitrary(),
            (b, f) =>
            {
                double m = InferableFraction.SamplesFor(b, f);
                double accuracy = 0.5 + f / 2;
                double fraction = AccuracyUpperBound.TrainingFractionFor(accuracy, b, 10, 0.5);
                return Math.Abs(InferableFraction.Of(b, m) - f) < 1e-9
                    && Math.Abs(AccuracyUpperBound.Of(b, fraction * 100, 0.5) - accuracy) < 1e-9;
            });

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void DescriptionLengthAtMostOneBitIsRejected(double b)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CriticalTrainingFraction.Of(0.9, b, 30));
        Assert.Equal("descriptionLength", e.ParamName);
        Assert.Contains("> 1", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void AccuracyOutsideTheOpenUnitIntervalIsRejected(double alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalTrainingFraction.Of(alpha, 10, 30)).ParamName);
    }

    [Fact]
    public void OtherDomainErrorsNameTheParameter()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalTrainingFraction.Of(0.9, 10, 0)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => InferableFraction.Of(10, -1)).ParamName);
        Assert.Equal("guessProbability", Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyUpperBound.Of(10, 1, 1.5)).ParamName);
        Assert.Equal("accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyUpperBound.TrainingFractionFor(0.6, 10, 5, 1.0 / 3)).ParamName);
        Assert.Equal("trainingFraction", Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyUpperBound.AtTrainingFraction(10, 5, -0.1, 0.5)).ParamName);
    }
}
