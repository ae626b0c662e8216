using GenEft.Analysis;
using GenEft.Models.Perceptron;

/// <summary>
/// The ball model's critical exponent against D: runs aligned at their t_eps (located on the exact flow), test error from
/// the cap formula at log-spaced offsets tau before t_eps, averaged, fitted by log-log least squares over tau in
/// [1e-8, 1e-6], bootstrap error bar; against nu = (D + 1)/2. Also the 1D model (nu = 1) for reference.
/// </summary>
internal static class CriticalExponents
{
    public static void Execute(Options options)
    {
        int runs = (int)options.TrialsOr(100);
        const double epsilon = 1.5;
        var table = new Table(options.PathOf("nu-vs-D.csv"), "D", "runs", "nu measured", "bootstrap SE", "median of per-run slopes", "(D+1)/2", "difference");
        var ds = new List<double>();
        var measured = new List<double>();
        var errors = new List<double>();
        foreach (int d in Enumerable.Range(1, 12))
        {
            var driver = new BallModelMonteCarlo(100, d, epsilon, new PerceptronRegularization(0, 0.05));
            var population = new BallModelPopulationError(epsilon, d);
            var curves = new List<LearningCurve>();
            for (int i = 0; curves.Count < runs && i < 20 * runs; i++)
            {
                var trajectory = new LinearPerceptronFlow(driver.TrainingSet(options.Seed, i), driver.Regularization).Solve(driver.InitialWeights(options.Seed, i));
                double tEps = trajectory.FirstZeroErrorTime(population);
                if (!(tEps > 1e-2 && double.IsFinite(tEps)))
                {
                    continue;
                }

                var times = Enumerable.Range(0, 120).Select(k => tEps - (1e-5 * Math.Pow(1e-4, k / 119.0))).ToArray();
                curves.Add(new LearningCurve(times, [.. times.Select(t => population.Error(trajectory.StateAt(t)))], tEps));
            }

            var fit = CriticalExponentFit.Fit(curves, new CriticalExponentFitOptions(1e-8, 1e-6) { Seed = options.Seed });
            double nu = BallModelCriticalExponent.Nu(d);
            table.Add(d, fit.RunsUsed, fit.Nu, fit.StandardError, fit.MedianRunNu, nu, fit.Nu - nu);
            ds.Add(d);
            measured.Add(fit.Nu);
            errors.Add(fit.StandardError);
        }

        table.Save();
        Plots.Save(options.PathOf("nu-vs-D"), Plots.Chart($"Ball model: measured critical exponent ({runs} aligned runs per D, N = 100, eps 1.5, lambda2 0.05)", "D", "nu",
            [new("measured (bootstrap SE)", ds, measured, errors, Points: true), new("(D + 1)/2", ds, [.. ds.Select(d => (d + 1) / 2)], Dashed: true)]));
    }
}
