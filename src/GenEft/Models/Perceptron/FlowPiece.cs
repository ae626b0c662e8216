using GenEft.Statics;
using MathNet.Numerics.LinearAlgebra;

namespace GenEft.Models.Perceptron;

/// <summary>
/// One piece of the (Filippov) gradient flow of R(w) = 1/2 w.G.w - a.w + lambda1 |w|_1: a time interval on which the set
/// A of non-zero coordinates and their signs s are fixed and the others stay at 0. There the flow is linear,
/// dw_A/dt = -(G_AA w_A - f_A) with f_A = a_A - lambda1 s_A, and is solved exactly in the eigenbasis of the symmetric
/// G_AA = V diag(mu) V^T: z_k(tau) = z_k(0) e^(-mu_k tau) + alpha_k (1 - e^(-mu_k tau)) / mu_k (alpha = V^T f_A; the last
/// factor is tau for mu_k = 0), w_A = V z.
/// </summary>
internal sealed class FlowPiece
{
    private readonly int[] active;
    private readonly double[] vectors, rates, start, forcing;

    private FlowPiece(double startTime, int dimension, int[] active, double[] signs, double[] vectors, double[] rates, double[] start, double[] forcing)
    {
        StartTime = startTime;
        Dimension = dimension;
        this.active = active;
        Signs = signs;
        this.vectors = vectors;
        this.rates = rates;
        this.start = start;
        this.forcing = forcing;
        EndTime = double.PositiveInfinity;
        double maxRate = 0, minPositiveRate = double.PositiveInfinity;
        foreach (double mu in rates)
        {
            maxRate = Math.Max(maxRate, mu);
            if (mu > 0)
            {
                minPositiveRate = Math.Min(minPositiveRate, mu);
            }
        }

        MaxRate = maxRate;
        HasZeroRate = rates.Any(mu => mu == 0);
        MinPositiveRate = minPositiveRate;
    }

    public double StartTime { get; }

    /// <summary>When the next piece starts (+infinity for the last).</summary>
    public double EndTime { get; set; }

    public int Dimension { get; }

    public ReadOnlySpan<int> Active => active;

    /// <summary>s_j for active coordinates, 0 for the coordinates held at 0.</summary>
    public double[] Signs { get; }

    public double MaxRate { get; }

    public double MinPositiveRate { get; }

    public bool HasZeroRate { get; }

    /// <summary>Builds the piece that starts at <paramref name="startTime"/> in state <paramref name="w"/> with the given active set and signs.</summary>
    public static FlowPiece Create(double startTime, ReadOnlySpan<double> w, ReadOnlySpan<double> hessian, ReadOnlySpan<double> labelMoment, double l1, ReadOnlySpan<bool> isActive, ReadOnlySpan<double> signs)
    {
        int d = w.Length;
        var activeList = new List<int>(d);
        for (int j = 0; j < d; j++)
        {
            if (isActive[j])
            {
                activeList.Add(j);
            }
        }

        int[] active = [.. activeList];
        int m = active.Length;
        var vectors = new double[m * m];
        var rates = new double[m];
        var z0 = new double[m];
        var alpha = new double[m];
        var signCopy = new double[d];
        for (int r = 0; r < m; r++)
        {
            signCopy[active[r]] = signs[active[r]];
        }

        if (m > 0)
        {
            var block = Matrix<double>.Build.Dense(m, m);
            for (int r = 0; r < m; r++)
            {
                for (int c = 0; c < m; c++)
                {
                    block[r, c] = hessian[(active[r] * d) + active[c]];
                }
            }

            var evd = block.Evd(Symmetricity.Symmetric);
            double maxRate = 0;
            for (int k = 0; k < m; k++)
            {
                maxRate = Math.Max(maxRate, evd.EigenValues[k].Real);
            }

            for (int k = 0; k < m; k++)
            {
                // G is positive semidefinite: tiny or negative eigenvalues are rounding of a zero mode.
                double mu = evd.EigenValues[k].Real;
                rates[k] = mu > 1e-12 * maxRate ? mu : 0;
                double zk = 0, ak = 0;
                for (int r = 0; r < m; r++)
                {
                    double v = evd.EigenVectors[r, k];
                    vectors[(r * m) + k] = v;
                    int j = active[r];
                    zk += v * w[j];
                    ak += v * (labelMoment[j] - (l1 * signs[j]));
                }

                z0[k] = zk;
                alpha[k] = ak;
            }

            for (int k = 0; k < m; k++)
            {
                // A zero mode of the data with no L1 forcing: a is in the range of G, so alpha_k is rounding; keep z_k constant.
                if (rates[k] == 0 && l1 == 0)
                {
                    alpha[k] = 0;
                }
            }
        }

        return new FlowPiece(startTime, d, active, signCopy, vectors, rates, z0, alpha);
    }

    /// <summary>The state at piece-local time tau; <paramref name="z"/> is scratch of length |A|.</summary>
    public void StateAt(double tau, Span<double> w, Span<double> z)
    {
        int m = active.Length;
        for (int k = 0; k < m; k++)
        {
            double mu = rates[k];
            double decay = mu == 0 ? 1 : Math.Exp(-mu * tau);
            double integral = mu == 0 ? tau : -AccurateMath.ExpM1(-mu * tau) / mu;
            z[k] = (start[k] * decay) + (forcing[k] * integral);
        }

        w.Clear();
        for (int r = 0; r < m; r++)
        {
            double sum = 0;
            ReadOnlySpan<double> row = vectors.AsSpan(r * m, m);
            for (int k = 0; k < m; k++)
            {
                sum += row[k] * z[k];
            }

            w[active[r]] = sum;
        }
    }

    /// <summary>The limit tau -&gt; infinity of this piece's formula (the minimiser of R restricted to the piece); false if a zero mode is forced (the piece must end by an event).</summary>
    public bool TryLimit(Span<double> w, Span<double> z)
    {
        int m = active.Length;
        for (int k = 0; k < m; k++)
        {
            if (rates[k] == 0)
            {
                if (forcing[k] != 0)
                {
                    return false;
                }

                z[k] = start[k];
            }
            else
            {
                z[k] = forcing[k] / rates[k];
            }
        }

        w.Clear();
        for (int r = 0; r < m; r++)
        {
            double sum = 0;
            for (int k = 0; k < m; k++)
            {
                sum += vectors[(r * m) + k] * z[k];
            }

            w[active[r]] = sum;
        }

        return true;
    }

    /// <summary>The piece-local time after which the formula is at its limit to double precision (60 slowest time constants), capped at <paramref name="cap"/>.</summary>
    public double SettlingTime(double cap) => HasZeroRate || active.Length == 0 ? cap : Math.Min(cap, 60 / MinPositiveRate);

    /// <summary>The first positive grid time for scanning: well below the fastest time constant.</summary>
    public double FirstGridTime(double horizon) => MaxRate > 0 ? Math.Min(1e-6 / MaxRate, 1e-6 * horizon) : 1e-9 * horizon;
}
