namespace GenEft.Dynamics.Repons;

/// <summary>A point of the reduced repon phase plane (GenEFT Eq. 10, Figure 4).</summary>
/// <param name="A2">The decoder weight a2 = a + b along the repon separation (GenEFT Eq. 9).</param>
/// <param name="C">Half the repon separation c (for a single pair, r = c r0 with |r0| = 1).</param>
public readonly record struct ReducedReponState(double A2, double C);
