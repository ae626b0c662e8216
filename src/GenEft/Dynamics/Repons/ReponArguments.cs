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

    /// <summary>
    /// Both rates 0 freeze every state: there is no conserved quantity, no separatrix and no outcome to report, so the
    /// systems that report them need at least one rate positive.
    /// </summary>
    public static void ThrowIfBothZero(double decoderRate, double encoderRate)
    {
        if (decoderRate == 0 && encoderRate == 0)
        {
            throw new ArgumentOutOfRangeException("encoderLearningRate", encoderRate, "Must be positive when decoderLearningRate is 0 (with both rates 0 nothing moves, and C, the separatrix and the outcome are undefined).");
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
