namespace GenEft.Models.Perceptron;

/// <summary>The argument checks shared by the perceptron APIs: each throws naming the parameter and the allowed range.</summary>
internal static class PerceptronArguments
{
    public static void ThrowIfNotPositiveFinite(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive and finite.");
        }
    }

    public static void ThrowIfNegativeOrNotFinite(double value, string paramName)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be non-negative and finite.");
        }
    }

    public static void ThrowIfNotFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite.");
        }
    }

    public static void ThrowIfNotAboveOne(double value, string paramName)
    {
        if (!(value > 1 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and greater than 1 (zero test error in the ball model needs epsilon > 1).");
        }
    }

    public static void ThrowIfLessThanOne(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1.");
        }
    }

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

    public static void ThrowIfLengthIsNot(int length, int expected, string paramName)
    {
        if (length != expected)
        {
            throw new ArgumentException($"{paramName} has length {length}; expected {expected}.", paramName);
        }
    }
}
