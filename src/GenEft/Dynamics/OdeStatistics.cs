namespace GenEft.Dynamics;

/// <summary>Work done by one solve.</summary>
/// <param name="Steps">Accepted steps.</param>
/// <param name="RejectedSteps">Steps rejected by the error control (always 0 for fixed-step solvers).</param>
/// <param name="Evaluations">Right-hand-side evaluations, including the ones spent choosing the first step.</param>
public readonly record struct OdeStatistics(int Steps, int RejectedSteps, int Evaluations);
