namespace GenEft.Dynamics.Repons;

/// <summary>One trajectory of the reduced repon system, sampled at output times (a line of GenEFT Figure 4).</summary>
/// <param name="Start">The initial point.</param>
/// <param name="Outcome">Its outcome by the sign of the conserved quantity.</param>
/// <param name="Times">The output times.</param>
/// <param name="A2">a2 at each output time.</param>
/// <param name="C">c at each output time.</param>
public sealed record ReponTrajectory(ReducedReponState Start, ReponOutcome Outcome, double[] Times, double[] A2, double[] C);
