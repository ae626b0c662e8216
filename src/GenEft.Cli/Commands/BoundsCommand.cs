using System.CommandLine;
using System.Globalization;
using GenEft.Cli.Input;
using GenEft.Cli.Output;
using GenEft.Statics;

namespace GenEft.Cli.Commands;

/// <summary>
/// <c>geneft bounds</c>: accuracy upper bounds against the training fraction (GenEFT Eq. 5 and the Appendix D Monte
/// Carlo, Figure 2), one line per fraction as soon as it is done.
/// </summary>
internal static class BoundsCommand
{
    private static readonly double[] Figure2Fractions = [.. Enumerable.Range(1, 20).Select(i => i * 25 / 1000.0)];

    public static Command Create(Func<TextReader> standardInput)
    {
        var source = new RelationSource();
        var fractions = CommonOptions.CreateList(
            "--fractions", "Training fractions p in [0, 1] (default 0.025, 0.05, ..., 0.5, the grid of Figure 2)",
            Figure2Fractions, p => p >= 0 && p <= 1, "in [0, 1]");
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "The Monte Carlo bound: paper (Appendix D: candidate classes for equivalences and bipartite, uniform linear extensions for total orders), "
                + "two-class-exact (Bayes-optimal, two classes or bipartite), importance-sampling (Bayes-optimal estimate, equivalences), none (Eq. 5 only)",
            DefaultValueFactory = _ => "paper",
        };
        estimator.AcceptOnlyFromAmong("paper", "two-class-exact", "importance-sampling", "none");
        var samplings = CommonOptions.CreateCount("--samplings", "Random training sets averaged per fraction", 20);
        var orderings = CommonOptions.CreateCount("--orderings", "Linear extensions drawn per training set (paper estimator, total orders)", 1000);
        var assignments = CommonOptions.CreateCount("--assignments", "Importance-sampling trials per training set (importance-sampling estimator)", 10_000);
        var guess = new Option<double>("--guess-probability")
        {
            Description = "p* of Eq. 5 (default from the class: 1/k for k classes, 1/2 bipartite, 1/3 total orders)",
        };
        var seed = CommonOptions.CreateSeed(1);
        var threads = CommonOptions.CreateThreads();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per fraction (JSON Lines) instead of text" };

        var command = new Command(
            "bounds",
            "Accuracy upper bounds against the training fraction: GenEFT Eq. 5, f(m) + max(p*, 1 - p*)(1 - f(m)) with f(m) = 1 - (1 - 1/b)^m and m = p n^2, "
            + "beside the Appendix D Monte Carlo over random training sets");
        source.AddTo(command);
        foreach (var option in new Option[] { fractions, estimator, samplings, orderings, assignments, guess, seed, threads, json })
            command.Options.Add(option);

