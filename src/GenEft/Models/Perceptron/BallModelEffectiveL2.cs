namespace GenEft.Models.Perceptron;

/// <summary>
/// lambda_{2,D} = lambda2 + 1/(D + 2), the large-N curvature of the ball model's loss across the class axis
/// (Žunkovič and Ilievski Eq. 35): for u uniform in the unit D-ball E[u u^T] = I/(D + 2), so
/// G = (1/2N) sum x x^T + lambda2 I tends to lambda_{2,D} I + epsilon^2 e_1 e_1^T.
/// </summary>
public static class BallModelEffectiveL2
{
    /// <summary>lambda_{2,D} = lambda2 + 1/(D + 2).</summary>
    /// <param name="l2">lambda2, non-negative and finite.</param>
    /// <param name="dimension">D, at least 1.</param>
    /// <returns>lambda_{2,D}.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Compute(double l2, int dimension)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(l2, nameof(l2));
        PerceptronArguments.ThrowIfLessThanOne(dimension, nameof(dimension));
        return l2 + (1.0 / (dimension + 2));
    }
}
