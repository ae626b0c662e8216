using GenEft.Dynamics;
using GenEft.Models.Perceptron;

/// <summary>
/// Settles Eq. 8 of Žunkovič and Ilievski by simulation: the time the 1D flow (Eq. 5, integrated by Dormand-Prince with an
/// event at b = epsilon) reaches zero test error, against Eq. 8 as printed and with the 1/(1 + lambda2) factor.
/// </summary>
internal static class Equation8
{
    public static void Execute(Options options)
    {
        const double epsilon = 0.3, mean = 0.05, b0 = 2;
        var table = new Table(options.PathOf("equation8.csv"), "lambda1", "lambda2", "simulated t_eps", "derived (with 1/(1+lambda2))", "Eq. 8 as printed", "|simulated - derived|", "simulated / printed");
        var solver = new DormandPrince54Solver(1e-12, 1e-14);
        foreach (var (l1, l2) in new[] { (0.0, 0.0), (0.0, 0.1), (0.0, 0.5), (0.0, 1.0), (0.05, 0.5), (0.1, 2.0) })
        {
            var regularization = new PerceptronRegularization(l1, l2);
            var crossing = new OdeEvent((_, y) => y[0] - epsilon, EventDirection.Decreasing, isTerminal: true);
            var hit = solver.Solve(new ExponentialModelBiasSystem(mean, regularization), 0, [b0], 1000, new double[1], new OdeRequest { Events = [crossing] });
            double derived = ExponentialModelZeroTestErrorTime.Compute(epsilon, b0, mean, regularization);
            double printed = ExponentialModelZeroTestErrorTime.AsPrinted(epsilon, b0, mean, regularization);
            table.Add(l1, l2, hit.Time, derived, printed, Math.Abs(hit.Time - derived).ToString("E1", System.Globalization.CultureInfo.InvariantCulture), hit.Time / printed);
        }

        table.Save();
    }
}
