using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GenEft.Experiments;
using Xunit;

namespace GenEft.Tests.Experiments;

public sealed class PhaseClassifierTests
{
    // A synthetic curve evaluated every `interval` steps up to `end`: each accuracy is `low` before its crossing step
    // and `high` from it on (null: never crosses).
    private static IEnumerable<LearningCurvePoint> StepCurve(long? trainAt, long? testAt, long end = 100_000, long interval = 100, double low = 0.5, double high = 1.0)
    {
        for (long s = 0; s <= end; s += interval)
        {
            double train = trainAt is { } t && s >= t ? high : low;
            double test = testAt is { } u && s >= u ? high : low;
            yield return new LearningCurvePoint(s, 0.1, train, test, (train + test) / 2);
        }
    }

    [Fact]
    public void BothReachedCloseTogetherIsGeneralization()
    {
        var outcome = PhaseClassifier.Classify(StepCurve(1_000, 1_500));
        Assert.Equal(Phase.Generalization, outcome.Phase);
        Assert.Equal(1_000, outcome.TrainReachedStep);
        Assert.Equal(1_500, outcome.TestReachedStep);
        Assert.Equal(500, outcome.GrokkingDelay);
        Assert.Equal(1_500, outcome.LastStep); // certain as soon as both are reached
    }

    [Fact]
    public void DelayOfExactlyTheGrokkingDelayIsGrokkingAndOneLessIsGeneralization()
    {
        Assert.Equal(Phase.Grokking, PhaseClassifier.Classify(StepCurve(2_000, 3_000)).Phase);
        Assert.Equal(Phase.Generalization, PhaseClassifier.Classify(StepCurve(2_001, 3_000, interval: 1)).Phase);
        Assert.Equal(999, PhaseClassifier.Classify(StepCurve(2_001, 3_000, interval: 1)).GrokkingDelay);
    }

    [Fact]
    public void LongDelayIsGrokking()
    {
        var outcome = PhaseClassifier.Classify(StepCurve(500, 40_000));
        Assert.Equal(Phase.Grokking, outcome.Phase);
        Assert.Equal(39_500, outcome.GrokkingDelay);
    }

    [Fact]
    public void TrainWithoutTestIsMemorizationAndOnlyCertainAtTheBudget()
    {
        var tracker = new PhaseTracker();
        Assert.False(tracker.Observe(0, 0.7, 0.5, 0.5));
        Assert.False(tracker.Observe(10, 0.1, 0.99, 0.6));
        Assert.False(tracker.Observe(99_999, 0.01, 1.0, 0.6));
        Assert.Equal(Phase.Memorization, tracker.Outcome.Phase);
        Assert.True(tracker.Observe(100_000, 0.01, 1.0, 0.6));
        var outcome = tracker.Outcome;
        Assert.Equal(Phase.Memorization, outcome.Phase);
        Assert.Equal(10, outcome.TrainReachedStep);
        Assert.Null(outcome.TestReachedStep);
        Assert.Null(outcome.GrokkingDelay);
        Assert.Equal(100_000, outcome.LastStep);
    }

    [Fact]
    public void NeitherReachedIsConfusion()
    {
        var outcome = PhaseClassifier.Classify(StepCurve(null, null));
        Assert.Equal(Phase.Confusion, outcome.Phase);
        Assert.Null(outcome.TrainReachedStep);
        Assert.Null(outcome.TestReachedStep);
        Assert.Equal(100_000, outcome.LastStep);
    }

    [Fact]
    public void TestReachedFirstThenTrainIsGeneralizationWithNegativeDelay()
    {
        var outcome = PhaseClassifier.Classify(StepCurve(30_000, 1_000));
        Assert.Equal(Phase.Generalization, outcome.Phase);
        Assert.Equal(-29_000, outcome.GrokkingDelay);
    }

    [Fact]
    public void TestReachedButTrainNeverIsConfusionAndKeepsTheTestStep()
    {
        var outcome = PhaseClassifier.Classify(StepCurve(null, 700));
        Assert.Equal(Phase.Confusion, outcome.Phase);
        Assert.Null(outcome.TrainReachedStep);
        Assert.Equal(700, outcome.TestReachedStep);
    }

    [Fact]
    public void AccuracyEqualToTheThresholdDoesNotCount()
    {
        // 810 / 900 is exactly the double nearest 0.9, as an all-pairs accuracy can be.
        double tie = 810.0 / 900.0;
        Assert.Equal(0.9, tie);
        Assert.Equal(Phase.Confusion, PhaseClassifier.Classify(StepCurve(0, 0, high: tie)).Phase);
        Assert.Equal(Phase.Generalization, PhaseClassifier.Classify(StepCurve(0, 0, high: Math.BitIncrement(tie))).Phase);
    }

