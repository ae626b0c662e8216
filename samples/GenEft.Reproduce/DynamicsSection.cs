using GenEft.Dynamics.Repons;

namespace GenEft.Reproduce;

/// <summary>
/// GenEFT Section IV: two same-class repons collide (generalize) with probability Eq. 12; the Monte Carlo integrates
/// the reduced ODE (Eq. 10) from Gaussian starts (sigma_a = sigma_c = 1) to a verdict.
/// </summary>
public static class DynamicsSection
{
    /// <summary>Prints the table and the sentence, writing dynamics.csv row by row.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Stops the Monte Carlo; finished ratios stay in the file.</param>
    public static void Run(ReproduceSettings settings, CancellationToken cancellationToken)
    {
        const double sigmaA = 1, sigmaC = 1, etaA = 1;
        double[] ratios = [0.01, 0.1, 1, 10, 100];
        Console.WriteLine($"== Dynamics (GenEFT Section IV, Eq. 12, Figure 6 theory): P(collision) vs eta_x / eta_A, {settings.ReponSamples} starts each");
        using var csv = new ResultsFile(Path.Combine(settings.Output, "dynamics.csv"), "eta_x_over_eta_A,eq12,monte_carlo,standard_error,z");
        Console.WriteLine($"{"eta_x/eta_A",12}{"Eq. 12",10}{"Monte Carlo",14}{"z",8}");
        var rows = new List<(double Ratio, double Formula, double Estimate, double StandardError)>();
        foreach (double ratio in ratios)
        {
            double etaX = ratio * etaA;
            double formula = ReponCollisionProbability.TwoRepons(sigmaA, sigmaC, etaA, etaX);
            var estimate = new ReponCollisionMonteCarlo(new ReducedReponSystem(etaA, etaX), sigmaA, sigmaC)
                .Estimate(settings.ReponSamples, seed: 12, cancellationToken: cancellationToken);
            double z = Headlines.ZScore(formula, estimate.Probability, estimate.StandardError);
            Console.WriteLine($"{ratio,12:G3}{formula,10:F4}{estimate.Probability,10:F4} ± {estimate.StandardError:F4}{z,8:F2}");
            csv.Append($"{ratio:R},{formula:R},{estimate.Probability:R},{estimate.StandardError:R},{z:R}");
            rows.Add((ratio, formula, estimate.Probability, estimate.StandardError));
            ProgressLog.Line("dynamics", $"{rows.Count}/{ratios.Length} eta_x/eta_A = {ratio:G3} done");
        }

        Console.WriteLine(Headlines.Dynamics(rows) + "\n");
    }
}