        CommandActions.Set(command, standardInput, (parseResult, context, cancellationToken) =>
        {
            var relation = source.Resolve(parseResult, context);
            double pStar = (parseResult.GetResult(guess) is null ? (double?)null : parseResult.GetValue(guess)) ?? relation.Class.GuessProbability
                ?? throw new CliInputException($"{relation.Name} is in no class with a known p* ({relation.Class.Description}); pass --guess-probability.");
            if (!(pStar >= 0 && pStar <= 1)) throw new CliInputException(FormattableString.Invariant($"--guess-probability must be in [0, 1], got {pStar}."));
            ulong seedValue = parseResult.GetValue(seed);
            string estimatorName = parseResult.GetValue(estimator)!;
            IAccuracyBound? bound = CreateBound(estimatorName, relation, parseResult.GetValue(orderings), parseResult.GetValue(assignments));
            var orbit = RelationCommands.Orbit.Of(relation, cancellationToken);
            if (!(orbit.Bits > 1))
                throw new CliInputException(FormattableString.Invariant($"{relation.Name} has b = {orbit.Bits:F4} bits; Eq. 5 needs b > 1."));

            int n = relation.Relation.Size;
            int samplingCount = parseResult.GetValue(samplings);
            int threadCount = parseResult.GetValue(threads);
            double[] grid = parseResult.GetValue(fractions)!;
            bool asJson = parseResult.GetValue(json);
            var inv = CultureInfo.InvariantCulture;
            if (!asJson)
            {
                context.WriteResult(string.Join(Environment.NewLine,
                    RelationCommands.Header(relation),
                    string.Create(inv, $"b = {orbit.Bits:F4} bits (exact), p* = {pStar:G6}; Monte Carlo: {Describe(estimatorName, bound)}, {samplingCount} samplings, seed {seedValue}"),
                    bound is null
                        ? $"{"fraction",-10}{"Eq. 5",10}"
                        : $"{"fraction",-10}{"Eq. 5",10}{"Monte Carlo",14}{"s.e.",10}"));
            }

            var progress = bound is null ? null : context.Progress($"bounds {relation.Name}");
            for (int f = 0; f < grid.Length; f++)
            {
                double p = grid[f];
                double eq5 = AccuracyUpperBound.AtTrainingFraction(orbit.Bits, n, p, pStar);
                AccuracyBoundEstimate? estimate = null;
                if (bound is not null)
                {
                    var perTask = new SamplingProgress(progress!, f, grid.Length, samplingCount);
                    estimate = AccuracyBoundEstimator.Estimate(bound, p, samplingCount, seedValue, threadCount, perTask, cancellationToken);
                }

                if (asJson)
                {
                    context.WriteResult(JsonLine.Object(w =>
                    {
                        RelationCommands.WriteRelation(w, relation);
                        w.WriteNumber("descriptionLength", orbit.Bits);
                        w.WriteNumber("guessProbability", pStar);
                        w.WriteNumber("trainingFraction", p);
                        w.WriteNumber("eq5", eq5);
                        w.WriteString("estimator", estimatorName);
                        if (estimate is AccuracyBoundEstimate e)
                        {
                            w.WriteNumber("monteCarlo", e.Mean);
                            w.WriteNumberOrNull("standardError", e.StandardError);
                            w.WriteNumber("samplings", e.Samplings);
                            w.WriteNumber("seed", seedValue);
                        }
                    }));
                }
                else if (estimate is AccuracyBoundEstimate e)
                {
                    string se = double.IsNaN(e.StandardError) ? "-" : e.StandardError.ToString("F4", inv);
                    context.WriteResult(string.Create(inv, $"{p,-10:G6}{eq5,10:F4}{e.Mean,14:F4}{se,10}"));
                }
                else
                {
                    context.WriteResult(string.Create(inv, $"{p,-10:G6}{eq5,10:F4}"));
                }
            }

            progress?.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static IAccuracyBound? CreateBound(string estimator, NamedRelation relation, int orderings, int assignments)
    {
        var r = relation.Relation;
        return estimator switch
        {
            "none" => null,
            "two-class-exact" => new TwoClassExactAccuracyBound(r),
            "importance-sampling" => new EquivalenceImportanceSamplingBound(r, assignments),
            _ => relation.Class.Kind switch
            {
                RelationKind.Equivalence or RelationKind.CompleteBipartite => new CandidateClassAccuracyBound(r),
                RelationKind.StrictTotalOrder => new LinearExtensionAccuracyBound(r, orderings),
                _ => throw new CliInputException(
                    $"The paper's Monte Carlo covers equivalences, complete bipartite relations and strict total orders; {relation.Name} is a {relation.Class.Description}. Use --estimator none for Eq. 5 alone."),
            },
        };
    }

    private static string Describe(string estimator, IAccuracyBound? bound) => bound switch
    {
        null => "none (Eq. 5 only)",
        CandidateClassAccuracyBound => "the paper's candidate-class recipe (Appendix D)",
        LinearExtensionAccuracyBound l => FormattableString.Invariant($"the paper's linear extensions (Appendix D), {l.OrderingsPerSampling} orderings per sampling"),
        TwoClassExactAccuracyBound => "exact Bayes-optimal bound for two classes",
        EquivalenceImportanceSamplingBound s => FormattableString.Invariant($"Bayes-optimal bound by importance sampling, {s.AssignmentsPerSampling} trials per sampling"),
        _ => estimator,
    };

    /// <summary>Turns the estimator's finished-sampling counts for one fraction into the overall finished fraction.</summary>
    private sealed class SamplingProgress(StderrProgress progress, int fraction, int fractions, int samplings) : IProgress<int>
    {
        public void Report(int value) => progress.Report((fraction + ((double)value / samplings)) / fractions);
    }
}
