namespace GenEft.Dynamics.Repons;

/// <summary>
/// The full gradient flow of m same-class repons under a linearized decoder D(x) = A x + b (GenEFT Eq. 6-7 and
/// Appendix C Eq. 14): loss l = 1/2 sum_j |A x_j + b - y|^2, and
/// dA/dt = -eta_A sum_j e_j x_j^T,  db/dt = -eta_A sum_j e_j,  dx_j/dt = -eta_x A^T e_j,  with e_j = A x_j + b - y.
/// m = 2 is GenEFT Eq. 7; m = N + 1 with x_1 = ... = x_N is one repon against a cluster of N (GenEFT Eq. 13).
/// State layout: [A (p x d, row-major), b (p), x_0 (d), ..., x_(m-1) (d)].
/// </summary>
/// <remarks>Holds scratch buffers for the residuals, so one instance must not be evaluated from two threads at once.</remarks>
public sealed class SameClassReponSystem : IOdeSystem
{
    private readonly double[] target;
    private readonly double[] residuals;

    /// <summary>Creates the system.</summary>
    /// <param name="outputDimension">p, the decoder's output dimension (rows of A), at least 1.</param>
    /// <param name="embeddingDimension">d, the embedding dimension (columns of A), at least 1.</param>
    /// <param name="reponCount">m, the number of same-class repons, at least 2.</param>
    /// <param name="decoderLearningRate">eta_A, non-negative and finite.</param>
    /// <param name="encoderLearningRate">eta_x, non-negative and finite.</param>
    /// <param name="target">y, the decoder output all repons are trained towards, of length p.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension or count is too small, or a rate is negative or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> does not have length p or holds a NaN or an infinity.</exception>
    public SameClassReponSystem(int outputDimension, int embeddingDimension, int reponCount, double decoderLearningRate, double encoderLearningRate, ReadOnlySpan<double> target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reponCount, 2);
        ReponArguments.ThrowIfNotRate(decoderLearningRate, nameof(decoderLearningRate));
        ReponArguments.ThrowIfNotRate(encoderLearningRate, nameof(encoderLearningRate));
        if (target.Length != outputDimension)
        {
            throw new ArgumentException($"Length {target.Length} does not match the output dimension p = {outputDimension}.", nameof(target));
        }

        for (int i = 0; i < target.Length; i++)
        {
            if (!double.IsFinite(target[i]))
            {
                throw new ArgumentException($"target[{i}] = {target[i]} is not finite.", nameof(target));
            }
        }

        OutputDimension = outputDimension;
        EmbeddingDimension = embeddingDimension;
        ReponCount = reponCount;
        DecoderLearningRate = decoderLearningRate;
        EncoderLearningRate = encoderLearningRate;
        this.target = target.ToArray();
        residuals = new double[reponCount * outputDimension];
        Dimension = checked((outputDimension * embeddingDimension) + outputDimension + (reponCount * embeddingDimension));
    }

    /// <summary>p, the decoder's output dimension.</summary>
    public int OutputDimension { get; }

    /// <summary>d, the embedding dimension.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>m, the number of repons.</summary>
    public int ReponCount { get; }

    /// <summary>eta_A, the decoder learning rate.</summary>
    public double DecoderLearningRate { get; }

    /// <summary>eta_x, the encoder learning rate.</summary>
    public double EncoderLearningRate { get; }

    /// <summary>y, the target.</summary>
    public ReadOnlySpan<double> Target => target;

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The offset of b in the state (A occupies [0, p d)).</summary>
    public int BiasOffset => OutputDimension * EmbeddingDimension;

    /// <summary>The offset of repon <paramref name="index"/>'s position x_index in the state.</summary>
    /// <param name="index">The repon, in [0, m).</param>
    /// <returns>The offset of x_index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, m).</exception>
    public int ReponOffset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReponCount);
        return BiasOffset + OutputDimension + (index * EmbeddingDimension);
    }

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
    {
        int p = OutputDimension, d = EmbeddingDimension, m = ReponCount;
        ReadOnlySpan<double> a = state[..(p * d)], b = state.Slice(p * d, p);
        Span<double> dA = derivative[..(p * d)], dB = derivative.Slice(p * d, p);
        int xOffset = (p * d) + p;
        dA.Clear();
        dB.Clear();
        for (int j = 0; j < m; j++)
        {
            ReadOnlySpan<double> x = state.Slice(xOffset + (j * d), d);
            Span<double> e = residuals.AsSpan(j * p, p);
            for (int i = 0; i < p; i++)
            {
                double sum = b[i] - target[i];
                ReadOnlySpan<double> row = a.Slice(i * d, d);
                for (int k = 0; k < d; k++)
                {
                    sum += row[k] * x[k];
                }

                e[i] = sum;
                dB[i] -= DecoderLearningRate * sum;
                Span<double> dRow = dA.Slice(i * d, d);
                for (int k = 0; k < d; k++)
                {
                    dRow[k] -= DecoderLearningRate * sum * x[k];
                }
            }

            Span<double> dx = derivative.Slice(xOffset + (j * d), d);
            dx.Clear();
            for (int i = 0; i < p; i++)
            {
                ReadOnlySpan<double> row = a.Slice(i * d, d);
                double scaled = -EncoderLearningRate * e[i];
                for (int k = 0; k < d; k++)
                {
                    dx[k] += scaled * row[k];
                }
            }
        }
    }

    /// <summary>
    /// Maps a two-repon state (m = 2) to the relative system's state [A, r] with r = (x_0 - x_1) / 2 (GenEFT Eq. 8).
    /// </summary>
    /// <param name="state">A state of this system.</param>
    /// <param name="relativeState">Receives [A, r], of length p d + d.</param>
    /// <exception cref="InvalidOperationException">The system does not have exactly two repons.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void ToRelativeState(ReadOnlySpan<double> state, Span<double> relativeState)
    {
        if (ReponCount != 2)
        {
            throw new InvalidOperationException("The relative state is defined for two repons.");
        }

        int p = OutputDimension, d = EmbeddingDimension;
        if (state.Length != Dimension)
        {
            throw new ArgumentException($"Length {state.Length} does not match the dimension {Dimension}.", nameof(state));
        }

        if (relativeState.Length != (p * d) + d)
        {
            throw new ArgumentException($"Length {relativeState.Length} must be p d + d = {(p * d) + d}.", nameof(relativeState));
        }

        state[..(p * d)].CopyTo(relativeState);
        ReadOnlySpan<double> x0 = state.Slice(ReponOffset(0), d), x1 = state.Slice(ReponOffset(1), d);
        for (int k = 0; k < d; k++)
        {
            relativeState[(p * d) + k] = 0.5 * (x0[k] - x1[k]);
        }
    }
}
