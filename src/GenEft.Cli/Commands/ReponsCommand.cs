using System.CommandLine;
using System.Globalization;
using GenEft.Cli.Output;
using GenEft.Dynamics.Repons;

namespace GenEft.Cli.Commands;

/// <summary>
/// <c>geneft repons</c>: the probability that two same-class repons collide (generalize), GenEFT Eq. 12 (one repon
/// against a cluster of N: Eq. 13) beside a Monte Carlo over Gaussian starts of the reduced ODE, one line per
/// learning-rate ratio as soon as it is done.
/// </summary>
internal static class ReponsCommand
{
    public static Command Create(Func<TextReader> standardInput)
    {
        var ratios = CommonOptions.CreateList(
            "--ratios", "Learning-rate ratios eta_x / eta_A (encoder over decoder), each positive", [0.01, 0.1, 1, 10, 100],
            r => r > 0 && double.IsFinite(r), "positive and finite");
        var sigmaA = PositiveOption("--sigma-a", "The standard deviation sigma_a of a2(0)");
        var sigmaC = PositiveOption("--sigma-c", "The standard deviation sigma_c of c(0)");
        var decoderRate = PositiveOption("--decoder-rate", "The decoder learning rate eta_A; eta_x = ratio * eta_A");
        var clusterSize = CommonOptions.CreateCount("--cluster-size", "N, the repons the lone one meets (1: two repons, Eq. 12; N > 1: Eq. 13)", 1, "-N");
        var samples = CommonOptions.CreateCount("--samples", "Monte Carlo starts per ratio", 20_000L);
        var seed = CommonOptions.CreateSeed(1);
        var threads = CommonOptions.CreateThreads();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per ratio (JSON Lines) instead of text" };

        var command = new Command(
            "repons",
            "P(collision) of repons, GenEFT Eq. 12: (2/pi) arctan((sigma_a/sigma_c) sqrt(eta_x / (2 eta_A))) "
            + "(Eq. 13 for a cluster of N: 2 eta_A becomes (4 / (1 + 1/N)) eta_A), beside a Monte Carlo of the reduced ODE");
        foreach (var option in new Option[] { ratios, sigmaA, sigmaC, decoderRate, clusterSize, samples, seed, threads, json })
            command.Options.Add(option);

        CommandActions.Set(command, standardInput, (parseResult, context, cancellationToken) =>
        {
            double sa = parseResult.GetValue(sigmaA), sc = parseResult.GetValue(sigmaC), etaA = parseResult.GetValue(decoderRate);
            int cluster = parseResult.GetValue(clusterSize);
            long sampleCount = parseResult.GetValue(samples);
            ulong seedValue = parseResult.GetValue(seed);
            int threadCount = parseResult.GetValue(threads);
            double[] grid = parseResult.GetValue(ratios)!;
            bool asJson = parseResult.GetValue(json);
            string equation = cluster == 1 ? "Eq. 12" : "Eq. 13";
            var inv = CultureInfo.InvariantCulture;
            if (!asJson)
            {
                context.WriteResult(string.Join(Environment.NewLine,
                    string.Create(inv, $"P(collision), GenEFT {equation}: sigma_a = {sa:G6}, sigma_c = {sc:G6}, eta_A = {etaA:G6}, N = {cluster}; Monte Carlo: {sampleCount} starts per ratio, seed {seedValue}"),
                    $"{"eta_x/eta_A",-12}{equation,10}{"Monte Carlo",14}{"s.e.",10}{"z",8}{"undecided",11}"));
            }

            var progress = context.Progress("repons");
            for (int i = 0; i < grid.Length; i++)
            {
                double etaX = grid[i] * etaA;
                double theory = ReponCollisionProbability.OneAgainstCluster(sa, sc, etaA, etaX, cluster);
                var monteCarlo = new ReponCollisionMonteCarlo(new ReducedReponSystem(etaA, etaX, cluster), sa, sc) { MaxDegreeOfParallelism = threadCount };
                int index = i;
                var estimate = monteCarlo.Estimate(
                    sampleCount, seedValue, new Scaled(progress, index, grid.Length), cancellationToken);
                double z = estimate.StandardError > 0 ? (estimate.Probability - theory) / estimate.StandardError : double.NaN;
                if (asJson)
                {
                    context.WriteResult(JsonLine.Object(w =>
                    {
                        w.WriteNumber("ratio", grid[index]);
                        w.WriteNumber("sigmaA", sa);
                        w.WriteNumber("sigmaC", sc);
                        w.WriteNumber("decoderRate", etaA);
                        w.WriteNumber("encoderRate", etaX);
                        w.WriteNumber("clusterSize", cluster);
                        w.WriteNumber("theory", theory);
                        w.WriteNumber("monteCarlo", estimate.Probability);
                        w.WriteNumber("standardError", estimate.StandardError);
                        w.WriteNumberOrNull("z", z);
                        w.WriteNumber("samples", estimate.Samples);
                        w.WriteNumber("collisions", estimate.Collisions);
                        w.WriteNumber("undecided", estimate.Undecided);
                        w.WriteNumber("seed", seedValue);
                    }));
                }
                else
                {
                    string zText = double.IsNaN(z) ? "-" : z.ToString("F2", inv);
                    context.WriteResult(string.Create(inv, $"{grid[index],-12:G6}{theory,10:F4}{estimate.Probability,14:F4}{estimate.StandardError,10:F4}{zText,8}{estimate.Undecided,11}"));
                }
            }

            progress.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<double> PositiveOption(string name, string description)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => 1.0 };
        option.Validators.Add(r =>
        {
            if (r.TryGet(out double v) && !(v > 0 && double.IsFinite(v))) r.AddError(FormattableString.Invariant($"{name} must be positive and finite, got {v}."));
        });
        return option;
    }

    /// <summary>Maps one ratio's finished fraction into the whole run's.</summary>
    private sealed class Scaled(StderrProgress progress, int index, int count) : IProgress<double>
    {
        public void Report(double value) => progress.Report((index + value) / count);
    }
}
