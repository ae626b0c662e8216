namespace GenEft.Models.TensorNetwork;

/// <summary>
/// Samples the attention tensor A in R^(d x d x 2) of scenario B (A fixed, only the classifier trained): every entry
/// iid standard normal. The result is row-major [l, r, k] (entry A[l, r, k] at (l d + r) 2 + k), k the physical
/// index (k = 0, 1 for the bits 0, 1), so A(x) = A[:, :, x] is the d x d transfer matrix of bit x. Draw
/// <c>attempt</c> = 0, 1, 2, ... to resample until a criterion holds: each (seed, attempt) is an independent stream,
/// so attempt i is the same whichever attempts ran before it.
/// </summary>
public static class RandomAttentionSampler
{
    /// <summary>The largest bond dimension (2 d^2 doubles stay far below the array limit).</summary>
    public const int MaxBondDimension = 4096;

    /// <summary>A with iid N(0, 1) entries, row-major [l, r, k], shape [d, d, 2].</summary>
    /// <param name="bondDimension">d, in 1..<see cref="MaxBondDimension"/> (the paper's scenario B uses d = 2).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="attempt">The index of the draw under this seed, at least 0.</param>
    /// <returns>The 2 d^2 entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bondDimension"/> is outside 1..<see cref="MaxBondDimension"/> or <paramref name="attempt"/> is negative.</exception>
    public static double[] Sample(int bondDimension, ulong seed, long attempt = 0)
    {
        if (bondDimension is < 1 or > MaxBondDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(bondDimension), bondDimension, $"bondDimension (d) must be in 1..{MaxBondDimension}.");
        }

        if (attempt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "attempt must be at least 0.");
        }

        var random = Xoshiro256StarStar.ForTask(seed, (ulong)attempt);
        var a = new double[2 * bondDimension * bondDimension];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextGaussian();
        }

        return a;
    }

    /// <summary>The d x d matrix A(x) = A[:, :, x], row-major [l, r], of a tensor laid out as <see cref="Sample"/> returns.</summary>
    /// <param name="attention">A, row-major [l, r, k], 2 d^2 entries.</param>
    /// <param name="bondDimension">d, at least 1.</param>
    /// <param name="bit">x, 0 or 1.</param>
    /// <returns>The d^2 entries of A(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bondDimension"/> is less than 1 or <paramref name="bit"/> is neither 0 nor 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="attention"/> does not have 2 d^2 entries.</exception>
    public static double[] TransferMatrix(ReadOnlySpan<double> attention, int bondDimension, int bit)
    {
        if (bondDimension is < 1 or > MaxBondDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(bondDimension), bondDimension, $"bondDimension (d) must be in 1..{MaxBondDimension}.");
        }

        if (bit is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(bit), bit, "bit must be 0 or 1.");
        }

        int d2 = bondDimension * bondDimension;
        if (attention.Length != 2 * d2)
        {
            throw new ArgumentException($"attention has {attention.Length} entries; a [d, d, 2] tensor with d = {bondDimension} has {2 * d2}.", nameof(attention));
        }

        var m = new double[d2];
        for (int i = 0; i < d2; i++)
        {
            m[i] = attention[(2 * i) + bit];
        }

        return m;
    }
}
