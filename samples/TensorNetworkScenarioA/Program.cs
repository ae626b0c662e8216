// Scenario A of Zunkovic & Ilievski (tensor-network attention, everything trained), at the paper's settings:
//   run   - a resumable, shardable sweep over bond dimension x regulariser x seed (SweepRunner); one JSON record per run
//           under <out>/runs (the learning curve, epoch losses, spikes) and one summary line per run in <out>/sweep.jsonl;
//   plot  - reads the records and writes the tables (stdout, <out>/summary.csv) and figures (<out>/*.png, *.svg).
// Ctrl+C stops after the runs in flight; finished runs are kept and a rerun continues where it stopped.
using System.CommandLine;
using System.Globalization;
using ScenarioASample;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "scenario-a-output" };
var dims = new Option<int[]>("--d") { Description = "Bond dimensions.", DefaultValueFactory = _ => [10, 20, 40], AllowMultipleArgumentsPerToken = true };
var regs = new Option<string[]>("--regularizers") { Description = "none, l2, l1.", DefaultValueFactory = _ => ["none", "l2", "l1"], AllowMultipleArgumentsPerToken = true };
var seeds = new Option<int>("--seeds") { Description = "Runs per (d, regulariser).", DefaultValueFactory = _ => 5 };
var steps = new Option<int>("--k") { Description = "K: the teacher is rule 30 applied K times (K-local).", DefaultValueFactory = _ => 1 };
var testCount = new Option<int>("--test-count") { Description = "Length-1000 test sequences tracked during training.", DefaultValueFactory = _ => 100 };
var finalTest = new Option<int>("--final-test-count") { Description = "Length-1000 sequences checked once after training.", DefaultValueFactory = _ => 1000 };
var interval = new Option<int>("--eval-interval") { Description = "Epochs between evaluations.", DefaultValueFactory = _ => 2 };
var maxEpochs = new Option<int>("--max-epochs") { Description = "Epoch budget.", DefaultValueFactory = _ => 7000 };
var workers = new Option<int>("--workers") { Description = "Parallel runs.", DefaultValueFactory = _ => 2 };
var shard = new Option<int>("--shard") { Description = "This shard's index.", DefaultValueFactory = _ => 0 };
var shards = new Option<int>("--shards") { Description = "Number of shards.", DefaultValueFactory = _ => 1 };
var run = new Command("run", "Runs the sweep (resumable).") { output, dims, regs, seeds, steps, testCount, finalTest, interval, maxEpochs, workers, shard, shards };
run.SetAction((parse, token) => Task.FromResult(Sweep.Run(new SweepSettings(
    parse.GetValue(output)!, parse.GetValue(dims)!, parse.GetValue(regs)!.Select(Sweep.ParseRegularizer).ToArray(), parse.GetValue(seeds), parse.GetValue(steps),
    parse.GetValue(testCount), parse.GetValue(finalTest), parse.GetValue(interval), parse.GetValue(maxEpochs), parse.GetValue(workers), parse.GetValue(shard), parse.GetValue(shards)), token)));
var plotOut = new Option<string>("--out") { Description = "Output folder of 'run'.", DefaultValueFactory = _ => "scenario-a-output" };
var plot = new Command("plot", "Tables and figures from the runs in --out.") { plotOut };
plot.SetAction(parse => RunAnalysis.Plot(parse.GetValue(plotOut)!));
var picOut = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "scenario-a-output" };
var picD = new Option<int>("--d") { Description = "Bond dimension.", DefaultValueFactory = _ => 3 };
var picSeed = new Option<ulong>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
var pictures = new Command("pictures", "The d = 3 structure pictures: left contexts before and after training (none, L2, L1).") { picOut, picD, picSeed };
pictures.SetAction(parse => Pictures.Draw(parse.GetValue(picOut)!, parse.GetValue(picD), parse.GetValue(picSeed)));
var root = new RootCommand("Scenario A of tensor-network attention learning rule 30: sweeps, their analysis and the d = 3 pictures.") { run, plot, pictures };
return root.Parse(args).Invoke();
