using System.Diagnostics;
using System.Globalization;
using GenEft.Relations;
using GenEft.Statics;

// GenEFT Figure 2: accuracy upper bound vs training fraction for n = 30, Eq. 5 beside the Monte Carlo bound.
// Usage: dotnet run -c Release --project samples/Figure2 -- [outputDirectory] [samplings] [orderings]
string outDir = args.Length > 0 ? args[0] : "figure2-output";
int samplings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
int orderings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
const int n = 30;
const int seed = 2402;
Directory.CreateDirectory(outDir);
double[] fractions = Enumerable.Range(1, 20).Select(i => i / 20.0).ToArray();

var cases = new (string Name, IAccuracyBound Bound, double DescriptionLength, double GuessProbability)[]
{
    ("mod 3", new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 3)),
        ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 10, 10, 10 }), GuessProbability.Equivalence(3)),
    ("mod 5", new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 5)),
        ExactDescriptionLength.EquivalenceWithClassSizes(new[] { 6, 6, 6, 6, 6 }), GuessProbability.Equivalence(5)),
    ("greater-than", new LinearExtensionAccuracyBound(RelationGenerators.GreaterThan(n), orderings),
        ExactDescriptionLength.TotalOrder(n), GuessProbability.GreaterThan),
    ("complete bipartite", new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(n, n / 2)),
        ExactDescriptionLength.CompleteBipartite(n, n / 2), GuessProbability.CompleteBipartite),
};

string csvPath = Path.Combine(outDir, "figure2.csv");
using (var csv = new StreamWriter(csvPath))
{
    csv.WriteLine("relation,description_length_bits,training_fraction,eq5_upper_bound,monte_carlo_mean,monte_carlo_standard_error,samplings");
    foreach (var c in cases)
    {
        var clock = Stopwatch.StartNew();
        var curve = AccuracyBoundEstimator.EstimateCurve(c.Bound, fractions, samplings, seed);
        Console.WriteLine($"{c.Name}: b = {c.DescriptionLength:F2} bits, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var point in curve)
        {
            double eq5 = AccuracyUpperBound.AtTrainingFraction(c.DescriptionLength, n, point.TrainingFraction, c.GuessProbability);
            csv.WriteLine(string.Join(',', c.Name, F(c.DescriptionLength), F(point.TrainingFraction), F(eq5), F(point.Mean), F(point.StandardError), point.Samplings));
        }
    }
}
Console.WriteLine($"wrote {csvPath}");

static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
