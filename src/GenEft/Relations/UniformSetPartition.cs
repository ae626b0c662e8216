namespace GenEft.Relations;

/// <summary>
/// Uniform random set partition of n elements into exactly k blocks, through the Stirling recurrence in log space
/// (so n up to millions does not overflow).
/// </summary>
internal static class UniformSetPartition
{
    public static int[] Sample(int n, int k, Random random)
    {
        // logS[m][j] for m = 0..n, j = 0..k, only j <= m matters.
        var logS = new double[(n + 1) * (k + 1)];
        Array.Fill(logS, double.NegativeInfinity);
        logS[0] = 0;
        for (int m = 1; m <= n; m++)
        {
            int top = Math.Min(m, k);
            for (int j = 1; j <= top; j++)
            {
                double stay = logS[(m - 1) * (k + 1) + j] + Math.Log(j);
                double open = logS[(m - 1) * (k + 1) + j - 1];
                logS[m * (k + 1) + j] = LogAdd(stay, open);
            }
        }
        // Decide from the last element down whether it opens a block; blocks are numbered by opening order later.
        var opens = new bool[n + 1];
        var joinIndex = new int[n + 1];
        int blocks = k;
        for (int m = n; m >= 1; m--)
        {
            double pOpen = Math.Exp(logS[(m - 1) * (k + 1) + blocks - 1] - logS[m * (k + 1) + blocks]);
            if (random.NextDouble() < pOpen) { opens[m] = true; blocks--; }
            else joinIndex[m] = random.Next(blocks);
        }
        var labels = new int[n];
        int opened = 0;
        for (int m = 1; m <= n; m++) labels[m - 1] = opens[m] ? opened++ : joinIndex[m];
        return labels;
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double hi = Math.Max(a, b), lo = Math.Min(a, b);
        return hi + Math.Log(1 + Math.Exp(lo - hi));
    }
}
