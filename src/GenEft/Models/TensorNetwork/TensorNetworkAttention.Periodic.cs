using GenEft.Tensors;

namespace GenEft.Models.TensorNetwork;

/// <summary>The <see cref="TensorNetworkBoundary.PeriodicTrace"/> forward and backward passes.</summary>
public sealed partial class TensorNetworkAttention<T>
{
    // Per position at = i count + p, d x d row-major: prefix P_i = n(A(x_0) ... A(x_(i-1))) (P_0 = I / sqrt d),
    // suffix S_i = n(A(x_(i+1)) ... A(x_(M-1))) (S_(M-1) = I / sqrt d), context C_i = n(S_i P_i); the norms before
    // normalisation; the gradients of P and S.
    private T[] _prefix = [], _suffix = [], _context = [], _normPrefix = [], _normSuffix = [], _normContext = [], _gPrefix = [], _gSuffix = [], _scratch = [];
    private int _periodicCapacity;

    private void PreparePeriodic(int n)
    {
        int dd = _d * _d;
        if (_scratch.Length < 2 * dd)
        {
            _scratch = new T[2 * dd];
        }

        if (n <= _periodicCapacity)
        {
            return;
        }

        _prefix = new T[n * dd]; _suffix = new T[n * dd]; _context = new T[n * dd];
        _gPrefix = new T[n * dd]; _gSuffix = new T[n * dd];
        _normPrefix = new T[n]; _normSuffix = new T[n]; _normContext = new T[n];
        _periodicCapacity = n;
    }

