using GenEft.Models.Perceptron;

namespace GenEft.Reproduce;

/// <summary>
/// Žunkovič &amp; Ilievski's 1D exponential model: the grokking probability P_G = P(|xbar| &lt;= eps_l) in closed form
/// (Eq. 15 for N = 2, the finite Gamma-difference sum for any N) against a Monte Carlo over training sets, without
/// regularization (eps_l = eps, Eq. 10).
/// </summary>
public static class PerceptronSection
{
    /// <summary>Prints the table and the sentence, writing perceptron.csv row by row.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Stops the Monte Carlo; finished rows stay in the file.</param>
    public static void Run(ReproduceSettings settings, CancellationToken cancellationToken)
    {
        int[] samplesPerClass = [2, 10];
        double[] separations = [0.01, 0.1, 0.5];
        Console.WriteLine($"== Perceptron grokking (Zunkovic & Ilievski, 1D exponential model, Eq. 11-15): P_G vs eps_l, {settings.PerceptronTrials} training sets each");
        using var csv = new ResultsFile(Path.Combine(settings.Output, "perceptron.csv"), "samples_per_class,eps_l,closed_form,monte_carlo,standard_error,z");
        Console.WriteLine($"{"N",4}{"eps_l",8}{"closed form",13}{"Monte Carlo",14}{"z",8}");
        var rows = new List<(int SamplesPerClass, double EffectiveSeparation, double Exact, double Estimate, double StandardError)>();
        int total = samplesPerClass.Length * separations.Length;
        foreach (int n in samplesPerClass)
        {
            foreach (double epsilon in separations)
            {
                var regularization = PerceptronRegularization.None;
                double epsL = ExponentialModelSeparation.Effective(epsilon, regularization);
                double exact = n == 2 ? ExponentialModelGrokkingProbability.TwoSamplesPerClass(epsL) : ExponentialModelGrokkingProbability.Exact(n, epsL);
                var result = new ExponentialModelMonteCarlo(n, epsilon, regularization).Run(settings.PerceptronTrials, seed: 5, cancellationToken: cancellationToken);
                var p = result.GrokkingProbability;
                double z = Headlines.ZScore(exact, p.Estimate, p.StandardError);
                Console.WriteLine($"{n,4}{epsL,8:G3}{exact,13:F4}{p.Estimate,10:F4} ± {p.StandardError:F4}{z,8:F2}");
                csv.Append($"{n},{epsL:R},{exact:R},{p.Estimate:R},{p.StandardError:R},{z:R}");
                rows.Add((n, epsL, exact, p.Estimate, p.StandardError));
                ProgressLog.Line("perceptron", $"{rows.Count}/{total} N = {n}, eps_l = {epsL:G3} done");
            }
        }

        Console.WriteLine(Headlines.Perceptron(rows) + "\n");
    }
}
