namespace GenEft.Dynamics.Repons;

/// <summary>
/// The probability that Gaussian-initialized repons collide (GenEFT Theorem 3): with a2(0) ~ N(0, sigma_a^2) and
/// c(0) ~ N(0, sigma_c^2) independent, collision happens exactly when C &gt; 0, i.e. |c / a2| &lt; s with s the separatrix
/// slope; c / a2 is (sigma_c / sigma_a) times a standard Cauchy variable, so P = (2 / pi) arctan((sigma_a / sigma_c) s).
/// </summary>
/// <remarks>
/// For the reduced system this probability is exact, not a bound; the paper calls Eq. 12 an upper bound on the
/// probability of generalization of a real network because collision is necessary but not sufficient there.
/// </remarks>
public static class ReponCollisionProbability
{
    /// <summary>GenEFT Eq. 12: P = (2 / pi) arctan((sigma_a / sigma_c) sqrt(eta_x / (2 eta_A))).</summary>
    /// <param name="sigmaA">The standard deviation of a2(0), positive.</param>
    /// <param name="sigmaC">The standard deviation of c(0), positive.</param>
    /// <param name="decoderLearningRate">eta_A, positive.</param>
    /// <param name="encoderLearningRate">eta_x, positive.</param>
    /// <returns>The collision probability in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not positive and finite.</exception>
    public static double TwoRepons(double sigmaA, double sigmaC, double decoderLearningRate, double encoderLearningRate)
        => OneAgainstCluster(sigmaA, sigmaC, decoderLearningRate, encoderLearningRate, 1);

    /// <summary>
    /// GenEFT Eq. 13, one repon against N clustered repons: P = (2 / pi) arctan((sigma_a / sigma_c) sqrt(eta_x / ((4 / (1 + 1/N)) eta_A))),
    /// where c is half the distance between the lone repon and the cluster.
    /// </summary>
    /// <param name="sigmaA">The standard deviation of a2(0), positive.</param>
    /// <param name="sigmaC">The standard deviation of c(0), positive.</param>
    /// <param name="decoderLearningRate">eta_A, positive.</param>
    /// <param name="encoderLearningRate">eta_x, positive.</param>
    /// <param name="clusterSize">N, at least 1; N = 1 is Eq. 12.</param>
    /// <returns>The collision probability in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A scale or rate is not positive and finite, or <paramref name="clusterSize"/> is less than 1.</exception>
    public static double OneAgainstCluster(double sigmaA, double sigmaC, double decoderLearningRate, double encoderLearningRate, int clusterSize)
    {
        ReponArguments.ThrowIfNotPositiveScale(sigmaA, nameof(sigmaA));
        ReponArguments.ThrowIfNotPositiveScale(sigmaC, nameof(sigmaC));
        ReponArguments.ThrowIfNotPositiveRate(decoderLearningRate, nameof(decoderLearningRate));
        ReponArguments.ThrowIfNotPositiveRate(encoderLearningRate, nameof(encoderLearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterSize, 1);
        double coupling = 4.0 / (1 + (1.0 / clusterSize));
        return 2 / Math.PI * Math.Atan(sigmaA / sigmaC * Math.Sqrt(encoderLearningRate / (coupling * decoderLearningRate)));
    }
}
