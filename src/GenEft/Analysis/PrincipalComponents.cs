using MathNet.Numerics.LinearAlgebra;

namespace GenEft.Analysis;

/// <summary>Principal component analysis of a point cloud: the explained-variance ratios of its covariance.</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// The eigenvalues of the sample covariance of the rows, divided by their sum, largest first. Computed from the
    /// smaller of the D x D covariance and the n x n Gram matrix of the centred rows (same non-zero eigenvalues).
    /// </summary>
    /// <param name="features">The points, row-major: row i is features[(i * columns)..((i + 1) * columns)]; finite.</param>
    /// <param name="columns">D, at least 1.</param>
    /// <returns>The ratios (length min(n, D)); all 0 if the cloud has no spread.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of D, there are fewer than 2 rows, or a value is not finite.</exception>
    public static double[] ExplainedVarianceRatios(ReadOnlySpan<double> features, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (features.Length % columns != 0 || features.Length / columns < 2)
        {
            throw new ArgumentException($"features has length {features.Length}: it must be rows x {columns} with at least 2 rows.", nameof(features));
        }

        AnalysisArguments.ThrowIfNotFinite(features, nameof(features));
        int rows = features.Length / columns;
        var centred = Matrix<double>.Build.Dense(rows, columns);
        for (int c = 0; c < columns; c++)
        {
            double mean = 0;
            for (int r = 0; r < rows; r++)
            {
                mean += features[(r * columns) + c];
            }

            mean /= rows;
            for (int r = 0; r < rows; r++)
            {
                centred[r, c] = features[(r * columns) + c] - mean;
            }
        }

        var scatter = columns <= rows ? centred.TransposeThisAndMultiply(centred) : centred.TransposeAndMultiply(centred);
        var eigenvalues = scatter.Evd(Symmetricity.Symmetric).EigenValues.Select(v => Math.Max(0, v.Real)).OrderDescending().ToArray();
        double total = eigenvalues.Sum();
        if (!(total > 0))
        {
            return new double[eigenvalues.Length];
        }

        for (int i = 0; i < eigenvalues.Length; i++)
        {
            eigenvalues[i] /= total;
        }

        return eigenvalues;
    }
}
