using System.Buffers;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// A K-local rule: an elementary cellular automaton applied K times, y = f^K(x), the boundary re-applied at every
/// application (zero padding for <see cref="SequenceBoundary.Open"/>, wrap-around for
/// <see cref="SequenceBoundary.Periodic"/>). The label y_i depends only on x_(i-K)..x_(i+K). K = 1 is the automaton
/// itself; the default teacher of the tensor-network attention model is rule 30 with K = 1.
/// </summary>
public sealed class LocalRule : ISequenceTeacher
{
    private const int StackRowLimit = 512;

    /// <summary>Creates the rule that applies <paramref name="automaton"/> <paramref name="steps"/> times.</summary>
    /// <param name="automaton">The 1-local rule and its boundary.</param>
    /// <param name="steps">K, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="automaton"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is less than 1.</exception>
    public LocalRule(ElementaryCellularAutomaton automaton, int steps = 1)
    {
        ArgumentNullException.ThrowIfNull(automaton);
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps (K, the number of applications) must be at least 1.");
        }

        Automaton = automaton;
        Steps = steps;
    }

    /// <summary>Creates the K-local rule of Wolfram rule <paramref name="ruleNumber"/>.</summary>
    /// <param name="ruleNumber">The rule number, 0..255.</param>
    /// <param name="steps">K, at least 1.</param>
    /// <param name="boundary">How the two ends are treated.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ruleNumber"/> is outside 0..255 or <paramref name="steps"/> is less than 1.</exception>
    public LocalRule(int ruleNumber, int steps = 1, SequenceBoundary boundary = SequenceBoundary.Open)
        : this(new ElementaryCellularAutomaton(ruleNumber, boundary), steps)
    {
    }

    /// <summary>Rule 30 applied <paramref name="steps"/> times.</summary>
    /// <param name="steps">K, at least 1.</param>
    /// <param name="boundary">How the two ends are treated.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is less than 1.</exception>
    public static LocalRule Rule30(int steps = 1, SequenceBoundary boundary = SequenceBoundary.Open) => new(30, steps, boundary);

    /// <summary>The 1-local rule that is applied.</summary>
    public ElementaryCellularAutomaton Automaton { get; }

    /// <summary>K, the number of applications (the rule's radius: y_i depends on x_(i-K)..x_(i+K)).</summary>
    public int Steps { get; }

    /// <summary>How the two ends are treated.</summary>
    public SequenceBoundary Boundary => Automaton.Boundary;

    /// <summary>Applies the rule K times to every sequence of a batch.</summary>
    /// <param name="inputs">Input bits (each 0 or 1), row-major [count, length].</param>
    /// <param name="length">M, at least 1.</param>
    /// <param name="labels">Receives f^K(x), row-major [count, length]; must not overlap <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The spans differ in length or overlap, the length is not a multiple of <paramref name="length"/>, or an input byte is neither 0 nor 1.</exception>
    public void Apply(ReadOnlySpan<byte> inputs, int length, Span<byte> labels)
    {
        int count = SequenceArguments.CheckBatch(inputs, length, labels.Length, nameof(inputs), nameof(labels));
        if (inputs.Overlaps(labels))
        {
            throw new ArgumentException("labels must not overlap inputs.", nameof(labels));
        }

        if (Steps == 1)
        {
            for (int s = 0; s < count; s++)
            {
                Automaton.StepRow(inputs.Slice(s * length, length), labels.Slice(s * length, length));
            }

            return;
        }

        byte[]? rented = null;
        Span<byte> scratch = 2 * length <= StackRowLimit
            ? stackalloc byte[2 * length]
            : (rented = ArrayPool<byte>.Shared.Rent(2 * length)).AsSpan(0, 2 * length);
        try
        {
            Span<byte> a = scratch[..length], b = scratch[length..];
            for (int s = 0; s < count; s++)
            {
                // x -> a -> b -> a ... ; the last application writes straight into the row's labels.
                scoped ReadOnlySpan<byte> current = inputs.Slice(s * length, length);
                for (int k = 0; k < Steps - 1; k++)
                {
                    Span<byte> next = (k & 1) == 0 ? a : b;
                    Automaton.StepRow(current, next);
                    current = next;
                }

                Automaton.StepRow(current, labels.Slice(s * length, length));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
