using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenEft.Cli.Input;
using GenEft.Cli.Output;
using GenEft.Experiments;

namespace GenEft.Cli.Commands;

/// <summary>
/// <c>geneft train</c>: one training run of the relation autoencoder (<see cref="TrainingRun"/>), the learning curve
/// printed point by point as it is evaluated, then the phase (GenEFT Appendix B, Table 4).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(Func<TextReader> standardInput)
    {
        var relation = new RelationSource();
        var training = new TrainingOptions(lists: false);
        var seed = CommonOptions.CreateSeed(0);
        var json = new Option<bool>("--json") { Description = "Print JSON Lines: one object per curve point, then one with the phase" };
        var full = new Option<bool>("--no-early-stop") { Description = "Run the whole --steps budget even once the phase is certain" };
        var export = new Option<string?>("--export-replay") { Description = "Also write the run's split, initial parameters and settings as JSON, for the PyTorch replay benchmarks/reference/experiments/geneft_run.py" };
        var command = new Command(
            "train",
            "One training run of the GenEFT relation autoencoder (two embeddings -> MLP decoder -> P((x, y) in R)) with "
            + "separate encoder and decoder learning rates; prints the learning curve and the phase: generalization, "
            + "grokking (test reaches 0.9 at least --grokking-delay steps after train), memorization, confusion or divergence");
        relation.AddTo(command);
        training.AddTo(command);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.Options.Add(full);
        command.Options.Add(export);

        CommandActions.Set(command, standardInput, (p, context, cancellationToken) =>
        {
            var named = relation.Resolve(p, context);
            var settings = training.Settings(p, named.Relation, p.GetValue(seed),
                p.GetValue(training.TrainFraction)![0], p.GetValue(training.EncoderRate)![0], p.GetValue(training.DecoderRate)![0],
                p.GetValue(training.EncoderDecay)![0], p.GetValue(training.DecoderDecay)![0]) with { StopWhenCertain = !p.GetValue(full) };
            if (p.GetValue(export) is { Length: > 0 } replay) ReplayExport.Write(settings, replay);
            bool asJson = p.GetValue(json);
            var inv = CultureInfo.InvariantCulture;
            var opt = settings.Optimizer;
            if (!asJson)
            {
                context.WriteResult(string.Create(inv,
                    $"train: {named.Name}, n = {named.Relation.Size}, fraction {settings.TrainingFraction:G6}, {opt.Kind}, eta_enc = {opt.EncoderLearningRate:G6}, eta_dec = {opt.DecoderLearningRate:G6}, wd_enc = {opt.EncoderWeightDecay:G6}, wd_dec = {opt.DecoderWeightDecay:G6}, budget {settings.Criteria.Budget} steps, seed {settings.Seed}"));
                context.WriteResult($"{"step",10}{"loss",14}{"train_acc",11}{"test_acc",10}");
            }

            var stage = context.Progress("train");
            long budget = settings.Criteria.Budget;
            var curve = new CurveWriter(point =>
            {
                context.WriteResult(asJson
                    ? JsonLine.Object(w =>
                    {
                        w.WriteNumber("step", point.Step);
                        w.WriteNumber("time", point.Time);
                        w.WriteNumberOrNull("loss", point.Loss);
                        w.WriteNumberOrNull("trainAccuracy", point.TrainAccuracy);
                        w.WriteNumberOrNull("testAccuracy", point.TestAccuracy);
                        w.WriteNumberOrNull("allAccuracy", point.AllAccuracy);
                    })
                    : string.Create(inv, $"{point.Step,10}{point.Loss,14:G6}{point.TrainAccuracy,11:F4}{point.TestAccuracy,10:F4}"));
                stage.Report((double)point.Step / budget);
            });
            var result = TrainingRun.Execute(settings, curve, cancellationToken);
            stage.Finish();
            var o = result.Outcome;
            if (asJson)
            {
                context.WriteResult(JsonLine.Object(w =>
                {
                    w.WriteString("phase", o.Phase.ToString());
                    WriteOptional(w, "trainStep", o.TrainReachedStep);
                    WriteOptional(w, "testStep", o.TestReachedStep);
                    WriteOptional(w, "grokkingDelay", o.GrokkingDelay);
                    w.WriteNumber("steps", result.StepsRun);
                    w.WriteString("stop", result.Training.StopReason.ToString());
                    w.WriteNumberOrNull("loss", result.Final.Loss);
                    w.WriteNumberOrNull("trainAccuracy", result.Final.TrainAccuracy);
                    w.WriteNumberOrNull("testAccuracy", result.Final.TestAccuracy);
                    w.WriteNumber("seed", settings.Seed);
                }));
            }
            else
            {
                context.WriteResult(string.Create(inv,
                    $"phase: {o.Phase} (train reached 0.9 at step {Text(o.TrainReachedStep)}, test at {Text(o.TestReachedStep)}; stopped at step {result.StepsRun}: {result.Training.StopReason})"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(long? step) => step?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static void WriteOptional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>Writes each curve point synchronously on the training thread (Progress&lt;T&gt; would post it elsewhere).</summary>
    private sealed class CurveWriter(Action<LearningCurvePoint> write) : IProgress<LearningCurvePoint>
    {
        public void Report(LearningCurvePoint value) => write(value);
    }
}
