namespace GenEft.Models.TensorNetwork;

/// <summary>Writes the labels (0/1) of <paramref name="count"/> sequences of one length (row-major, same layout as the inputs).</summary>
/// <param name="inputs">The sequences, row-major [count, length], bytes 0 or 1.</param>
/// <param name="count">The number of sequences.</param>
/// <param name="labels">The destination, as long as <paramref name="inputs"/>.</param>
public delegate void TensorNetworkSequenceLabeler(ReadOnlySpan<byte> inputs, int count, Span<byte> labels);
