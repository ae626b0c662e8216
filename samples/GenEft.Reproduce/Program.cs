// The main job: reproduce the GenEFT paper's headline results with small defaults, using only the
// public API. Each section prints a table and writes a CSV under the output folder (first argument,
// default "reproduce-output"). Paper-scale runs live in the other samples (Figure2, Figure4And6Theory,
// GenEftFigures); docs/reproduction.md compares their numbers with the paper.
using System.Diagnostics;
using System.Globalization;
using GenEft.Dynamics.Repons;
using GenEft.Experiments;
using GenEft.Relations;
using GenEft.Statics;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : "reproduce-output";
Directory.CreateDirectory(output);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var total = Stopwatch.StartNew();
Statics(output);
Dynamics(output, cancel.Token);
Training(output, cancel.Token);
Console.WriteLine($"\nAll sections done in {total.Elapsed.TotalSeconds:F0} s; CSV files in {Path.GetFullPath(output)}.");

// GenEFT Section III: description length b = log2(n!/|Aut|), the critical training fraction (Eq. 4),
// and the accuracy upper bounds (Eq. 5 and the Appendix D Monte Carlo) for the Table 1 relations.
static void Statics(string output)
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
    using var csv = new StreamWriter(Path.Combine(output, "statics.csv"));
    csv.WriteLine("relation,b_orbit_bits,b_table2_bits,p_c_alpha_0.9,fraction,eq5_bound,monte_carlo_bound,monte_carlo_se");
    Console.WriteLine($"{"relation",-20}{"b = log2(n!/|Aut|)",20}{"Table 2",10}{"p_c(0.9)",10}   fraction: Eq. 5 / Monte Carlo bound");
    foreach (var (name, relation, table2, guess, bound) in relations)
    {
        double b = OrbitDescriptionLength.Of(relation);
        double pc = CriticalTrainingFraction.Of(0.9, b, n);
        var estimates = AccuracyBoundEstimator.EstimateCurve(bound, fractions, samplings: 10, seed: 1);
        var cells = new List<string>();
        foreach (var e in estimates)
        {
            double eq5 = AccuracyUpperBound.AtTrainingFraction(b, n, e.TrainingFraction, guess);
            cells.Add($"{e.TrainingFraction:F2}: {eq5:F3}/{e.Mean:F3}");
            csv.WriteLine($"{name},{b:R},{table2:R},{pc:R},{e.TrainingFraction:R},{eq5:R},{e.Mean:R},{e.StandardError:R}");
        }

        Console.WriteLine($"{name,-20}{b,20:F2}{table2,10:F2}{pc,10:F4}   {string.Join("  ", cells)}");
    }

    Console.WriteLine("The simpler the relation (smaller b), the less data it needs: p_c orders mod 3 < bipartite < mod 5 < greater-than.\n");
}

// GenEFT Section IV: two same-class repons collide (generalize) with probability Eq. 12; the Monte
// Carlo integrates the reduced ODE (Eq. 10) from Gaussian starts to a verdict.
static void Dynamics(string output, CancellationToken cancellationToken)
{
    const double sigmaA = 1, sigmaC = 1;
    const long samples = 20_000;
    Console.WriteLine("== Dynamics (GenEFT Section IV, Eq. 12, Figure 6 theory): P(collision) vs eta_x / eta_A");
    using var csv = new StreamWriter(Path.Combine(output, "dynamics.csv"));
    csv.WriteLine("eta_x_over_eta_A,eq12,monte_carlo,standard_error,z");
    Console.WriteLine($"{"eta_x/eta_A",12}{"Eq. 12",10}{"Monte Carlo",14}{"z",8}");
    foreach (double ratio in new[] { 0.01, 0.1, 1, 10, 100 })
    {
        const double etaA = 1;
        double etaX = ratio * etaA;
        double formula = ReponCollisionProbability.TwoRepons(sigmaA, sigmaC, etaA, etaX);
        var estimate = new ReponCollisionMonteCarlo(new ReducedReponSystem(etaA, etaX), sigmaA, sigmaC)
            .Estimate(samples, seed: 12, cancellationToken: cancellationToken);
        double z = (estimate.Probability - formula) / Math.Max(estimate.StandardError, 1e-12);
        Console.WriteLine($"{ratio,12:G3}{formula,10:F4}{estimate.Probability,10:F4} ± {estimate.StandardError:F4}{z,8:F2}");
        csv.WriteLine($"{ratio:R},{formula:R},{estimate.Probability:R},{estimate.StandardError:R},{z:R}");
    }

    Console.WriteLine("A faster encoder (larger eta_x/eta_A) makes collisions (generalization) likelier, as Eq. 12 predicts.\n");
}

// GenEFT Sections II and IV: the autoencoder with Table 3 defaults generalizes on mod 3; with the
// decoder learning 1000x faster than the encoder it memorizes (Figure 5's rule of thumb).
static void Training(string output, CancellationToken cancellationToken)
{
    Console.WriteLine("== Autoencoder (GenEFT Table 3 defaults, mod 3, n = 30, budget 1e5 steps, Table 4 phases)");
    var runs = new List<(string Label, double EtaEnc, double EtaDec, ulong Seed)>();
    foreach (ulong seed in new ulong[] { 1, 2, 3 })
    {
        runs.Add(("eta_dec/eta_enc = 1", 1e-3, 1e-3, seed));
        runs.Add(("eta_dec/eta_enc = 1000", 1e-6, 1e-3, seed));
    }

    var results = new TrainingRunResult[runs.Count];
    Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
    {
        var settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Optimizer = new OptimizerSettings { EncoderLearningRate = runs[i].EtaEnc, DecoderLearningRate = runs[i].EtaDec },
            Seed = runs[i].Seed,
        };
        results[i] = TrainingRun.Execute(settings, cancellationToken: cancellationToken);
    });

    using var csv = new StreamWriter(Path.Combine(output, "training.csv"));
    csv.WriteLine("setting,seed,phase,train_reached_step,test_reached_step,steps,final_train_accuracy,final_test_accuracy");
    Console.WriteLine($"{"setting",-24}{"seed",5}{"phase",16}{"train>0.9",11}{"test>0.9",10}{"test acc",10}{"steps/s",9}");
    for (int i = 0; i < runs.Count; i++)
    {
        var r = results[i];
        Console.WriteLine($"{runs[i].Label,-24}{runs[i].Seed,5}{r.Outcome.Phase,16}{r.Outcome.TrainReachedStep?.ToString() ?? "-",11}{r.Outcome.TestReachedStep?.ToString() ?? "-",10}{r.Final.TestAccuracy,10:F3}{r.StepsRun / r.Elapsed.TotalSeconds,9:F0}");
        csv.WriteLine($"{runs[i].Label},{runs[i].Seed},{r.Outcome.Phase},{r.Outcome.TrainReachedStep},{r.Outcome.TestReachedStep},{r.StepsRun},{r.Final.TrainAccuracy:R},{r.Final.TestAccuracy:R}");
    }

    Console.WriteLine("Equal rates generalize; a decoder 1000x faster than the encoder memorizes (GenEFT Figure 5: keep eta_dec/eta_enc below ~10).");
}