    private void ForwardPeriodic(ReadOnlySpan<byte> inputs, int count, int m)
    {
        int d = _d, dd = d * d;
        PreparePeriodic(count * m);
        T diagonal = T.One / T.Sqrt(T.CreateChecked(d));
        for (int p = 0; p < count; p++)
        {
            Identity(_prefix.AsSpan(p * dd, dd), d, diagonal);
            Identity(_suffix.AsSpan((((m - 1) * count) + p) * dd, dd), d, diagonal);
        }

        for (int i = 1; i < m; i++)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p;
                var v = _prefix.AsSpan(at * dd, dd);
                Multiply(_prefix.AsSpan((((i - 1) * count) + p) * dd, dd), false, inputs[(p * m) + i - 1] == 0 ? _a0 : _a1, false, v, d, accumulate: false);
                _normPrefix[at] = Normalize(v);
            }
        }

        for (int i = m - 2; i >= 0; i--)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p;
                var w = _suffix.AsSpan(at * dd, dd);
                Multiply(inputs[(p * m) + i + 1] == 0 ? _a0 : _a1, false, _suffix.AsSpan((((i + 1) * count) + p) * dd, dd), false, w, d, accumulate: false);
                _normSuffix[at] = Normalize(w);
            }
        }

        for (int at = 0; at < m * count; at++)
        {
            var c = _context.AsSpan(at * dd, dd);
            Multiply(_suffix.AsSpan(at * dd, dd), false, _prefix.AsSpan(at * dd, dd), false, c, d, accumulate: false);
            _normContext[at] = Normalize(c);

            // w_j = Tr(B_j C) = sum_(a, b) B_j[a, b] C[b, a].
            T w0 = T.Zero, w1 = T.Zero;
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    T cba = c[(b * d) + a];
                    w0 += _b0[(a * d) + b] * cba;
                    w1 += _b1[(a * d) + b] * cba;
                }
            }

            _w[2 * at] = w0;
            _w[(2 * at) + 1] = w1;
        }
    }

    private void BackwardPeriodic(ReadOnlySpan<byte> inputs, int count, int m)
    {
        int d = _d, dd = d * d, n = count * m;
        Array.Clear(_dA0); Array.Clear(_dA1); Array.Clear(_dB0); Array.Clear(_dB1);
        Array.Clear(_gPrefix, 0, n * dd);
        Array.Clear(_gSuffix, 0, n * dd);
        var gc = _scratch.AsSpan(0, dd);
        for (int at = 0; at < n; at++)
        {
            T g0 = _gw[2 * at], g1 = _gw[(2 * at) + 1];
            var c = _context.AsSpan(at * dd, dd);

            // dB_j[a, b] += g_j C[b, a]; dC[b, a] = sum_j g_j B_j[a, b].
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    T cba = c[(b * d) + a];
                    _dB0[(a * d) + b] += g0 * cba;
                    _dB1[(a * d) + b] += g1 * cba;
                    gc[(b * d) + a] = (g0 * _b0[(a * d) + b]) + (g1 * _b1[(a * d) + b]);
                }
            }

            // Through C = U / |U|, U = S P: dS += dU P^T, dP += S^T dU.
            ProjectOutMatrix(c, gc, _normContext[at]);
            Multiply(gc, false, _prefix.AsSpan(at * dd, dd), true, _gSuffix.AsSpan(at * dd, dd), d, accumulate: true);
            Multiply(_suffix.AsSpan(at * dd, dd), true, gc, false, _gPrefix.AsSpan(at * dd, dd), d, accumulate: true);
        }

        // Prefix chain, last position first: V = P_(i-1) A(x_(i-1)); dA += P_(i-1)^T dV, dP_(i-1) += dV A^T.
        for (int i = m - 1; i >= 1; i--)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p, prev = ((i - 1) * count) + p;
                var gv = _gPrefix.AsSpan(at * dd, dd);
                ProjectOutMatrix(_prefix.AsSpan(at * dd, dd), gv, _normPrefix[at]);
                bool one = inputs[(p * m) + i - 1] == 1;
                Multiply(_prefix.AsSpan(prev * dd, dd), true, gv, false, one ? _dA1 : _dA0, d, accumulate: true);
                Multiply(gv, false, one ? _a1 : _a0, true, _gPrefix.AsSpan(prev * dd, dd), d, accumulate: true);
            }
        }

        // Suffix chain, first position first: W = A(x_(i+1)) S_(i+1); dA += dW S_(i+1)^T, dS_(i+1) += A^T dW.
        for (int i = 0; i <= m - 2; i++)
        {
            for (int p = 0; p < count; p++)
            {
                int at = (i * count) + p, next = ((i + 1) * count) + p;
                var gw = _gSuffix.AsSpan(at * dd, dd);
                ProjectOutMatrix(_suffix.AsSpan(at * dd, dd), gw, _normSuffix[at]);
                bool one = inputs[(p * m) + i + 1] == 1;
                Multiply(gw, false, _suffix.AsSpan(next * dd, dd), true, one ? _dA1 : _dA0, d, accumulate: true);
                Multiply(one ? _a1 : _a0, true, gw, false, _gSuffix.AsSpan(next * dd, dd), d, accumulate: true);
            }
        }

        var ga = Attention.Grad.Span;
        var gb = Classifier.Grad.Span;
        for (int k = 0; k < dd; k++)
        {
            ga[2 * k] = _dA0[k]; ga[(2 * k) + 1] = _dA1[k];
            gb[2 * k] = _dB0[k]; gb[(2 * k) + 1] = _dB1[k];
        }
    }

    private DenseTensor<T> PeriodicFeatures(ReadOnlySpan<byte> inputs, int count, int m)
    {
        int d = _d, dd = d * d;
        var z = DenseTensor<T>.Zeros(count * m, 2 * dd);
        var span = z.Span;
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                int x = inputs[(p * m) + i];
                var row = span.Slice(((p * m) + i) * 2 * dd, 2 * dd);
                var c = _context.AsSpan(((i * count) + p) * dd, dd);
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b < d; b++)
                    {
                        row[(((a * d) + b) * 2) + x] = c[(b * d) + a];
                    }
                }
            }
        }

        return z;
    }

    private static void Identity(Span<T> destination, int d, T diagonal)
    {
        destination.Clear();
        for (int k = 0; k < d; k++)
        {
            destination[(k * d) + k] = diagonal;
        }
    }

    /// <summary>c (+)= op(a) op(b) for d x d row-major matrices, op(x) = x or x^T.</summary>
    private static void Multiply(ReadOnlySpan<T> a, bool transposeA, ReadOnlySpan<T> b, bool transposeB, Span<T> c, int d, bool accumulate)
    {
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++)
            {
                T sum = T.Zero;
                for (int j = 0; j < d; j++)
                {
                    sum += (transposeA ? a[(j * d) + i] : a[(i * d) + j]) * (transposeB ? b[(k * d) + j] : b[(j * d) + k]);
                }

                c[(i * d) + k] = accumulate ? c[(i * d) + k] + sum : sum;
            }
        }
    }

    /// <summary>g = (g - u (u . g)) / norm: the gradient through u = v / |v| (Frobenius), norm = |v|.</summary>
    private static void ProjectOutMatrix(ReadOnlySpan<T> u, Span<T> g, T norm)
    {
        T dot = T.Zero;
        for (int k = 0; k < u.Length; k++)
        {
            dot += u[k] * g[k];
        }

        for (int k = 0; k < u.Length; k++)
        {
            g[k] = (g[k] - (dot * u[k])) / norm;
        }
    }
}
