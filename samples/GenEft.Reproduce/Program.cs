// The main job: reproduce the headline results of both papers with small defaults, using only the public API.
// Each section prints a table and a sentence derived from it, and writes a CSV (row by row) under --out.
// Progress goes to stderr; Ctrl+C stops at the next checkpoint, keeps every finished row and exits with 130.
// Paper-scale runs are `geneft figure <name>` (docs/cli.md); docs/reproduction.md
// compares their numbers with the papers.
using System.CommandLine;
using System.Globalization;
using GenEft.Reproduce;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = new Option<string>("--out") { Description = "Folder for the CSV files.", DefaultValueFactory = _ => "reproduce-output" };
var seeds = new Option<int>("--seeds") { Description = "Autoencoder runs per learning-rate setting.", DefaultValueFactory = _ => 2 };
var steps = new Option<long>("--steps") { Description = "Autoencoder step budget (Table 4 uses 100000; the default keeps the job near a minute).", DefaultValueFactory = _ => 50_000 };
var reponSamples = new Option<long>("--repon-samples") { Description = "Monte Carlo starts per eta_x/eta_A.", DefaultValueFactory = _ => 20_000 };
var perceptronTrials = new Option<long>("--perceptron-trials") { Description = "Monte Carlo training sets per (N, eps_l).", DefaultValueFactory = _ => 100_000 };
var root = new RootCommand("Reproduces the headline results of GenEFT (statics, repon dynamics, autoencoder phases) and of perceptron grokking (1D P_G).")
{
    output, seeds, steps, reponSamples, perceptronTrials,
};
seeds.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--seeds must be at least 1."); });
steps.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) r.AddError("--steps must be at least 1."); });
reponSamples.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 2) r.AddError("--repon-samples must be at least 2."); });
perceptronTrials.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 2) r.AddError("--perceptron-trials must be at least 2."); });
root.SetAction(parse => MainJob.Run(new ReproduceSettings(
    parse.GetValue(output)!, parse.GetValue(seeds), parse.GetValue(steps), parse.GetValue(reponSamples), parse.GetValue(perceptronTrials))));
return root.Parse(args).Invoke();
