namespace GenEft.Benchmarks.Tensors;

/// <summary>The textbook triple loop (i, j, p) with scalar accumulation: the floor any kernel must beat.</summary>
internal static class Naive
{
    public static void Gemm(bool ta, bool tb, int m, int n, int k, float[] a, float[] b, float[] c)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (ta ? a[(p * m) + i] : a[(i * k) + p]) * (tb ? b[(j * k) + p] : b[(p * n) + j]);
                }

                c[(i * n) + j] = sum;
            }
        }
    }
}
