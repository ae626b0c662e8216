namespace GenEft.Dynamics.Repons;

/// <summary>Argument checks shared by the repon systems.</summary>
internal static class ReponArguments
{
    public static void ThrowIfNotRate(double rate, string parameterName)
    {
        if (!(rate >= 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(parameterName, rate, "A learning rate must be non-negative and finite.");
        }
    }

    public static void ThrowIfNotPositiveRate(double rate, string parameterName)
    {
        if (!(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(parameterName, rate, "Must be positive and finite.");
        }
    }

    public static void ThrowIfNotPositiveScale(double sigma, string parameterName)
    {
        if (!(sigma > 0 && double.IsFinite(sigma)))
        {
            throw new ArgumentOutOfRangeException(parameterName, sigma, "An initialization scale must be positive and finite.");
        }
    }
}
