using GenEft.Statics;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The exact gradient flow of the bias in the 1D exponential model, Žunkovič and Ilievski Eq. 6, extended through
/// b = 0: b(t) = xbar_l - (xbar_l - b0) exp(-(1 + lambda2) t) with xbar_l = (xbar - lambda1) / (1 + lambda2) while
/// b &gt; 0 and (xbar + lambda1) / (1 + lambda2) while b &lt; 0. When the flow reaches 0 it either crosses (|xbar| &gt; lambda1:
/// the next branch starts from 0) or stays at 0 (|xbar| &lt;= lambda1: the Filippov sliding solution, where 0 is in the
/// subdifferential). The trajectory is monotone, so each level is hit at most once.
/// </summary>
public static class ExponentialModelBias
{
    /// <summary>The bias at time t.</summary>
    /// <param name="time">t, non-negative and finite.</param>
    /// <param name="initialBias">b0, finite.</param>
    /// <param name="mean">xbar of the training set, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>b(t).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double At(double time, double initialBias, double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(time, nameof(time));
        var path = Path.Create(initialBias, mean, regularization);
        return path.Sign * path.ValueAt(time);
    }

    /// <summary>The limit of b(t) as t grows: the soft-thresholded sign(xbar) max(|xbar| - lambda1, 0) / (1 + lambda2), the unique minimiser of the loss.</summary>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The stationary bias.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite.</exception>
    public static double Stationary(double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
        return Math.Sign(mean) * Math.Max(Math.Abs(mean) - regularization.L1, 0) / (1 + regularization.L2);
    }

    /// <summary>The first time t &gt;= 0 with b(t) = <paramref name="level"/>; +infinity if the flow never gets there (including a level it only approaches).</summary>
    /// <param name="level">The level, finite.</param>
    /// <param name="initialBias">b0, finite.</param>
    /// <param name="mean">xbar, finite.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <returns>The hitting time, or <see cref="double.PositiveInfinity"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite.</exception>
    public static double FirstTimeAt(double level, double initialBias, double mean, PerceptronRegularization regularization)
    {
        PerceptronArguments.ThrowIfNotFinite(level, nameof(level));
        var path = Path.Create(initialBias, mean, regularization);
        return path.TimeAt(path.Sign * level);
    }

    /// <summary>
    /// The first time the bias enters the interval [lower, upper] (or its interior, if <paramref name="open"/>): 0 if b0 is
    /// already inside, +infinity if never. With <paramref name="open"/> the result is the infimum of the times inside (the
    /// time the boundary is crossed).
    /// </summary>
    internal static double FirstTimeInside(double lower, double upper, bool open, double initialBias, double mean, PerceptronRegularization regularization)
    {
        bool inside = open ? initialBias > lower && initialBias < upper : initialBias >= lower && initialBias <= upper;
        if (inside)
        {
            return 0;
        }

        double limit = Stationary(mean, regularization);
        bool limitInside = open ? limit > lower && limit < upper : limit >= lower && limit <= upper;
        if (!limitInside)
        {
            // Monotone flow: it can only pass through the interval on the way to a limit beyond it.
            bool passes = (initialBias > upper && limit < lower) || (initialBias < lower && limit > upper);
            if (!passes)
            {
                return double.PositiveInfinity;
            }
        }

        return FirstTimeAt(initialBias > upper ? upper : lower, initialBias, mean, regularization);
    }

    /// <summary>
    /// The trajectory reflected so that it starts at b0 &gt;= 0 (b(t) = Sign * ValueAt(t)): a first branch toward
    /// <see cref="FirstTarget"/> and, if the flow crosses 0 at <see cref="ZeroTime"/>, a second toward <see cref="SecondTarget"/>.
    /// </summary>
    private readonly record struct Path(double Sign, double Start, double Rate, double FirstTarget, double ZeroTime, bool Sticks, double SecondTarget)
    {
        public static Path Create(double initialBias, double mean, PerceptronRegularization regularization)
        {
            PerceptronArguments.ThrowIfNotFinite(initialBias, nameof(initialBias));
            PerceptronArguments.ThrowIfNotFinite(mean, nameof(mean));
            double sign = initialBias < 0 || (initialBias == 0 && mean < 0) ? -1 : 1;
            double b0 = sign * initialBias, xbar = sign * mean, l1 = regularization.L1, rate = 1 + regularization.L2;
            double positiveTarget = (xbar - l1) / rate, negativeTarget = (xbar + l1) / rate;
            bool sticks = Math.Abs(xbar) <= l1;
            if (b0 == 0)
            {
                // Starting at 0: stay (Filippov) or leave on the side xbar points to (reflected to be positive).
                return sticks
                    ? new Path(sign, 0, rate, 0, 0, true, 0)
                    : new Path(sign, 0, rate, positiveTarget, double.PositiveInfinity, false, positiveTarget);
            }

            double zeroTime = positiveTarget < 0 ? Math.Log((b0 - positiveTarget) / -positiveTarget) / rate : double.PositiveInfinity;
            return new Path(sign, b0, rate, positiveTarget, zeroTime, sticks, negativeTarget);
        }

        public double ValueAt(double t)
        {
            if (t < ZeroTime)
            {
                return FirstTarget + ((Start - FirstTarget) * Math.Exp(-Rate * t));
            }

            return Sticks ? 0.0 : -SecondTarget * AccurateMath.ExpM1(-Rate * (t - ZeroTime));
        }

        public double TimeAt(double level)
        {
            if (level == Start)
            {
                return 0;
            }

            double firstEnd = double.IsFinite(ZeroTime) ? 0 : FirstTarget;
            if (IsStrictlyBetween(level, Start, firstEnd) || (double.IsFinite(ZeroTime) && level == 0))
            {
                return level == 0 ? ZeroTime : Math.Log((Start - FirstTarget) / (level - FirstTarget)) / Rate;
            }

            if (double.IsFinite(ZeroTime) && !Sticks && IsStrictlyBetween(level, 0, SecondTarget))
            {
                return ZeroTime + (Math.Log(-SecondTarget / (level - SecondTarget)) / Rate);
            }

            return double.PositiveInfinity;
        }

        private static bool IsStrictlyBetween(double x, double a, double b) => a < b ? x > a && x < b : x < a && x > b;
    }
}
