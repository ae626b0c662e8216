namespace GenEft.Experiments;

/// <summary>One run of a phase diagram: its two coordinates and its phase (replicates are several cells at the same point).</summary>
/// <param name="X">The horizontal coordinate (e.g. eta_enc).</param>
/// <param name="Y">The vertical coordinate (e.g. eta_dec).</param>
/// <param name="Phase">The run's phase.</param>
public readonly record struct PhaseCell(double X, double Y, Phase Phase);

/// <summary>A point on a fitted phase boundary.</summary>
/// <param name="X">The column's coordinate.</param>
/// <param name="Y">The boundary's coordinate in that column.</param>
public readonly record struct BoundaryPoint(double X, double Y);
