using GenEft.Statics;
using MathNet.Numerics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The grokking time of the 1D exponential model and its distribution over training sets.
/// </summary>
/// <remarks>
/// <para>
/// Eq. 16 (Žunkovič and Ilievski): when the flow starts above every positive sample, the training error reaches 0 when b
/// passes the smallest positive x = epsilon + x_min and the test error when b passes epsilon, so by Eq. 6
/// t_G = ln((epsilon + x_min - xbar_l) / (epsilon - xbar_l)) / (1 + lambda2), independent of b0.
/// </para>
/// <para>
/// Its density, conditioned on grokking (|xbar| &lt;= eps_l), is derived here for any N. Write x_min = m ~ Exp(N); by
/// memorylessness the other N - 1 positive offsets exceed m by independent Exp(1) amounts, so
/// xbar = m/2 + Y with Y = (S' - S)/(2N), S' ~ Gamma(N-1, 1), S ~ Gamma(N, 1), independent of m. With r = 1 + lambda2,
/// e^(r t_G) = 1 + r Q, Q = m / (eps_l - xbar). Changing variables from Y to Q at fixed m gives
/// f_Q(q) = integral over m in (0, 2 eps_l q) of N e^(-N m) f_Y(eps_l - m/2 - m/q) m / q^2 dm (the upper limit is the
/// grokking condition xbar &gt; -eps_l), and f_T(t) = f_Q(q(t)) e^(r t) / P_G with q(t) = (e^(r t) - 1) / r. For N = 2 the
/// integral is elementary (<see cref="LogDensityTwoSamplesPerClass"/>), the quantity of the paper's Eq. 17; for other N it
/// is evaluated by tanh-sinh quadrature on the two pieces where f_Y is smooth.
/// </para>
/// </remarks>
public static class ExponentialModelGrokkingTime
{
    /// <summary>Eq. 16: t_G = ln((epsilon + x_min - xbar_l) / (epsilon - xbar_l)) / (1 + lambda2).</summary>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="minPositiveOffset">x_min, the smallest positive offset, non-negative and finite.</param>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>t_G, or +infinity when epsilon &lt;= xbar_l (the test error never reaches 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Compute(double epsilon, double minPositiveOffset, double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotPositiveFinite(epsilon, nameof(epsilon));
        PerceptronArguments.ThrowIfNegativeOrNotFinite(minPositiveOffset, nameof(minPositiveOffset));
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        double rate = 1 + regularization.L2, gap = (ExponentialModelSeparation.Effective(epsilon, regularization) - mean) / rate;
        return gap > 0 ? AccurateMath.Log1P(minPositiveOffset / gap) / rate : double.PositiveInfinity;
    }

    /// <summary>The density of t_G over grokking training sets, any N (integrates to 1 over t &gt;= 0).</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The density at t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Density(double time, int samplesPerClass, double epsilon, PerceptronRegularization regularization)
        => Math.Exp(LogDensity(time, samplesPerClass, epsilon, regularization));

    /// <summary>The natural logarithm of <see cref="Density"/>, finite for every t (the density decays like e^(-r t)).</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="samplesPerClass">N, at least 1.</param>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>ln f_T(t).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double LogDensity(double time, int samplesPerClass, double epsilon, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(time, nameof(time));
        PerceptronArguments.ThrowIfLessThanOne(samplesPerClass, nameof(samplesPerClass));
        double el = ExponentialModelSeparation.Effective(epsilon, regularization), rate = 1 + regularization.L2;
        int n = samplesPerClass;
        var (logQ, inverseQ) = QOf(time, rate);
        double logPg = Math.Log(ExponentialModelGrokkingProbability.Exact(n, el));
        double fy(double y) => 2.0 * n * GammaDifferenceDensity.Density(2.0 * n * y, n - 1, n);
        double logFq;
        if (inverseQ >= 1)
        {
            // q <= 1: substitute m = q v, so f_Q = integral over v in (0, 2 eps_l) of N e^(-N q v) f_Y(eps_l - v (q/2 + 1)) v dv.
            double q = Math.Exp(logQ), split = 2 * el / (q + 2), decay = 2.0 * n * (q + 1);
            double upper = Math.Min(2 * el, split + (45 / decay));
            double f(double v) => n * Math.Exp(-n * q * v) * fy(el - (v * ((q / 2) + 1))) * v;
            logFq = Math.Log(Integrate.DoubleExponential(f, 0, split, 1e-13) + Integrate.DoubleExponential(f, split, upper, 1e-13));
        }
        else
        {
            // q > 1: integrate over m and keep the 1/q^2 outside, in log space, so q up to e^700 and beyond is fine.
            double split = 2 * el / (1 + (2 * inverseQ)), decay = 2.0 * n * (1 + inverseQ);
            double upper = Math.Min(2 * el / inverseQ, split + (45 / decay));
            double f(double m) => n * Math.Exp(-n * m) * fy(el - (m * (0.5 + inverseQ))) * m;
            logFq = Math.Log(Integrate.DoubleExponential(f, 0, split, 1e-13) + Integrate.DoubleExponential(f, split, upper, 1e-13)) - (2 * logQ);
        }

        return logFq + (rate * time) - logPg;
    }

    /// <summary>The density of t_G over grokking training sets for N = 2, in closed form (the paper's Eq. 17 quantity).</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The density at t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double DensityTwoSamplesPerClass(double time, double epsilon, PerceptronRegularization regularization)
        => Math.Exp(LogDensityTwoSamplesPerClass(time, epsilon, regularization));

    /// <summary>
    /// ln f_T(t) for N = 2, evaluated in log space. With e = eps_l, x = 8e/(q+2), gamma = (2q+2)/(q+2),
    /// U = 8e(q+1)^2/(q+2) and P(k, .) the regularized lower incomplete gamma:
    /// f_Q(q) = e^(-4e) ((x-1)e^x + 1)/8 + 2 e^(-4eq/(q+2)) [P(3,U)/gamma^3 + (2e + 1/4) P(2,U)/gamma^2 + e P(1,U)/gamma] / (q+2)^2
    /// (the pieces xbar &lt;= m/2 and xbar &gt; m/2 of the integral in the remarks), and f_T(t) = f_Q(q(t)) e^(r t) / P_G.
    /// Every factor stays finite for t in [0, infinity): the first term's (x-1)e^x + 1 is summed as a series for small x.
    /// </summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="epsilon">Half the gap, positive and finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>ln f_T(t).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double LogDensityTwoSamplesPerClass(double time, double epsilon, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(time, nameof(time));
        double e = ExponentialModelSeparation.Effective(epsilon, regularization), rate = 1 + regularization.L2;
        var (logQ, w) = QOf(time, rate);

        // 1/(q+2) = w/(1+2w) and ln(q+2) = ln q + ln(1+2w), both finite from q = 0 (w = inf) to q = inf (w = 0).
        double inverseQPlus2 = double.IsPositiveInfinity(w) ? 0.5 : w / (1 + (2 * w));
        double logQPlus2 = double.IsPositiveInfinity(w) ? Math.Log(2) : logQ + Math.Log(1 + (2 * w));
        double x = 8 * e * inverseQPlus2, logX = Math.Log(8 * e) - logQPlus2;
        double logPart1 = (-4 * e) - Math.Log(8) + LogShiftedExponential(x, logX);

        double q = Math.Exp(logQ);
        double gamma = double.IsPositiveInfinity(w) ? 1 : (2 + (2 * w)) / (1 + (2 * w));
        double u = double.IsPositiveInfinity(q) ? double.PositiveInfinity : 8 * e * (q + 1) * (q + 1) * inverseQPlus2;
        double bracket = (LowerGamma(3, u) / (gamma * gamma * gamma)) + ((2 * e) + 0.25) * LowerGamma(2, u) / (gamma * gamma) + (e * LowerGamma(1, u) / gamma);
        double logPart2 = Math.Log(2) - (2 * logQPlus2) - (4 * e * (1 - (2 * inverseQPlus2))) + Math.Log(bracket);

        double max = Math.Max(logPart1, logPart2);
        double logFq = max + Math.Log(Math.Exp(logPart1 - max) + Math.Exp(logPart2 - max));
        return logFq + (rate * time) - Math.Log(ExponentialModelGrokkingProbability.TwoSamplesPerClass(e));
    }

    /// <summary>ln q and 1/q for q(t) = (e^(r t) - 1) / r, stable for large r t (where q overflows) and at t = 0 (q = 0).</summary>
    private static (double LogQ, double InverseQ) QOf(double time, double rate)
    {
        double rt = rate * time;
        if (rt == 0)
        {
            return (double.NegativeInfinity, double.PositiveInfinity);
        }

        double logQ = (rt < 700 ? Math.Log(AccurateMath.ExpM1(rt)) : rt + Math.Log(-AccurateMath.ExpM1(-rt))) - Math.Log(rate);
        return (logQ, Math.Exp(-logQ));
    }

    /// <summary>
    /// ln((x - 1) e^x + 1) for x &gt; 0 given x and ln x; a series x^2 sum_{n&gt;=2} x^(n-2) (n-1)/n! for small x, where the
    /// direct form cancels (and x itself may underflow while ln x is finite).
    /// </summary>
    private static double LogShiftedExponential(double x, double logX)
    {
        if (x < 0.5)
        {
            double sum = 0, term = 0.5; // n = 2: (n-1)/n! = 1/2
            for (int k = 2; k < 40 && term > 1e-18 * sum; k++)
            {
                sum += term;
                term *= x * k / ((k + 1.0) * (k - 1.0)); // ratio of x^(k-1) k/(k+1)! to x^(k-2) (k-1)/k!
            }

            return (2 * logX) + Math.Log(sum);
        }

        return x < 700 ? Math.Log(((x - 1) * Math.Exp(x)) + 1) : x + Math.Log(x - 1 + Math.Exp(-x));
    }

    private static double LowerGamma(int k, double u) => double.IsPositiveInfinity(u) ? 1 : SpecialFunctions.GammaLowerRegularized(k, u);
}
