namespace GenEft.Analysis;

/// <summary>Argument checks shared by the analysis tools.</summary>
internal static class AnalysisArguments
{
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName}[{i}] = {values[i]} is not finite.", paramName);
            }
        }
    }

    public static void ThrowIfNotPositiveFinite(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive and finite.");
        }
    }
}
