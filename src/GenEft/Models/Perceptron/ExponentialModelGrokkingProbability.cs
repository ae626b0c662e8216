namespace GenEft.Models.Perceptron;

/// <summary>
/// The grokking probability of the 1D exponential model, P_G = P(|xbar| &lt;= eps_l) (Žunkovič and Ilievski Eq. 11-15).
/// 2N xbar is the difference of two independent Gamma(N, 1) sums, whose tail is the finite sum
/// P(D &gt; c) = sum_{k=0}^{N-1} C(N-1+k, k) 2^-(N+k) e^-c sum_{j=0}^{N-1-k} c^j / j! (one Gamma(N) arrival count
/// against the other), so with c = 2 N eps_l: P_G = 1 - 2 P(D &gt; c). For N = 2 this is Eq. 15,
/// P_G = 1 - (1 + 2 eps_l) exp(-4 eps_l). The paper's general-N Eq. 14 is not used (its printed form has typos).
/// </summary>
public static class ExponentialModelGrokkingProbability
{
    /// <summary>P_G for any N by the finite sum.</summary>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="effectiveSeparation">eps_l (<see cref="ExponentialModelSeparation.Effective"/>), positive and finite.</param>
    /// <returns>P_G in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Exact(int samplesPerClass, double effectiveSeparation)
    {
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        PerceptronArguments.ThrowIfNotPositiveFinite(effectiveSeparation, nameof(effectiveSeparation));
        return 1 - (2 * UpperTail(samplesPerClass, 2.0 * samplesPerClass * effectiveSeparation));
    }

    /// <summary>Eq. 15, the N = 2 case: P_G = 1 - (1 + 2 eps_l) exp(-4 eps_l).</summary>
    /// <param name="effectiveSeparation">eps_l, positive and finite.</param>
    /// <returns>P_G.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveSeparation"/> is not positive and finite.</exception>
    public static double TwoSamplesPerClass(double effectiveSeparation)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(effectiveSeparation, nameof(effectiveSeparation));
        return 1 - ((1 + (2 * effectiveSeparation)) * Math.Exp(-4 * effectiveSeparation));
    }

    /// <summary>
    /// P(S1 - S2 &gt; c) for independent S1, S2 ~ Gamma(n, 1), c &gt;= 0: the negative-binomial weights in log space times
    /// the Poisson(c) probability of at most n-1-k arrivals, Q(n - k, c) (regularized upper incomplete gamma), so large n
    /// and large c neither overflow nor underflow.
    /// </summary>
    internal static double UpperTail(int n, double c)
    {
        double total = 0;
        for (int k = 0; k < n; k++)
        {
            double logWeight = LogBinomial(n - 1 + k, k) - ((n + k) * Math.Log(2));
            total += Math.Exp(logWeight) * MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(n - k, c);
        }

        return total;
    }

    internal static double LogBinomial(int n, int k)
        => MathNet.Numerics.SpecialFunctions.GammaLn(n + 1) - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1) - MathNet.Numerics.SpecialFunctions.GammaLn(n - k + 1);
}
