using System.Diagnostics;
using System.Globalization;
using GenEft.Plotting;
using GenEft.Relations;
using GenEft.Statics;

// GenEFT Figure 2: the accuracy upper bound against the training fraction for n = 30 (mod 3, mod 5, greater-than,
// complete bipartite), the Monte Carlo bound of Appendix D beside the analytic Eq. 5; then, for small n, the
// exact Bayes-optimal bound beside the Monte Carlo recipes.
// Usage: dotnet run -c Release --project samples/Figure2 -- [outputDirectory] [samplings] [orderings]
//        dotnet run -c Release --project samples/Figure2 -- --replot directory [filePrefix]
//   (--replot redraws the figures from directory/{filePrefix}figure2.csv and {filePrefix}exact-vs-monte-carlo.csv)
if (args.Length > 0 && args[0] == "--replot")
{
    string directory = args.Length > 1 ? args[1] : throw new ArgumentException("--replot needs the directory of the CSV files.");
    string prefix = Path.Combine(directory, args.Length > 2 ? args[2] : "");
    Figure2Plots.Curves(CsvTable.Read(prefix + "figure2.csv"), prefix + "figure2", 30);
    Figure2Plots.ExactComparison(CsvTable.Read(prefix + "exact-vs-monte-carlo.csv"), prefix + "exact-vs-monte-carlo");
    Console.WriteLine($"redrew {prefix}figure2*.png/svg and {prefix}exact-vs-monte-carlo.png/svg");
    return;
}

string outDir = args.Length > 0 ? args[0] : "figure2-output";
int samplings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
int orderings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
const int seed = 2402;
Directory.CreateDirectory(outDir);

WriteFigure2(30);
WriteExactComparison();

void WriteFigure2(int n)
{
    double[] fractions = Enumerable.Range(1, 20).Select(i => i / 40.0).ToArray();
    var cases = new (string Name, IAccuracyBound Bound, double Bits, double PStar)[]
    {
        ("mod 3", new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 3)),
            OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(n, 3)), GuessProbability.Equivalence(3)),
        ("mod 5", new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 5)),
            OrbitDescriptionLength.Of(RelationGenerators.EqualityModulo(n, 5)), GuessProbability.Equivalence(5)),
        ("greater-than", new LinearExtensionAccuracyBound(RelationGenerators.LessThan(n), orderings),
            OrbitDescriptionLength.Of(RelationGenerators.LessThan(n)), GuessProbability.TotalOrder),
        ("bipartite", new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(n, n / 2)),
            OrbitDescriptionLength.Of(RelationGenerators.CompleteBipartite(n, n / 2)), GuessProbability.CompleteBipartite),
    };
    string csvPath = Path.Combine(outDir, "figure2.csv");
    var csv = new StreamWriter(csvPath);
    csv.WriteLine("relation,description_length_bits,training_fraction,eq5_upper_bound,monte_carlo_mean,monte_carlo_standard_error,bayes_mean,bayes_standard_error,samplings");
    foreach (var c in cases)
    {
        var clock = Stopwatch.StartNew();
        var curve = AccuracyBoundEstimator.EstimateCurve(c.Bound, fractions, samplings, seed);
        var eq5 = fractions.Select(f => AccuracyUpperBound.AtTrainingFraction(c.Bits, n, f, c.PStar)).ToArray();
        // The Bayes-optimal bound (uniform over the relabellings of the relation) on the same training samples: exact
        // for two classes, by importance sampling for mod 3 and mod 5; greater-than's Monte Carlo already is one.
        IAccuracyBound? bayes = c.Name switch
        {
            "bipartite" => new TwoClassExactAccuracyBound(c.Bound.Relation),
            "mod 3" or "mod 5" => new EquivalenceImportanceSamplingBound(c.Bound.Relation, orderings),
            _ => null,
        };
        var exact = bayes is null ? null : AccuracyBoundEstimator.EstimateCurve(bayes, fractions, samplings, seed);
        Console.WriteLine($"{c.Name}: b = {c.Bits:F2} bits, curves in {clock.Elapsed.TotalSeconds:F1} s");
        for (int i = 0; i < curve.Length; i++)
            csv.WriteLine(string.Join(',', c.Name, F(c.Bits), F(fractions[i]), F(eq5[i]), F(curve[i].Mean), F(curve[i].StandardError),
                exact is null ? "" : F(exact[i].Mean), exact is null ? "" : F(exact[i].StandardError), samplings));
    }
    csv.Dispose();
    // All Monte Carlo curves together, then one panel per relation with Eq. 5 beside its Monte Carlo points.
    Figure2Plots.Curves(CsvTable.Read(csvPath), Path.Combine(outDir, "figure2"), n);
    Console.WriteLine($"wrote {csvPath}, figure2.png/svg and figure2-panels.png/svg");
}

