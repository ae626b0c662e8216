namespace GenEft.Models.Perceptron;

/// <summary>
/// When a run's training and test errors first reached 0, and the grokking time t_G = (first time the test error is 0) -
/// (first time the training error is 0) (Žunkovič and Ilievski Section 2). Times are +infinity when never reached
/// within the horizon searched, so t_G is then infinite or NaN.
/// </summary>
/// <param name="ZeroTrainingErrorTime">The first time the training error is 0.</param>
/// <param name="ZeroTestErrorTime">The first time the test error is 0, t_eps.</param>
public readonly record struct PerceptronGrokkingTimes(double ZeroTrainingErrorTime, double ZeroTestErrorTime)
{
    /// <summary>t_G = ZeroTestErrorTime - ZeroTrainingErrorTime (NaN when neither is reached).</summary>
    public double GrokkingTime => ZeroTestErrorTime - ZeroTrainingErrorTime;

    /// <summary>Whether the test error reached 0 at a finite time.</summary>
    public bool ReachedZeroTestError => double.IsFinite(ZeroTestErrorTime);
}
