using GenEft.Dynamics.Repons;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using Xunit;

namespace GenEft.Tests.Dynamics;

public class ReponCollisionProbabilityTests
{
    [Theory]
    [InlineData(1.0, 1.0, 1.0, 1.0, 1)]
    [InlineData(2.0, 0.5, 0.1, 3.0, 1)]
    [InlineData(0.3, 1.0, 1.0, 0.01, 1)]
    [InlineData(1.0, 1.0, 1.0, 1.0, 2)]
    [InlineData(1.5, 0.7, 0.2, 1.0, 5)]
    [InlineData(1.0, 2.0, 3.0, 1.0, 10)]
    public void MatchesTheGaussianMassOfTheCollisionWedge(double sigmaA, double sigmaC, double etaA, double etaX, int n)
    {
        // Independent oracle: P(|c| < s |a2|) = integral over a2 of phi(a2) (2 Phi(s |a2| / sigma_c) - 1), by quadrature.
        double slope = Math.Sqrt(etaX * (1 + (1.0 / n)) / (4 * etaA));
        double quadrature = 2 * GaussLegendreRule.Integrate(
            a => Normal.PDF(0, sigmaA, a) * ((2 * Normal.CDF(0, sigmaC, slope * a)) - 1), 0, 12 * sigmaA, 256);
        Assert.Equal(quadrature, ReponCollisionProbability.OneAgainstCluster(sigmaA, sigmaC, etaA, etaX, n), 9);
    }

    [Fact]
    public void KnownValuesAndLimits()
    {
        // eta_x = 2 eta_A with equal scales puts the separatrix on the diagonal: P = 1/2.
        Assert.Equal(0.5, ReponCollisionProbability.TwoRepons(1, 1, 1, 2), 15);
        Assert.Equal(ReponCollisionProbability.TwoRepons(1.3, 0.4, 0.2, 0.7), ReponCollisionProbability.OneAgainstCluster(1.3, 0.4, 0.2, 0.7, 1), 15);

        // N -> infinity: the coupling tends to 4, so P -> (2/pi) arctan(sqrt(eta_x / (4 eta_A))).
        Assert.Equal(2 / Math.PI * Math.Atan(0.5), ReponCollisionProbability.OneAgainstCluster(1, 1, 1, 1, 1_000_000), 6);
        Assert.True(ReponCollisionProbability.OneAgainstCluster(1, 1, 1, 1, 10) < ReponCollisionProbability.OneAgainstCluster(1, 1, 1, 1, 2));
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>("sigmaA", () => ReponCollisionProbability.TwoRepons(0, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("sigmaC", () => ReponCollisionProbability.TwoRepons(1, -1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("decoderLearningRate", () => ReponCollisionProbability.TwoRepons(1, 1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("encoderLearningRate", () => ReponCollisionProbability.TwoRepons(1, 1, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("clusterSize", () => ReponCollisionProbability.OneAgainstCluster(1, 1, 1, 1, 0));
    }
}
