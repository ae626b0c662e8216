namespace GenEft.Models.TensorNetwork;

/// <summary>Argument checks shared by the teachers and datasets of local rules.</summary>
internal static class SequenceArguments
{
    public static void ThrowIfBadLength(int length, string paramName)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, length, $"{paramName} must be at least 1 (a sequence has at least one position).");
        }
    }

    /// <summary>Checks a batch of bits and its output span; returns the number of sequences.</summary>
    public static int CheckBatch(ReadOnlySpan<byte> inputs, int length, int outputLength, string inputsName, string outputsName)
    {
        ThrowIfBadLength(length, nameof(length));
        if (outputLength != inputs.Length)
        {
            throw new ArgumentException($"{outputsName} has {outputLength} elements; it must have as many as {inputsName} ({inputs.Length}).", outputsName);
        }

        if (inputs.Length % length != 0)
        {
            throw new ArgumentException($"{inputsName} has {inputs.Length} elements, not a multiple of length {length} (row-major [count, length]).", inputsName);
        }

        ThrowIfNotBits(inputs, inputsName);
        return inputs.Length / length;
    }

    public static void ThrowIfNotBits(ReadOnlySpan<byte> bits, string paramName)
    {
        int bad = bits.IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
        {
            throw new ArgumentException($"{paramName}[{bad}] = {bits[bad]}; every element must be 0 or 1.", paramName);
        }
    }
}
