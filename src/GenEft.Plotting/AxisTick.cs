namespace GenEft.Plotting;

/// <summary>One tick of an axis: where it sits (in the axis's drawing coordinate: log10 of the value on a log axis), its label, and whether it is a labelled major tick.</summary>
/// <param name="Position">The position in drawing coordinates.</param>
/// <param name="Label">The label; empty for minor ticks.</param>
/// <param name="IsMajor">Whether the tick is major (labelled, with a grid line).</param>
public readonly record struct AxisTick(double Position, string Label, bool IsMajor);
