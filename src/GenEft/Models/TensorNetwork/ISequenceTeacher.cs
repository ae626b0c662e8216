namespace GenEft.Models.TensorNetwork;

/// <summary>
/// A sequence-to-sequence teacher on 0/1 sequences: it maps every input sequence of length M to a label sequence of the
/// same length. Implement it to train the tensor-network attention model on your own rule; the default is
/// <see cref="LocalRule"/> (an elementary cellular automaton applied K times).
/// </summary>
public interface ISequenceTeacher
{
    /// <summary>Writes the labels of a batch of sequences.</summary>
    /// <param name="inputs">Input bits (each 0 or 1), row-major [count, length].</param>
    /// <param name="length">M, the length of every sequence; at least 1.</param>
    /// <param name="labels">Receives the label bits, row-major [count, length]; the same length as <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, their length is not a multiple of <paramref name="length"/>, or an input byte is neither 0 nor 1.</exception>
    void Apply(ReadOnlySpan<byte> inputs, int length, Span<byte> labels);
}