// Small n: the exact Bayes-optimal bound (uniform prior over the relabellings of the true relation, i.e. its orbit;
// for greater-than that is all n! total orders) beside the Monte Carlo recipe and Eq. 5.
void WriteExactComparison()
{
    double[] fractions = { 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5 };
    var cases = new (string Name, Relation Truth, IAccuracyBound Recipe, double PStar)[]
    {
        ("mod 3, n = 6", RelationGenerators.EqualityModulo(6, 3), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(6, 3)), GuessProbability.Equivalence(3)),
        ("mod 2, n = 7", RelationGenerators.EqualityModulo(7, 2), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(7, 2)), GuessProbability.Equivalence(2)),
        ("complete bipartite, n = 7 (3 + 4)", RelationGenerators.CompleteBipartite(7, 3), new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(7, 3)), GuessProbability.CompleteBipartite),
        ("greater-than, n = 7", RelationGenerators.LessThan(7), new LinearExtensionAccuracyBound(RelationGenerators.LessThan(7), orderings), GuessProbability.TotalOrder),
    };
    string path = Path.Combine(outDir, "exact-vs-monte-carlo.csv");
    var csv = new StreamWriter(path);
    csv.WriteLine("relation,training_fraction,exact_bayes_mean,exact_bayes_standard_error,monte_carlo_mean,monte_carlo_standard_error,importance_sampling_mean,eq5_upper_bound,samplings");
    const int smallSamplings = 200;
    foreach (var c in cases)
    {
        var exact = new ExactAccuracyBound(c.Truth, RelationEnumeration.Orbit(c.Truth));
        double bits = OrbitDescriptionLength.Of(c.Truth);
        // Same seed: both bounds see the same training samples.
        var exactCurve = AccuracyBoundEstimator.EstimateCurve(exact, fractions, smallSamplings, seed);
        var recipeCurve = AccuracyBoundEstimator.EstimateCurve(c.Recipe, fractions, smallSamplings, seed);
        var sampled = c.Truth.IsEquivalence
            ? AccuracyBoundEstimator.EstimateCurve(new EquivalenceImportanceSamplingBound(c.Truth, orderings), fractions, smallSamplings, seed)
            : null;
        for (int i = 0; i < fractions.Length; i++)
            csv.WriteLine(string.Join(',', $"\"{c.Name}\"", F(fractions[i]), F(exactCurve[i].Mean), F(exactCurve[i].StandardError),
                F(recipeCurve[i].Mean), F(recipeCurve[i].StandardError), sampled is null ? "" : F(sampled[i].Mean),
                F(AccuracyUpperBound.AtTrainingFraction(bits, c.Truth.Size, fractions[i], c.PStar)), smallSamplings));
    }
    csv.Dispose();
    Figure2Plots.ExactComparison(CsvTable.Read(path), Path.Combine(outDir, "exact-vs-monte-carlo"));
    Console.WriteLine($"wrote {path} and exact-vs-monte-carlo.png/svg");
}

static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