    [Fact]
    public void CrossingAtTheBudgetCountsAndAfterItDoesNot()
    {
        var atBudget = PhaseClassifier.Classify(StepCurve(0, 100_000, end: 200_000));
        Assert.Equal(Phase.Grokking, atBudget.Phase);
        Assert.Equal(100_000, atBudget.TestReachedStep);
        var after = PhaseClassifier.Classify(StepCurve(0, 100_100, end: 200_000));
        Assert.Equal(Phase.Memorization, after.Phase);
        Assert.Equal(100_000, after.LastStep);
    }

    [Fact]
    public void CustomCriteriaAreUsed()
    {
        var criteria = new PhaseCriteria { Threshold = 0.5, Budget = 1_000, GrokkingDelay = 10 };
        var outcome = PhaseClassifier.Classify(StepCurve(100, 200, low: 0.4, high: 0.6), criteria);
        Assert.Equal(Phase.Grokking, outcome.Phase);
        Assert.Equal(Phase.Memorization, PhaseClassifier.Classify(StepCurve(100, 2_000, low: 0.4, high: 0.6), criteria).Phase);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteLossIsDivergenceAndCertain(double loss)
    {
        var tracker = new PhaseTracker();
        Assert.False(tracker.Observe(0, 0.7, 0.95, 0.5));
        Assert.True(tracker.Observe(50, loss, 0.95, 0.5));
        Assert.Equal(Phase.Divergence, tracker.Outcome.Phase);
        Assert.Equal(50, tracker.Outcome.DivergedStep);
        Assert.Equal(0, tracker.Outcome.TrainReachedStep);
    }

    [Fact]
    public void DivergenceAfterThePhaseIsCertainIsIgnored()
    {
        var curve = new[]
        {
            new LearningCurvePoint(0, 0.7, 0.95, 0.95, 0.95),
            new LearningCurvePoint(1, double.NaN, 0.1, 0.1, 0.1),
        };
        var outcome = PhaseClassifier.Classify(curve);
        Assert.Equal(Phase.Generalization, outcome.Phase);
        Assert.Null(outcome.DivergedStep);
    }

    [Fact]
    public void NaNAccuracyNeverCounts()
    {
        var curve = new[] { new LearningCurvePoint(0, 0.1, 1.0, double.NaN, 0.75), new LearningCurvePoint(100_000, 0.1, 1.0, double.NaN, 0.75) };
        Assert.Equal(Phase.Memorization, PhaseClassifier.Classify(curve).Phase);
    }

    [Fact]
    public void EmptyCurveIsUndecidedConfusion()
    {
        var outcome = PhaseClassifier.Classify([]);
        Assert.Equal(Phase.Confusion, outcome.Phase);
        Assert.Equal(0, outcome.LastStep);
    }

    [Fact]
    public void StepsThatDoNotIncreaseAreRejected()
    {
        var curve = new[] { new LearningCurvePoint(5, 0.1, 0.5, 0.5, 0.5), new LearningCurvePoint(5, 0.1, 0.5, 0.5, 0.5) };
        Assert.Throws<ArgumentException>("curve", () => PhaseClassifier.Classify(curve));
        Assert.Throws<ArgumentNullException>("curve", () => PhaseClassifier.Classify(null!));
        var tracker = new PhaseTracker();
        tracker.Observe(3, 0.1, 0.5, 0.5);
        Assert.Throws<ArgumentOutOfRangeException>("step", () => tracker.Observe(3, 0.1, 0.5, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>("step", () => new PhaseTracker().Observe(-1, 0.1, 0.5, 0.5));
    }

    [Fact]
    public void CriteriaRejectOutOfRangeValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Threshold", () => new PhaseCriteria { Threshold = 1.01 });
        Assert.Throws<ArgumentException>("criteria", () => new PhaseTracker(new PhaseCriteria { Threshold = 1.0 })); // nothing exceeds 1
        Assert.Throws<ArgumentException>("criteria", () => PhaseClassifier.Classify([], new PhaseCriteria { Threshold = 1.0 }));
        Assert.Throws<ArgumentOutOfRangeException>("TimeBudget", () => new PhaseCriteria { TimeBudget = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("GrokkingDelay", () => new PhaseCriteria { GrokkingDelay = double.PositiveInfinity });
        Assert.Throws<ArgumentOutOfRangeException>("Comparison", () => new PhaseCriteria { Comparison = (ThresholdComparison)5 });
        Assert.Throws<ArgumentOutOfRangeException>("Threshold", () => new PhaseCriteria { Threshold = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>("Threshold", () => new PhaseCriteria { Threshold = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>("Budget", () => new PhaseCriteria { Budget = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("GrokkingDelay", () => new PhaseCriteria { GrokkingDelay = -1 });
        Assert.Equal(0.9, PhaseCriteria.Table4.Threshold);
        Assert.Equal(100_000, PhaseCriteria.Table4.Budget);
        Assert.Equal(1_000, PhaseCriteria.Table4.GrokkingDelay);
    }

    [Fact]
    public void ClassifierValidatesPointsAfterThePhaseIsCertainAsTheTrackerDoes()
    {
        // Issue 14, item 6: once certain (both crossed at step 0) the classifier used to stop reading, so decreasing
        // steps later in the curve went unnoticed while the tracker rejects them.
        var curve = new[]
        {
            new LearningCurvePoint(0, 0.1, 0.95, 0.95, 0.95),
            new LearningCurvePoint(10, 0.1, 0.95, 0.95, 0.95),
            new LearningCurvePoint(5, 0.1, 0.95, 0.95, 0.95),
        };
        var error = Assert.Throws<ArgumentException>("curve", () => PhaseClassifier.Classify(curve));
        Assert.Contains("point 2", error.Message);
        var tracker = new PhaseTracker();
        Assert.True(tracker.Observe(curve[0]));
        Assert.True(tracker.Observe(curve[1]));
        Assert.Throws<ArgumentOutOfRangeException>("step", () => tracker.Observe(curve[2]));

        // The same rules for times and accuracies, in both.
        var backInTime = new[] { new LearningCurvePoint(0, 2.0, 0.1, 0.95, 0.95, 0.95), new LearningCurvePoint(1, 1.0, 0.1, 0.5, 0.5, 0.5) };
        Assert.Throws<ArgumentException>("curve", () => PhaseClassifier.Classify(backInTime));
        Assert.Throws<ArgumentOutOfRangeException>("time", () => { var t = new PhaseTracker(); t.Observe(backInTime[0]); t.Observe(backInTime[1]); });
        var badAccuracy = new[] { new LearningCurvePoint(0, 0.1, 1.5, 0.5, 0.5) };
        Assert.Throws<ArgumentException>("curve", () => PhaseClassifier.Classify(badAccuracy));
        Assert.Throws<ArgumentOutOfRangeException>("trainAccuracy", () => new PhaseTracker().Observe(badAccuracy[0]));
        Assert.Throws<ArgumentException>("curve", () => PhaseClassifier.Classify([new LearningCurvePoint(0, double.NaN, 0.1, 0.5, 0.5, 0.5)]));
    }

    [Fact]
    public void AtLeastTheThresholdCountsTheTieThatStrictlyAboveDoesNot()
    {
        double tie = 810.0 / 900.0;
        var inclusive = new PhaseCriteria { Comparison = ThresholdComparison.GreaterThanOrEqual };
        Assert.Equal(Phase.Confusion, PhaseClassifier.Classify(StepCurve(0, 0, high: tie)).Phase);
        Assert.Equal(Phase.Generalization, PhaseClassifier.Classify(StepCurve(0, 0, high: tie), inclusive).Phase);
        Assert.Equal(Phase.Confusion, PhaseClassifier.Classify(StepCurve(0, 0, high: Math.BitDecrement(tie)), inclusive).Phase);
    }

    // Curve with time = step x rate.
    private static IEnumerable<LearningCurvePoint> Timed(IEnumerable<LearningCurvePoint> curve, double rate) =>
        curve.Select(p => p with { Time = p.Step * rate });

    [Fact]
    public void GrokkingDelayCanBeMeasuredInTime()
    {
        // Train at step 1000, test at step 3000: 2000 steps; with lr 0.01 that is 20 time units.
        var criteria = new PhaseCriteria { DelayAxis = CurveAxis.Time, GrokkingDelay = 25 };
        var outcome = PhaseClassifier.Classify(Timed(StepCurve(1_000, 3_000), 0.01), criteria);
        Assert.Equal(Phase.Generalization, outcome.Phase);
        Assert.Equal(20, outcome.GrokkingTime!.Value, 12);
        Assert.Equal(2_000, outcome.GrokkingDelay);
        Assert.Equal(10, outcome.TrainReachedTime!.Value, 12);
        Assert.Equal(Phase.Grokking, PhaseClassifier.Classify(Timed(StepCurve(1_000, 3_000), 0.01), criteria with { GrokkingDelay = 20 }).Phase);
        Assert.Equal(Phase.Grokking, PhaseClassifier.Classify(Timed(StepCurve(1_000, 3_000), 0.02), criteria).Phase);
    }

    [Fact]
    public void TestBeforeTrainCanBeIgnoredUntilTrainIsReached()
    {
        // Test above the threshold from step 1000 on, train from 30000: by default generalization (delay -29000); when
        // test crossings before train are ignored, the test step is 30000 (delay 0), still generalization.
        var ignore = new PhaseCriteria { TestBeforeTrain = TestBeforeTrainRule.IgnoreUntilTrainReached };
        var outcome = PhaseClassifier.Classify(StepCurve(30_000, 1_000), ignore);
        Assert.Equal(Phase.Generalization, outcome.Phase);
        Assert.Equal(30_000, outcome.TestReachedStep);
        Assert.Equal(0, outcome.GrokkingDelay);

        // A test accuracy that passed only before train did: memorization under the rule, generalization by default.
        var spike = new List<LearningCurvePoint>();
        for (long s = 0; s <= 100_000; s += 100)
        {
            spike.Add(new LearningCurvePoint(s, 0.1, s >= 5_000 ? 1.0 : 0.5, s is >= 1_000 and < 2_000 ? 0.95 : 0.5, 0.5));
        }

        Assert.Equal(Phase.Generalization, PhaseClassifier.Classify(spike).Phase);
        Assert.Equal(Phase.Memorization, PhaseClassifier.Classify(spike, ignore).Phase);
    }

    [Fact]
    public void TimeBudgetIgnoresLaterObservationsAndMakesThePhaseCertain()
    {
        var criteria = new PhaseCriteria { TimeBudget = 50 };
        var tracker = new PhaseTracker(criteria);
        Assert.False(tracker.Observe(new LearningCurvePoint(0, 0, 0.1, 0.95, 0.5, 0.7)));
        Assert.True(tracker.Observe(new LearningCurvePoint(10, 50, 0.1, 0.95, 0.5, 0.7)));
        Assert.Equal(Phase.Memorization, tracker.Outcome.Phase);
        Assert.Equal(50, tracker.Outcome.LastTime);
        Assert.Equal(Phase.Memorization, PhaseClassifier.Classify(Timed(StepCurve(0, 6_000), 0.01), criteria).Phase);
    }

    [Fact]
    public void ZeroErrorCriteriaGiveThePerceptronGrokkingTime()
    {
        // Training error 0 from t = 2.5, test error 0 from t = 7.5: t_G = 5 (and an error of 0.001 is not zero).
        var curve = Enumerable.Range(0, 201).Select(i => new LearningCurvePoint(i, i * 0.05, 0.1, i >= 50 ? 1.0 : 0.999, i >= 150 ? 1.0 : 0.999, 0.5)).ToList();
        var outcome = PhaseClassifier.Classify(curve, PhaseCriteria.ZeroErrorGrokking);
        Assert.Equal(Phase.Grokking, outcome.Phase);
        Assert.Equal(5.0, outcome.GrokkingTime!.Value, 12);
        Assert.Equal(2.5, outcome.TrainReachedTime!.Value, 12);
        Assert.Equal(ThresholdComparison.GreaterThanOrEqual, PhaseCriteria.ZeroErrorGrokking.Comparison);
        Assert.Equal(1.0, PhaseCriteria.ZeroErrorGrokking.Threshold);
    }

    // Table 4 read literally, on the first crossing steps (null = not within the budget).
    private static Phase Table4(long? train, long? test) => (train, test) switch
    {
        ({ } a, { } b) => b - a < 1_000 ? Phase.Generalization : Phase.Grokking,
        ({ }, null) => Phase.Memorization,
        _ => Phase.Confusion,
    };

    [Property(MaxTest = 300)]
    public void RandomNoisyCurvesClassifyAsTable4OnTheirFirstCrossings(PositiveInt seedBox)
    {
        var random = new Random(seedBox.Get);
        int interval = random.Next(1, 400);
        var curve = new List<LearningCurvePoint>();
        long? train = null, test = null;
        for (long s = 0; s <= 120_000; s += interval)
        {
            // Random walks that sometimes cross 0.9 and fall back (first crossing is what counts).
            double a = Math.Clamp(0.5 + (0.6 * random.NextDouble()) - 0.15, 0, 1);
            double b = Math.Clamp(0.4 + (0.6 * random.NextDouble()) - 0.15, 0, 1);
            if (random.NextDouble() < 0.98)
            {
                a = Math.Min(a, 0.9);
                b = Math.Min(b, 0.9);
            }

            curve.Add(new LearningCurvePoint(s, 0.3, a, b, (a + b) / 2));
            if (s <= 100_000)
            {
                train ??= a > 0.9 ? s : null;
                test ??= b > 0.9 ? s : null;
            }
        }

        var outcome = PhaseClassifier.Classify(curve);
        Assert.Equal(Table4(train, test), outcome.Phase);
        Assert.Equal(train, outcome.TrainReachedStep);
        Assert.Equal(test, outcome.TestReachedStep);
    }
}
