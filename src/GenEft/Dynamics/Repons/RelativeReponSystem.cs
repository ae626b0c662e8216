using MathNet.Numerics.LinearAlgebra;

namespace GenEft.Dynamics.Repons;

/// <summary>
/// The relative two-repon dynamics (GenEFT Eq. 8): dA/dt = -2 eta_A A r r^T, dr/dt = -eta_x A^T A r, where
/// r = (x1 - x2) / 2. State layout: [A (p x d, row-major), r (d)].
/// </summary>
/// <remarks>
/// Beyond the paper: the d x d matrix M = A^T A / (2 eta_A) - r r^T / eta_x is conserved by Eq. 8 (see
/// <see cref="ConservedMatrix"/>), and its definiteness decides the outcome for any A and r (see <see cref="Outcome"/>);
/// GenEFT Eq. 11 is its r0^T M r0 entry on the Eq. 9 ansatz. Holds a scratch buffer, so one instance must not be
/// evaluated from two threads at once.
/// </remarks>
public sealed class RelativeReponSystem : IOdeSystem
{
    private readonly double[] projected;

    /// <summary>Creates the system.</summary>
    /// <param name="outputDimension">p, rows of A, at least 1.</param>
    /// <param name="embeddingDimension">d, columns of A and length of r, at least 1.</param>
    /// <param name="decoderLearningRate">eta_A, non-negative and finite.</param>
    /// <param name="encoderLearningRate">eta_x, non-negative and finite; positive if eta_A is 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, a rate is negative or not finite, or both rates are 0 (nothing would move, and <see cref="Outcome"/> would have nothing to decide).</exception>
    public RelativeReponSystem(int outputDimension, int embeddingDimension, double decoderLearningRate, double encoderLearningRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimension, 1);
        ReponArguments.ThrowIfNotRate(decoderLearningRate, nameof(decoderLearningRate));
        ReponArguments.ThrowIfNotRate(encoderLearningRate, nameof(encoderLearningRate));
        ReponArguments.ThrowIfBothZero(decoderLearningRate, encoderLearningRate);
        OutputDimension = outputDimension;
        EmbeddingDimension = embeddingDimension;
        DecoderLearningRate = decoderLearningRate;
        EncoderLearningRate = encoderLearningRate;
        projected = new double[outputDimension];
        Dimension = checked((outputDimension * embeddingDimension) + embeddingDimension);
    }

    /// <summary>p, rows of A.</summary>
    public int OutputDimension { get; }

    /// <summary>d, the embedding dimension.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>eta_A, the decoder learning rate.</summary>
    public double DecoderLearningRate { get; }

    /// <summary>eta_x, the encoder learning rate.</summary>
    public double EncoderLearningRate { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> derivative)
    {
        int p = OutputDimension, d = EmbeddingDimension;
        ReadOnlySpan<double> a = state[..(p * d)], r = state.Slice(p * d, d);
        Span<double> dA = derivative[..(p * d)], dr = derivative.Slice(p * d, d);
        Span<double> ar = projected;
        for (int i = 0; i < p; i++)
        {
            double sum = 0;
            ReadOnlySpan<double> row = a.Slice(i * d, d);
            for (int k = 0; k < d; k++)
            {
                sum += row[k] * r[k];
            }

            ar[i] = sum;
            Span<double> dRow = dA.Slice(i * d, d);
            double scaled = -2 * DecoderLearningRate * sum;
            for (int k = 0; k < d; k++)
            {
                dRow[k] = scaled * r[k];
            }
        }

        dr.Clear();
        for (int i = 0; i < p; i++)
        {
            ReadOnlySpan<double> row = a.Slice(i * d, d);
            double scaled = -EncoderLearningRate * ar[i];
            for (int k = 0; k < d; k++)
            {
                dr[k] += scaled * row[k];
            }
        }
    }

    /// <summary>
    /// Writes the conserved matrix M = A^T A / (2 eta_A) - r r^T / eta_x (d x d, row-major). Eq. 8 gives
    /// dM/dt = -(A^T A r r^T + r r^T A^T A) + (A^T A r r^T + r r^T A^T A) = 0.
    /// </summary>
    /// <param name="state">[A, r].</param>
    /// <param name="matrix">Receives M, of length d * d.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">A learning rate is 0, so M is not defined.</exception>
    public void ConservedMatrix(ReadOnlySpan<double> state, Span<double> matrix)
    {
        if (DecoderLearningRate == 0 || EncoderLearningRate == 0)
        {
            throw new InvalidOperationException("The conserved matrix needs both learning rates positive.");
        }

        ScaledConservedMatrix(state, matrix);
        double scale = 1 / (2 * DecoderLearningRate * EncoderLearningRate);
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] *= scale;
        }
    }

    /// <summary>
    /// The outcome for any initial A and r: the repons collide exactly when M is positive semidefinite. (If M has a
    /// negative eigenvalue with unit eigenvector v, then (v^T r)^2 &gt;= -eta_x v^T M v &gt; 0 for all time, so r stays away
    /// from 0. If M is semidefinite, |r| decreases, the integral of |A r|^2 is finite, and along times where A r goes to 0,
    /// r^T M r tends to -|r_inf|^4 / eta_x, which must be &gt;= 0, so r_inf = 0.) On the Eq. 9 ansatz this is the sign of
    /// GenEFT Eq. 11's C.
    /// </summary>
    /// <param name="state">The initial [A, r].</param>
    /// <returns>Collision or memorization (the boundary, a set of measure zero, is reported as collision).</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> has the wrong length.</exception>
    public ReponOutcome Outcome(ReadOnlySpan<double> state)
    {
        int d = EmbeddingDimension;
        double[] m = new double[d * d];
        ScaledConservedMatrix(state, m);
        var matrix = Matrix<double>.Build.Dense(d, d, (i, j) => m[(i * d) + j]);
        double smallest = matrix.Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        double scale = Math.Max(matrix.FrobeniusNorm(), double.Epsilon);
        return smallest < -1e-12 * scale ? ReponOutcome.Memorization : ReponOutcome.Collision;
    }

    /// <summary>2 eta_A eta_x M = eta_x A^T A - 2 eta_A r r^T, defined even when a rate is 0.</summary>
    private void ScaledConservedMatrix(ReadOnlySpan<double> state, Span<double> matrix)
    {
        int p = OutputDimension, d = EmbeddingDimension;
        if (state.Length != Dimension)
        {
            throw new ArgumentException($"Length {state.Length} does not match the dimension {Dimension}.", nameof(state));
        }

        if (matrix.Length != d * d)
        {
            throw new ArgumentException($"Length {matrix.Length} must be d * d = {d * d}.", nameof(matrix));
        }

        ReadOnlySpan<double> a = state[..(p * d)], r = state.Slice(p * d, d);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double gram = 0;
                for (int k = 0; k < p; k++)
                {
                    gram += a[(k * d) + i] * a[(k * d) + j];
                }

                matrix[(i * d) + j] = (EncoderLearningRate * gram) - (2 * DecoderLearningRate * r[i] * r[j]);
            }
        }
    }
}
