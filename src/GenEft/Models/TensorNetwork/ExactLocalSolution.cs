namespace GenEft.Models.TensorNetwork;

/// <summary>
/// The exact bond-dimension-4 solution for 1-local rules (Žunkovič and Ilievski, Section 4): with leading-eigenvector
/// boundaries (<see cref="TensorNetworkBoundary.LeadingEigenvectors"/>) the contexts encode the two neighbours,
/// H_L(i) = (1, 1, 0, 0)/√2 after a 1 and (0, 0, 1, 1)/√2 after a 0 (or the open boundary), H_R(i) = (1, 0, 1, 0)/√2
/// before a 1 and (0, 1, 0, 1)/√2 before a 0, so a classifier can read any elementary rule off the table of
/// (x_(i-1), x_i, x_(i+1)).
/// </summary>
public static class ExactLocalSolution
{
    /// <summary>The bond dimension of the solution.</summary>
    public const int BondDimension = 4;

    /// <summary>
    /// A, flattened [l, r, k]: A(1) has rows (1,1,0,0), (0,0,0,0), (1,1,0,0), (0,0,0,0); A(0) has rows (0,0,0,0),
    /// (0,0,1,1), (0,0,0,0), (0,0,1,1).
    /// </summary>
    /// <returns>A new array of 32 values.</returns>
    public static double[] Attention()
    {
        var a = new double[2 * BondDimension * BondDimension];
        void Set(int l, int r, int k) => a[(((l * BondDimension) + r) * 2) + k] = 1;
        Set(0, 0, 1); Set(0, 1, 1); Set(2, 0, 1); Set(2, 1, 1);
        Set(1, 2, 0); Set(1, 3, 0); Set(3, 2, 0); Set(3, 3, 0);
        return a;
    }

    /// <summary>
    /// B, flattened [a, b, j], for an elementary rule: B_j = Σ over (l, r) of 2 t(l, j, r) e_α(l) e_γ(r)^T with
    /// t = 2 rule(l, j, r) − 1, α(1) = 0, α(0) = 2, γ(1) = 0, γ(0) = 1, so that w_j(i) = H_L B_j H_R = t(x_(i-1), j, x_(i+1))
    /// exactly: the linear head's targets ±1, hence zero square loss.
    /// </summary>
    /// <param name="ruleNumber">The Wolfram rule number, 0..255.</param>
    /// <returns>A new array of 32 values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ruleNumber"/> is outside 0..255.</exception>
    public static double[] Classifier(int ruleNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ruleNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ruleNumber, 255);
        var b = new double[2 * BondDimension * BondDimension];
        int[] alpha = [2, 0], gamma = [1, 0];
        for (int l = 0; l < 2; l++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int r = 0; r < 2; r++)
                {
                    int bit = (ruleNumber >> ((4 * l) + (2 * j) + r)) & 1;
                    b[(((alpha[l] * BondDimension) + gamma[r]) * 2) + j] = 2 * ((2 * bit) - 1);
                }
            }
        }

        return b;
    }
}
