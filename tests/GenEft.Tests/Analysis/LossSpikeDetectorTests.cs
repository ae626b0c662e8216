using GenEft.Analysis;
using Xunit;

namespace GenEft.Tests.Analysis;

public sealed class LossSpikeDetectorTests
{
    [Fact]
    public void NoiseFreeSpikeHasItsConstructedPlaceAndMagnitude()
    {
        // Constant 1, then 4 at index 20 and 6 at 21, back to 1 at 22: one spike [20, 22), peak 21, magnitude 6.
        var loss = Enumerable.Repeat(1.0, 40).ToArray();
        loss[20] = 4;
        loss[21] = 6;
        var spikes = LossSpikeDetector.Detect(loss);
        var s = Assert.Single(spikes);
        Assert.Equal((20, 21, 22), (s.Start, s.Peak, s.End));
        Assert.Equal(1.0, s.Baseline);
        Assert.Equal(6.0, s.Magnitude);
        Assert.Equal(2, s.Duration);
        Assert.Equal(21.0, s.PeakTime);

        // With times (t = epoch x lr, lr = 5e-3) the peak time is times[21].
        var times = Enumerable.Range(0, 40).Select(e => e * 5e-3).ToArray();
        Assert.Equal(21 * 5e-3, Assert.Single(LossSpikeDetector.Detect(times, loss)).PeakTime);
    }

    [Fact]
    public void SpikesOnANoisyDecayingCurveAreFoundAndNoiseIsNot()
    {
        // loss(t) = exp(-t / 300) x exp(0.1 g_t), g_t standard normal clipped at |g| <= 3.5: the noise ratio between any
        // two points is at most exp(0.7) = 2.01 x the decay over a window, and the median halves that spread, so with
        // factor 3 no noise point can count. Spikes: x8 for 1..3 points at known places.
        const int n = 2000;
        var random = new Random(5);
        var loss = new double[n];
        for (int t = 0; t < n; t++)
        {
            double g = Math.Clamp(Normal(random), -3.5, 3.5);
            loss[t] = Math.Exp((-t / 300.0) + (0.1 * g));
        }

        Assert.Empty(LossSpikeDetector.Detect(loss, new LossSpikeCriterion(Window: 20, Factor: 3, MaxDuration: 10)));

        var starts = new[] { 100, 431, 777, 1200, 1650, 1990 };
        var durations = new[] { 1, 2, 3, 1, 2, 3 };
        var spiked = (double[])loss.Clone();
        for (int k = 0; k < starts.Length; k++)
        {
            for (int j = 0; j < durations[k]; j++)
            {
                spiked[starts[k] + j] *= 8;
            }
        }

        var spikes = LossSpikeDetector.Detect(spiked, new LossSpikeCriterion(Window: 20, Factor: 3, MaxDuration: 10));
        Assert.Equal(starts, spikes.Select(s => s.Start).ToArray());
        Assert.Equal(starts.Zip(durations, (s, d) => s + d).ToArray(), spikes.Select(s => s.End).ToArray());
        foreach (var s in spikes)
        {
            // Magnitude = 8 x the noise ratio of the peak to the window median: within 8 exp(+-0.7) x decay (< 7%).
            Assert.InRange(s.Magnitude, 8 * Math.Exp(-0.7), 8 * Math.Exp(0.8));
            Assert.InRange(s.Peak, s.Start, s.End - 1);
            Assert.Equal(spiked[s.Peak], s.PeakLoss);
        }
    }

    [Fact]
    public void ALevelChangeOrASlowReturnIsNotASpike()
    {
        // A permanent step x5 at 50; a rise lasting 12 points when MaxDuration is 10; a rise at the very end.
        var step = Enumerable.Range(0, 100).Select(t => t < 50 ? 1.0 : 5.0).ToArray();
        Assert.Empty(LossSpikeDetector.Detect(step));

        var slow = Enumerable.Repeat(1.0, 100).ToArray();
        for (int t = 40; t < 52; t++)
        {
            slow[t] = 5;
        }

        Assert.Empty(LossSpikeDetector.Detect(slow, new LossSpikeCriterion(MaxDuration: 10)));
        Assert.Single(LossSpikeDetector.Detect(slow, new LossSpikeCriterion(MaxDuration: 12)));

        var atEnd = Enumerable.Repeat(1.0, 30).ToArray();
        atEnd[29] = 9;
        Assert.Empty(LossSpikeDetector.Detect(atEnd));
    }

    [Fact]
    public void MinIncreaseIgnoresRelativeJumpsOfATinyLoss()
    {
        // Near zero, 1e-9 -> 1e-8 is a factor 10 but an absolute change of 9e-9.
        var loss = Enumerable.Repeat(1e-9, 40).ToArray();
        loss[25] = 1e-8;
        Assert.Single(LossSpikeDetector.Detect(loss));
        Assert.Empty(LossSpikeDetector.Detect(loss, new LossSpikeCriterion(MinIncrease: 1e-6)));

        // A zero baseline: any positive point above MinIncrease is a spike of infinite magnitude.
        var zero = new double[30];
        zero[15] = 0.5;
        Assert.True(double.IsPositiveInfinity(Assert.Single(LossSpikeDetector.Detect(zero)).Magnitude));
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var loss = new double[30];
        Assert.Equal("Window", Assert.Throws<ArgumentOutOfRangeException>(() => LossSpikeDetector.Detect(loss, new LossSpikeCriterion(Window: 0))).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LossSpikeDetector.Detect(loss, new LossSpikeCriterion(Factor: 1)));
        Assert.Equal("Factor", e.ParamName);
        Assert.Contains("greater than 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("Factor", Assert.Throws<ArgumentOutOfRangeException>(() => LossSpikeDetector.Detect(loss, new LossSpikeCriterion(Factor: double.NaN))).ParamName);
        Assert.Equal("MaxDuration", Assert.Throws<ArgumentOutOfRangeException>(() => LossSpikeDetector.Detect(loss, new LossSpikeCriterion(MaxDuration: 0))).ParamName);
        Assert.Equal("MinIncrease", Assert.Throws<ArgumentOutOfRangeException>(() => LossSpikeDetector.Detect(loss, new LossSpikeCriterion(MinIncrease: -1))).ParamName);
        loss[3] = double.NaN;
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => LossSpikeDetector.Detect(loss)).ParamName);
        loss[3] = -1;
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => LossSpikeDetector.Detect(loss)).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => LossSpikeDetector.Detect(new double[3], new double[30])).ParamName);
        Assert.Empty(LossSpikeDetector.Detect([]));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
