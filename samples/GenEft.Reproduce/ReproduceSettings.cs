namespace GenEft.Reproduce;

/// <summary>The main job's settings (the command-line options).</summary>
/// <param name="Output">The folder for the CSV files.</param>
/// <param name="Seeds">Training runs per learning-rate setting.</param>
/// <param name="Steps">The training budget in steps (Table 4's 10^5 at paper scale).</param>
/// <param name="ReponSamples">Monte Carlo starts per eta_x/eta_A ratio.</param>
/// <param name="PerceptronTrials">Monte Carlo training sets per (N, eps_l).</param>
public sealed record ReproduceSettings(string Output, int Seeds, long Steps, long ReponSamples, long PerceptronTrials);
