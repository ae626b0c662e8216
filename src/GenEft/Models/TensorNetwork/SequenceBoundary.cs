namespace GenEft.Models.TensorNetwork;

/// <summary>How a local rule treats the two ends of a finite 0/1 sequence x_1..x_M.</summary>
public enum SequenceBoundary
{
    /// <summary>Zero padded: x_0 = x_(M+1) = 0 at every application of the rule.</summary>
    Open = 0,

    /// <summary>Periodic: x_0 = x_M and x_(M+1) = x_1 (the sequence is a ring).</summary>
    Periodic = 1,
}
