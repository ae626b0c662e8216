using System.Diagnostics;
using System.Reflection;
using GenEft.Autodiff;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Relations;
using GenEft.Tensors;

namespace GenEft.Benchmarks.Subnormals;

/// <summary>
/// Diagnostic, not a benchmark: trains the Table 3 autoencoder (mod 3, n = 30, full batch, AdamW) and, at a few steps,
/// counts the subnormal floats in every tensor of the step: each tape node's value, gradient and scratch (the saved
/// sigmoid, the tanh-backward product dz), every parameter and gradient, and AdamW's moments m and v.
/// <c>dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- census [etaEnc] [etaDec] [steps] [flush]</c>.
/// Reads private fields by reflection, so it touches nothing in the library.
/// </summary>
public static class SubnormalCensus
{
    public static void Run(string[] args)
    {
        double etaEnc = args.Length > 1 ? double.Parse(args[1]) : 1e-6;
        double etaDec = args.Length > 2 ? double.Parse(args[2]) : 1e-3;
        int steps = args.Length > 3 ? int.Parse(args[3]) : 20000;
        bool flush = args.Length > 4 && bool.Parse(args[4]);
        var relation = RelationGenerators.EqualityModulo(30, 3);
        var train = new RelationDataset(relation).Split(0.75, 0).Train;
        var model = new RelationAutoencoder<float>(new AutoencoderConfig(), 1);
        var optimizer = new AdamW<float>([new(model.EncoderParameters, etaEnc), new(model.DecoderParameters, etaDec)]);
        optimizer.FlushSubnormals = flush;
        model.FlushSubnormals = flush;
        var tape = (Tape<float>)typeof(RelationAutoencoder<float>).GetField("_tape", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(model)!;
        var nodes = (System.Collections.IList)typeof(Tape<float>).GetField("_nodes", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(tape)!;
        var m = (DenseTensor<float>[])typeof(Adam<float>).GetField("_m", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(optimizer)!;
        var v = (DenseTensor<float>[])typeof(Adam<float>).GetField("_v", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(optimizer)!;
        var checkpoints = new HashSet<int> { 100, 1000, 2000, 5000, 10000, 15000, 20000, 40000 };
        var window = Stopwatch.StartNew();
        for (int step = 1; step <= steps; step++)
        {
            double loss = model.Run(train.Left, train.Right, train.Label, backward: true, out int correct);
            optimizer.Step();
            if (step % 1000 == 0)
            {
                Console.WriteLine($"step {step}: loss {loss:E3}, train acc {correct / (double)train.Count:F3}, {1000 / window.Elapsed.TotalSeconds:F0} steps/s over the last 1000");
                window.Restart();
            }

            if (!checkpoints.Contains(step))
            {
                continue;
            }

            Console.WriteLine($"--- census at step {step} (subnormal / total) ---");
            for (int i = 0; i < tape.Count; i++)
            {
                dynamic node = nodes[i]!;
                string kind = node.Kind.ToString();
                Report($"node {i,2} {kind} value", (DenseTensor<float>)node.Value);
                Report($"node {i,2} {kind} grad", (DenseTensor<float>?)node.Grad);
                Report($"node {i,2} {kind} scratch0", (DenseTensor<float>?)node.Scratch0);
                Report($"node {i,2} {kind} scratch1", (DenseTensor<float>?)node.Scratch1);
            }

            var parameters = model.Parameters();
            for (int i = 0; i < parameters.Count; i++)
            {
                Report($"param {parameters[i].Name} value", parameters[i].Value);
                Report($"param {parameters[i].Name} grad", parameters[i].Grad);
                Report($"adam m {parameters[i].Name}", m[i]);
                Report($"adam v {parameters[i].Name}", v[i]);
            }
        }
    }

    private static void Report(string what, DenseTensor<float>? t)
    {
        if (t is null)
        {
            return;
        }

        var s = t.ReadOnlySpan;
        int count = 0;
        foreach (float x in s)
        {
            if (float.IsSubnormal(x))
            {
                count++;
            }
        }

        Console.WriteLine($"  {what,-40} {count,6} / {s.Length,6}{(count > 0 ? "  <==" : "")}");
    }
}
