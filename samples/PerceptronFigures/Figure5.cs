using GenEft.Models.Perceptron;

/// <summary>
/// Žunkovič and Ilievski Fig. 5: the ball model's grokking probability (stationary solution with zero test error) against
/// D, lambda2, N and epsilon around the defaults D = 10, lambda2 = 0.1, N = 10, epsilon = 1.01, without L1 and with
/// lambda1 = <see cref="L1"/>, and against lambda1 itself.
/// </summary>
internal static class Figure5
{
    public const double L1 = 0.05;

    private static readonly (string Name, double[] Values)[] Axes =
    [
        ("D", [1, 2, 3, 4, 6, 8, 10, 12, 15, 20, 30]),
        ("lambda2", [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]),
        ("N", [2, 3, 5, 10, 20, 50, 100, 200, 500]),
        ("epsilon", [1.0, 1.005, 1.01, 1.02, 1.05, 1.1, 1.2, 1.5, 2]),
    ];

    private static readonly double[] L1Values = [0, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

    public static void Execute(Options options)
    {
        long trials = options.TrialsOr(20_000);
        var table = new Table(options.PathOf("figure5.csv"), "axis", "value", "lambda1", "P_G", "standard error", "Wilson 95% low", "Wilson 95% high");
        var panels = new List<GenEft.Plotting.Chart>();
        foreach (var (axis, values) in Axes)
        {
            var series = new List<Plots.Series>();
            foreach (double l1 in new[] { 0.0, L1 })
            {
                var p = new List<double>();
                var se = new List<double>();
                foreach (double v in values)
                {
                    int d = axis == "D" ? (int)v : 10, n = axis == "N" ? (int)v : 10;
                    double l2 = axis == "lambda2" ? v : 0.1, epsilon = axis == "epsilon" ? v : 1.01;
                    var driver = new BallModelMonteCarlo(n, d, epsilon, new PerceptronRegularization(l1, l2)) { MaxDegreeOfParallelism = options.Threads };
                    var estimate = driver.Run(trials, options.Seed).GrokkingProbability;
                    var (low, high) = estimate.WilsonInterval();
                    table.Add(axis, v, l1, estimate.Estimate, estimate.StandardError, low, high);
                    p.Add(estimate.Estimate);
                    se.Add(estimate.StandardError);
                }

                string label = l1 == 0 ? "no L1" : $"lambda1 = {l1}";
                double[] xs = axis == "lambda2" ? [.. values.Select(v => Math.Max(v, 1e-4))] : values;
                series.Add(new(label, xs, p, se, Points: true, Group: l1 == 0 ? 0 : 1));
                series.Add(new("", xs, p, Group: l1 == 0 ? 0 : 1));
            }

            bool logX = axis is "lambda2" or "N" or "D";
            string xLabel = axis == "lambda2" ? "lambda2 (0 drawn at 1e-4)" : axis == "epsilon" ? "epsilon" : axis;
            panels.Add(Plots.Chart($"P_G vs {axis}", xLabel, "P_G", series, logX: logX, yRange: (0, 1)));
        }

        var sweep = new List<double>();
        var sweepError = new List<double>();
        foreach (double l1 in L1Values)
        {
            var estimate = new BallModelMonteCarlo(10, 10, 1.01, new PerceptronRegularization(l1, 0.1)) { MaxDegreeOfParallelism = options.Threads }.Run(trials, options.Seed).GrokkingProbability;
            var (low, high) = estimate.WilsonInterval();
            table.Add("lambda1", l1, l1, estimate.Estimate, estimate.StandardError, low, high);
            sweep.Add(estimate.Estimate);
            sweepError.Add(estimate.StandardError);
        }

        double[] l1Axis = [.. L1Values.Select(v => Math.Max(v, 1e-4))];
        panels.Add(Plots.Chart("P_G vs lambda1", "lambda1 (0 drawn at 1e-4)", "P_G", [new("P_G", l1Axis, sweep, sweepError, Points: true, Group: 2), new("", l1Axis, sweep, Group: 2)], logX: true, yRange: (0, 1)));
        Plots.Save(options.PathOf("figure5"), $"Ball model: P_G ({trials:N0} training sets per point; defaults D 10, lambda2 0.1, N 10, eps 1.01; L1: lambda1 = {L1})", 2, panels);
        table.Save();
    }
}
