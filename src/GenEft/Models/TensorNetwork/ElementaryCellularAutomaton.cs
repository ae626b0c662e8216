namespace GenEft.Models.TensorNetwork;

/// <summary>
/// An elementary cellular automaton in Wolfram's numbering: one application maps a 0/1 sequence x_1..x_M to
/// y_i = f(x_(i-1), x_i, x_(i+1)), where f(l, c, r) is bit n = 4l + 2c + r of the rule number (0..255). Rule 30 is
/// y_i = x_(i-1) XOR (x_i OR x_(i+1)); rule 90 is x_(i-1) XOR x_(i+1); rule 204 is the identity. The ends follow
/// <see cref="Boundary"/>: zero padded (x_0 = x_(M+1) = 0) or periodic. As a teacher it is the 1-local rule; use
/// <see cref="LocalRule"/> for K applications.
/// </summary>
public sealed class ElementaryCellularAutomaton : ISequenceTeacher
{
    private readonly byte[] table = new byte[8];

    /// <summary>Creates the automaton with Wolfram rule number <paramref name="ruleNumber"/>.</summary>
    /// <param name="ruleNumber">The rule number, 0..255.</param>
    /// <param name="boundary">How the two ends are treated.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ruleNumber"/> is outside 0..255, or <paramref name="boundary"/> is not a defined value.</exception>
    public ElementaryCellularAutomaton(int ruleNumber, SequenceBoundary boundary = SequenceBoundary.Open)
    {
        if (ruleNumber is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ruleNumber), ruleNumber, "An elementary cellular automaton's rule number must be in 0..255 (Wolfram's numbering).");
        }

        if (!Enum.IsDefined(boundary))
        {
            throw new ArgumentOutOfRangeException(nameof(boundary), boundary, "boundary must be SequenceBoundary.Open or SequenceBoundary.Periodic.");
        }

        RuleNumber = ruleNumber;
        Boundary = boundary;
        for (int n = 0; n < 8; n++)
        {
            table[n] = (byte)((ruleNumber >> n) & 1);
        }
    }

    /// <summary>Rule 30, y_i = x_(i-1) XOR (x_i OR x_(i+1)), with the given boundary.</summary>
    /// <param name="boundary">How the two ends are treated.</param>
    /// <returns>The automaton.</returns>
    public static ElementaryCellularAutomaton Rule30(SequenceBoundary boundary = SequenceBoundary.Open) => new(30, boundary);

    /// <summary>The Wolfram rule number, 0..255.</summary>
    public int RuleNumber { get; }

    /// <summary>How the two ends are treated.</summary>
    public SequenceBoundary Boundary { get; }

    /// <summary>f(left, center, right) = bit 4 left + 2 center + right of the rule number.</summary>
    /// <param name="left">x_(i-1), 0 or 1.</param>
    /// <param name="center">x_i, 0 or 1.</param>
    /// <param name="right">x_(i+1), 0 or 1.</param>
    /// <returns>y_i, 0 or 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bit is neither 0 nor 1.</exception>
    public int Evaluate(int left, int center, int right)
    {
        ThrowIfNotBit(left, nameof(left));
        ThrowIfNotBit(center, nameof(center));
        ThrowIfNotBit(right, nameof(right));
        return table[(left << 2) | (center << 1) | right];
    }

    /// <summary>One application of the rule to every sequence of a batch.</summary>
    /// <param name="inputs">Input bits (each 0 or 1), row-major [count, length].</param>
    /// <param name="length">M, at least 1.</param>
    /// <param name="labels">Receives y, row-major [count, length]; must not overlap <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The spans differ in length or overlap, the length is not a multiple of <paramref name="length"/>, or an input byte is neither 0 nor 1.</exception>
    public void Apply(ReadOnlySpan<byte> inputs, int length, Span<byte> labels)
    {
        int count = SequenceArguments.CheckBatch(inputs, length, labels.Length, nameof(inputs), nameof(labels));
        if (inputs.Overlaps(labels))
        {
            throw new ArgumentException("labels must not overlap inputs.", nameof(labels));
        }

        for (int s = 0; s < count; s++)
        {
            StepRow(inputs.Slice(s * length, length), labels.Slice(s * length, length));
        }
    }

    /// <summary>One application to one row (no checks; <paramref name="x"/> and <paramref name="y"/> do not overlap).</summary>
    internal void StepRow(ReadOnlySpan<byte> x, Span<byte> y)
    {
        int m = x.Length;
        ReadOnlySpan<byte> f = table;
        int left = Boundary == SequenceBoundary.Periodic ? x[m - 1] : 0;
        int last = Boundary == SequenceBoundary.Periodic ? x[0] : 0;

        // The 3-bit window (x_(i-1), x_i, x_(i+1)) slides by one shift per position.
        int window = (left << 1) | x[0];
        for (int i = 0; i < m - 1; i++)
        {
            window = ((window << 1) | x[i + 1]) & 7;
            y[i] = f[window];
        }

        y[m - 1] = f[((window << 1) | last) & 7];
    }

    private static void ThrowIfNotBit(int bit, string paramName)
    {
        if (bit is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(paramName, bit, $"{paramName} must be 0 or 1.");
        }
    }
}
