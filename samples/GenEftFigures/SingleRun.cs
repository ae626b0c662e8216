using System.Globalization;
using GenEft.Experiments;
using GenEft.Models;

/// <summary>One training run with Table 3 defaults (flags override), printing its phase and speed, and its curve as CSV.</summary>
internal static class SingleRun
{
    public static void Execute(Options o)
    {
        var settings = new TrainingRunSettings(NamedRelations.Create(o.String("relation", "mod3"), o.Int("n", 30)))
        {
            TrainingFraction = o.Double("fraction", 0.75),
            Model = new AutoencoderConfig
            {
                DecoderDepth = o.Int("depth", 3),
                DecoderWidth = o.Int("width", 50),
                EmbeddingDimension = o.Int("dim", 2),
                EmbeddingInitScale = o.Double("init", 1.0),
                Combine = Enum.Parse<CombineMode>(o.String("mode", "Concat"), ignoreCase: true),
            },
            Optimizer = new OptimizerSettings
            {
                EncoderLearningRate = o.Double("eta-enc", 1e-3),
                DecoderLearningRate = o.Double("eta-dec", 1e-3),
                DecoderWeightDecay = o.Double("wd-dec", 0),
            },
            Criteria = new PhaseCriteria { Budget = o.Int("budget", 100_000) },
            EvaluationInterval = o.Int("eval", 10),
            Seed = (ulong)o.Int("seed", 0),
            StopWhenCertain = !o.Flag("full"),
        };
        var result = TrainingRun.Execute(settings);
        Console.WriteLine(
            $"phase {result.Outcome.Phase}, train>0.9 at {result.Outcome.TrainReachedStep}, test>0.9 at {result.Outcome.TestReachedStep}, " +
            $"steps {result.StepsRun}, final train {result.Final.TrainAccuracy:F3} test {result.Final.TestAccuracy:F3} loss {result.Final.Loss:G4}, " +
            $"{result.Elapsed.TotalSeconds:F2} s = {result.StepsRun / result.Elapsed.TotalSeconds:F0} steps/s");
        string? csv = o.String("csv", "");
        if (csv.Length > 0)
        {
            using var writer = new StreamWriter(csv);
            writer.WriteLine("step,loss,train_accuracy,test_accuracy,all_accuracy");
            foreach (var p in result.Curve)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Step},{p.Loss:R},{p.TrainAccuracy:R},{p.TestAccuracy:R},{p.AllAccuracy:R}"));
            }
        }
    }
}
