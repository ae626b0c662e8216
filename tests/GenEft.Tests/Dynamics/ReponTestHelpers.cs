namespace GenEft.Tests.Dynamics;

internal static class ReponTestHelpers
{
    /// <summary>Orthonormal vectors (Gram-Schmidt of <paramref name="first"/> then random vectors).</summary>
    public static double[][] Orthonormal(int dimension, int count, Random random, double[]? first = null)
    {
        var result = new List<double[]>();
        while (result.Count < count)
        {
            double[] v = result.Count == 0 && first is not null ? (double[])first.Clone() : Enumerable.Range(0, dimension).Select(_ => Gaussian(random)).ToArray();
            foreach (double[] u in result)
            {
                double dot = Dot(u, v);
                for (int i = 0; i < dimension; i++)
                {
                    v[i] -= dot * u[i];
                }
            }

            double norm = Math.Sqrt(Dot(v, v));
            if (norm < 1e-6)
            {
                continue;
            }

            result.Add(v.Select(x => x / norm).ToArray());
        }

        return [.. result];
    }

    /// <summary>A p x d matrix (row-major) with r0 as a right singular vector of singular value <paramref name="singularValue"/>.</summary>
    public static double[] MatrixWithSingularVector(int p, int d, double[] r0, double singularValue, Random random)
    {
        double[][] v = Orthonormal(d, d, random, r0);
        double[][] u = Orthonormal(p, Math.Min(p, d), random);
        double[] a = new double[p * d];
        for (int k = 0; k < Math.Min(p, d); k++)
        {
            double sigma = k == 0 ? singularValue : 0.3 + random.NextDouble();
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    a[(i * d) + j] += sigma * u[k][i] * v[k][j];
                }
            }
        }

        return a;
    }

    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }

    /// <summary>A x for row-major A (p x d).</summary>
    public static double[] Multiply(ReadOnlySpan<double> a, int p, int d, ReadOnlySpan<double> x)
    {
        double[] result = new double[p];
        for (int i = 0; i < p; i++)
        {
            result[i] = Dot(a.Slice(i * d, d), x);
        }

        return result;
    }

    public static double MaxAbsDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double m = 0;
        for (int i = 0; i < x.Length; i++)
        {
            m = Math.Max(m, Math.Abs(x[i] - y[i]));
        }

        return m;
    }

    /// <summary>
    /// Closed-form solution of the reduced system, derived independently of any solver: with u = a2^2 / (k eta_A),
    /// v = c^2 / eta_x, C = u - v is constant and rho = v / u obeys d ln rho / dt = -2 k eta_A eta_x C, so
    /// rho(t) = rho0 exp(-2 k eta_A eta_x C t), u = C / (1 - rho), v = C rho / (1 - rho).
    /// </summary>
    public static (double A2, double C) ReducedExact(double a2, double c, double etaA, double etaX, double coupling, double t)
    {
        double k = coupling * etaA;
        double u = a2 * a2 / k, v = c * c / etaX, conserved = u - v;
        double rho = v / u * Math.Exp(-2 * k * etaX * conserved * t);
        double uT = conserved / (1 - rho), vT = conserved * rho / (1 - rho);
        return (Math.CopySign(Math.Sqrt(uT * k), a2), Math.CopySign(Math.Sqrt(vT * etaX), c));
    }
}
