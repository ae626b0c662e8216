using GenEft.Relations;
using GenEft.Statics;

namespace GenEft.Reproduce;

/// <summary>
/// GenEFT Section III: description length b = log2(n!/|Aut|), the critical training fraction p_c (Eq. 4) and the
/// accuracy upper bounds (Eq. 5 and the Appendix D Monte Carlo) for the Table 1 relations, n = 30.
/// </summary>
public static class StaticsSection
{
    /// <summary>Prints the table and the sentence, writing statics.csv row by row.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Stops between relations (and inside the Monte Carlo); finished rows stay in the file.</param>
    public static void Run(ReproduceSettings settings, CancellationToken cancellationToken)
    {
        const int n = 30;
        Console.WriteLine("== Statics (GenEFT Section III, Table 2, Eq. 4-5, Figure 2), n = 30");
        var relations = new (string Name, Relation Relation, double Table2, double GuessP, IAccuracyBound Bound)[]
        {
            ("mod 3", RelationGenerators.EqualityModulo(n, 3), DescriptionLength.Equivalence(n, 3), GuessProbability.Equivalence(3), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 3))),
            ("mod 5", RelationGenerators.EqualityModulo(n, 5), DescriptionLength.Equivalence(n, 5), GuessProbability.Equivalence(5), new CandidateClassAccuracyBound(RelationGenerators.EqualityModulo(n, 5))),
            ("greater-than", RelationGenerators.LessThan(n), DescriptionLength.TotalOrder(n), GuessProbability.TotalOrder, new LinearExtensionAccuracyBound(RelationGenerators.LessThan(n), orderingsPerSampling: 1000)),
            ("complete bipartite", RelationGenerators.CompleteBipartite(n, 10), DescriptionLength.CompleteBipartite(n), GuessProbability.CompleteBipartite, new CandidateClassAccuracyBound(RelationGenerators.CompleteBipartite(n, 10))),
        };
        double[] fractions = [0.05, 0.1, 0.2, 0.3];
        using var csv = new ResultsFile(Path.Combine(settings.Output, "statics.csv"), "relation,b_orbit_bits,b_table2_bits,p_c_alpha_0.9,fraction,eq5_bound,monte_carlo_bound,monte_carlo_se");
        Console.WriteLine($"{"relation",-20}{"b = log2(n!/|Aut|)",20}{"Table 2",10}{"p_c(0.9)",10}   fraction: Eq. 5 / Monte Carlo bound");
        var rows = new List<(string Name, double DescriptionLength, double CriticalFraction)>();
        foreach (var (name, relation, table2, guess, bound) in relations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double b = OrbitDescriptionLength.Of(relation);
            double pc = CriticalTrainingFraction.Of(0.9, b, n);
            var estimates = AccuracyBoundEstimator.EstimateCurve(bound, fractions, samplings: 10, seed: 1, cancellationToken: cancellationToken);
            var cells = new List<string>();
            foreach (var e in estimates)
            {
                double eq5 = AccuracyUpperBound.AtTrainingFraction(b, n, e.TrainingFraction, guess);
                cells.Add($"{e.TrainingFraction:F2}: {eq5:F3}/{e.Mean:F3}");
                csv.Append($"{name},{b:R},{table2:R},{pc:R},{e.TrainingFraction:R},{eq5:R},{e.Mean:R},{e.StandardError:R}");
            }

            Console.WriteLine($"{name,-20}{b,20:F2}{table2,10:F2}{pc,10:F4}   {string.Join("  ", cells)}");
            rows.Add((name, b, pc));
            ProgressLog.Line("statics", $"{rows.Count}/{relations.Length} {name} done");
        }

        Console.WriteLine(Headlines.Statics(rows) + "\n");
    }
}
