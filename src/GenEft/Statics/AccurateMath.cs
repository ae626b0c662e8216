namespace GenEft.Statics;

/// <summary>
/// exp(x) - 1 and ln(1 + x) accurate near 0 (Kahan's tricks; the BCL's double.ExpM1 / LogP1 are the naive forms).
/// </summary>
internal static class AccurateMath
{
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
