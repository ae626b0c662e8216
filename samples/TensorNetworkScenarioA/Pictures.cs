using GenEft.Analysis;
using GenEft.Models.TensorNetwork;
using GenEft.Plotting;

namespace ScenarioASample;

/// <summary>
/// The d = 3 structure pictures: the normalised left contexts H_L(5) of all 1024 length-10 sequences before and after
/// a scenario-A run, projected on their first two principal components and coloured by (x_3, x_4), the two inputs
/// to their left that rule 30 can need.
/// </summary>
public static class Pictures
{
    public static int Draw(string output, int d, ulong seed)
    {
        Directory.CreateDirectory(output);
        var teacher = LocalRule.Rule30();
        var all = BinarySequenceSet.All(10, teacher);
        var figure = new Figure(columns: 2) { Title = $"Left contexts H_L(5) of all length-10 sequences, d = {d}, seed {seed}: first two principal components, coloured by (x_3, x_4)" };
        var lines = new List<string> { "regularizer,test_zero_time,final_test_error,deff_before,deff_after" };
        foreach (var reg in new[] { TensorNetworkRegularizer.None, TensorNetworkRegularizer.L2, TensorNetworkRegularizer.L1 })
        {
            var settings = new TensorNetworkScenarioASettings { BondDimension = d, Regularizer = reg, TestCount = 20, FinalTestCount = 1000, EvaluationInterval = 2, MaxEpochs = 2000, Seed = seed };
            var before = TensorNetworkScenarioA.InitialModel(settings);
            var run = TensorNetworkScenarioA.Run(settings);
            if (reg == TensorNetworkRegularizer.None)
            {
                figure.Add(Panel($"initial (t = 0)", before, all));
            }

            figure.Add(Panel($"{reg}: t = {run.Training.Curve[^1].Time:F2}, {(run.TestZeroTime is { } z ? $"test error 0 at t = {z:F2}" : "test error never 0")}", run.Model, all));
            lines.Add($"{reg},{run.TestZeroTime},{run.FinalTestError},{run.Training.Curve[0].Metrics[0].Value},{run.Training.Curve[^1].Metrics[0].Value}");
            Console.WriteLine(lines[^1]);
        }

        figure.Save(Path.Combine(output, $"contexts-d{d}"));
        File.WriteAllLines(Path.Combine(output, $"contexts-d{d}.csv"), lines);
        return 0;
    }

    private static Chart Panel(string title, TensorNetworkAttention<float> model, BinarySequenceSet all)
    {
        int d = model.BondDimension;
        var h = model.LeftContexts(all.Inputs.Span, all.Count).ReadOnlySpan;
        var rows = new double[all.Count * d];
        for (int p = 0; p < all.Count; p++)
        {
            for (int k = 0; k < d; k++)
            {
                rows[(p * d) + k] = h[(((p * 10) + 5) * d) + k];
            }
        }

        var (pc1, pc2) = Project(rows, all.Count, d);
        var chart = new Chart(title, "PC 1", "PC 2") { Legend = LegendPlacement.OutsideBottom };
        string[] colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"];
        for (int c = 0; c < 4; c++)
        {
            var idx = Enumerable.Range(0, all.Count).Where(p => (all.Inputs.Span[(p * 10) + 3] * 2) + all.Inputs.Span[(p * 10) + 4] == c).ToArray();
            chart.Scatter($"(x_3, x_4) = ({c >> 1}, {c & 1})", idx.Select(p => pc1[p]).ToArray(), idx.Select(p => pc2[p]).ToArray(), color: colors[c]);
        }

        return chart;
    }

    /// <summary>Coordinates of the rows on the two leading principal axes (eigenvectors of the covariance, MathNet).</summary>
    private static (double[] Pc1, double[] Pc2) Project(double[] rows, int n, int d)
    {
        var mean = new double[d];
        for (int p = 0; p < n; p++) for (int k = 0; k < d; k++) mean[k] += rows[(p * d) + k] / n;
        var c = new double[d, d];
        for (int p = 0; p < n; p++) for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) c[a, b] += (rows[(p * d) + a] - mean[a]) * (rows[(p * d) + b] - mean[b]) / n;
        var evd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(c).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var v1 = evd.EigenVectors.Column(d - 1);
        var v2 = d > 1 ? evd.EigenVectors.Column(d - 2) : v1 * 0;
        var pc1 = new double[n];
        var pc2 = new double[n];
        for (int p = 0; p < n; p++)
        {
            for (int k = 0; k < d; k++)
            {
                pc1[p] += (rows[(p * d) + k] - mean[k]) * v1[k];
                pc2[p] += (rows[(p * d) + k] - mean[k]) * v2[k];
            }
        }

        return (pc1, pc2);
    }
}
