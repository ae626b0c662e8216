using GenEft.Autodiff;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Tests.Experiments;

/// <summary>
/// A model written outside the library, as a user would: ŷ = x·w + b on dense features, loss (1/N) Σ ½ (ŷ - y)² on ±1
/// labels (the perceptron papers' square loss without penalties), correct when sign(ŷ) = y. Reports ‖w‖ as a metric.
/// </summary>
internal sealed class LinearModel : Module<double>, ISupervisedModel<double, SupervisedBatch<double>>
{
    private readonly Tape<double> _tape = new();
    private readonly Tape<double> _inference = Tape<double>.ForInference();
    private readonly Linear<double> _layer;
    private DenseTensor<double>? _targets;

    public LinearModel(double[] weights, double bias)
    {
        _layer = RegisterModule("linear", new Linear<double>(DenseTensor<double>.FromSpan(weights, 1, weights.Length), DenseTensor<double>.FromSpan([bias], 1)));
        ParameterGroups = [new ModelParameterGroup<double>("weights", [_layer.Weight]), new ModelParameterGroup<double>("bias", [_layer.Bias!])];
    }

    public IReadOnlyList<ModelParameterGroup<double>> ParameterGroups { get; }

    public double[] Weights => _layer.Weight.Value.ReadOnlySpan.ToArray();

    public double Bias => _layer.Bias!.Value.ReadOnlySpan[0];

    public int GradientCalls { get; private set; }

    public BatchEvaluation ComputeGradients(SupervisedBatch<double> batch)
    {
        GradientCalls++;
        var (loss, correct) = Run(_tape, batch);
        ZeroGrad();
        _tape.Backward(loss);
        return new BatchEvaluation(loss.Value.ReadOnlySpan[0], correct, batch.Count);
    }

    public BatchEvaluation Evaluate(SupervisedBatch<double> batch)
    {
        var (loss, correct) = Run(_inference, batch);
        return new BatchEvaluation(loss.Value.ReadOnlySpan[0], correct, batch.Count);
    }

    public IReadOnlyList<KeyValuePair<string, double>> EvaluationMetrics() =>
        [new("weight_norm", Math.Sqrt(Weights.Sum(w => w * w))), new("gradient_calls", GradientCalls)];

    private (Var<double> Loss, int Correct) Run(Tape<double> tape, SupervisedBatch<double> batch)
    {
        tape.Reset();
        if (_targets is null || _targets.Rows != batch.Count)
        {
            _targets = DenseTensor<double>.Zeros(batch.Count, 1);
        }

        var labels = batch.Labels.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            _targets.Span[i] = labels[i];
        }

        var prediction = _layer.Forward(tape.Constant(batch.Features!));
        var loss = Ops.MeanSquaredError(prediction, _targets) * 0.5;
        int correct = 0;
        var p = prediction.Value.ReadOnlySpan;
        for (int i = 0; i < labels.Length; i++)
        {
            correct += Math.Sign(p[i]) == labels[i] ? 1 : 0;
        }

        return (loss, correct);
    }
}
