using GenEft.Models.Perceptron;

/// <summary>Žunkovič and Ilievski Fig. 2: the 1D model's grokking probability against eps_l for N = 2, 5, 10, exact (finite sum) and Monte Carlo.</summary>
internal static class Figure2
{
    public static void Execute(Options options)
    {
        long trials = options.TrialsOr(100_000);
        int[] ns = [2, 5, 10];
        double[] grid = [.. Enumerable.Range(0, 61).Select(i => Math.Pow(10, -3 + (i * 3.3 / 60)))];
        double[] points = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0];
        var series = new List<Plots.Series>();
        var table = new Table(options.PathOf("figure2.csv"), "N", "eps_l", "P_G exact", "P_G Monte Carlo", "standard error", "z");
        foreach (int n in ns)
        {
            series.Add(new($"N = {n} exact", grid, [.. grid.Select(e => ExponentialModelGrokkingProbability.Exact(n, e))], Group: series.Count / 2));
            var mc = new List<double>();
            var se = new List<double>();
            foreach (double el in points)
            {
                var driver = new ExponentialModelMonteCarlo(n, el, default) { MaxDegreeOfParallelism = options.Threads };
                var p = driver.Run(trials, options.Seed + (ulong)n).GrokkingProbability;
                double exact = ExponentialModelGrokkingProbability.Exact(n, el);
                mc.Add(p.Estimate);
                se.Add(p.StandardError);
                table.Add(n, el, exact, p.Estimate, p.StandardError, (p.Estimate - exact) / Math.Sqrt(exact * (1 - exact) / trials));
            }

            series.Add(new($"N = {n} Monte Carlo", points, mc, se, Points: true, Group: series.Count / 2));
        }

        table.Save();
        Plots.Save(options.PathOf("figure2"), Plots.Chart($"1D model: P_G vs eps_l (Monte Carlo: {trials:N0} training sets per point)", "eps_l = eps (1 + lambda2) + lambda1", "P_G", series, logX: true, yRange: (0, 1)));
    }
}
