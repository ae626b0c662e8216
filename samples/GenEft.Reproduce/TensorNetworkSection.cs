using GenEft.Models.TensorNetwork;

namespace GenEft.Reproduce;

/// <summary>
/// Žunkovič &amp; Ilievski's tensor-network attention learning rule 30 (scenario A: A and B trained by Adam on cropped
/// batches of all 1024 length-10 sequences): whether each run reaches zero test error on long sequences, and the
/// effective dimension of its middle left contexts at the start and at the first zero test error.
/// </summary>
public static class TensorNetworkSection
{
    /// <summary>Prints the table and the sentence, writing tensor-network.csv row by row.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Stops the current run; finished rows stay in the file.</param>
    public static void Run(ReproduceSettings settings, CancellationToken cancellationToken)
    {
        const int d = 10;
        Console.WriteLine($"== Tensor-network attention (Zunkovic & Ilievski, scenario A): rule 30, d = {d}, Adam lr 5e-3, test error tracked on 20 x 1000 positions, checked on 100 x 1000 fresh ones");
        using var csv = new ResultsFile(Path.Combine(settings.Output, "tensor-network.csv"), "regularizer,seed,train_zero_time,test_zero_time,deff_start,deff_at_test_zero,final_test_error");
        Console.WriteLine($"{"regularizer",12}{"seed",6}{"train 0 at t",14}{"test 0 at t",13}{"D_eff t=0",11}{"D_eff test 0",14}{"final error",13}");
        var rows = new List<(string Regularizer, double? TestZeroTime, double StartDimension, double ZeroDimension, double FinalError)>();
        foreach (var regularizer in new[] { TensorNetworkRegularizer.None, TensorNetworkRegularizer.L1 })
        {
            for (int seed = 1; seed <= settings.Seeds; seed++)
            {
                var run = TensorNetworkScenarioA.Run(
                    new TensorNetworkScenarioASettings
                    {
                        BondDimension = d, Regularizer = regularizer, TestCount = 20, FinalTestCount = 100, EvaluationInterval = 2,
                        MaxEpochs = 600, EpochsAfterGrokking = 20, Seed = (ulong)seed,
                    },
                    null,
                    cancellationToken);
                var curve = run.Training.Curve;
                double start = curve[0].Metrics[0].Value;
                double atZero = run.TestZeroTime is { } z ? curve.First(p => p.Time >= z - 1e-9).Metrics[0].Value : double.NaN;
                string Time(double? t) => t is { } v ? v.ToString("F2") : "never";
                Console.WriteLine($"{regularizer,12}{seed,6}{Time(run.TrainZeroTime),14}{Time(run.TestZeroTime),13}{start,11:F2}{atZero,14:F2}{run.FinalTestError,13:G3}");
                csv.Append($"{regularizer},{seed},{run.TrainZeroTime:R},{run.TestZeroTime:R},{start:R},{atZero:R},{run.FinalTestError:R}");
                rows.Add((regularizer.ToString(), run.TestZeroTime, start, atZero, run.FinalTestError));
                ProgressLog.Line("tensor network", $"{rows.Count}/{2 * settings.Seeds} {regularizer} seed {seed} done");
            }
        }

        Console.WriteLine(Headlines.TensorNetwork(rows) + "\n");
    }
}
