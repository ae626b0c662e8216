using System.Numerics.Tensors;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The linear perceptron student of Žunkovič and Ilievski as a model of the experiments layer, so that
/// <see cref="Experiments.TrainingLoop"/> trains it with any GenEft optimizer, <see cref="Experiments.PhaseCriteria.ZeroErrorGrokking"/>
/// reads its grokking time and <see cref="Experiments.SweepRunner"/> sweeps it. Inputs are a batch's dense features
/// x_i in R^D (no bias); class label 1 means y = +1 and label 0 means y = -1. The loss is the one of
/// <see cref="LinearPerceptronData.Loss"/>:
/// R(w) = (1/n) sum_i 1/2 (w . x_i - y_i)^2 + lambda1 |w|_1 + (lambda2/2) |w|^2, with gradient
/// (1/n) sum_i (w . x_i - y_i) x_i + lambda2 w + lambda1 sgn(w) (sgn(0) = 0: the L1 subgradient an optimizer sees;
/// the exact Filippov flow that sticks at 0 is <see cref="LinearPerceptronFlow"/>). Sample i is correct when
/// y_i w . x_i &gt; 0 (a point on the boundary counts as wrong, as in <see cref="LinearPerceptronData.Error"/>).
/// </summary>
/// <remarks>Not thread-safe (the gradient buffer is the parameter's); use one instance per thread.</remarks>
public sealed class LinearPerceptronModel : Module<double>, ISupervisedModel<double, SupervisedBatch<double>>
{
    private double[] _residuals = [];

    /// <summary>Creates the model with given initial weights (copied).</summary>
    /// <param name="initialWeights">w(0), length D &gt;= 1, finite.</param>
    /// <param name="regularization">lambda1 and lambda2 (part of the loss and its gradient).</param>
    /// <exception cref="ArgumentException"><paramref name="initialWeights"/> is empty or not finite.</exception>
    public LinearPerceptronModel(ReadOnlySpan<double> initialWeights, PerceptronRegularization regularization = default)
    {
        if (initialWeights.IsEmpty)
        {
            throw new ArgumentException("The weights need length D >= 1.", nameof(initialWeights));
        }

        PerceptronArguments.ThrowIfNotFinite(initialWeights, nameof(initialWeights));
        Regularization = regularization;
        Weights = RegisterParameter(new Parameter<double>("weights", DenseTensor<double>.FromSpan(initialWeights, initialWeights.Length)));
        ParameterGroups = [new ModelParameterGroup<double>("weights", [Weights])];
    }

    /// <summary>D, the input dimension.</summary>
    public int Dimension => Weights.Value.ReadOnlySpan.Length;

    /// <summary>The weights w (live: the optimizer updates them in place).</summary>
    public Parameter<double> Weights { get; }

    /// <summary>lambda1 and lambda2.</summary>
    public PerceptronRegularization Regularization { get; }

    /// <inheritdoc />
    public IReadOnlyList<ModelParameterGroup<double>> ParameterGroups { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The batch has no features, its width is not D, or a label is not 0 or 1.</exception>
    public BatchEvaluation ComputeGradients(SupervisedBatch<double> batch)
    {
        var evaluation = Forward(batch, out var features);
        var grad = Weights.Grad.Span;
        grad.Clear();
        int n = batch.Count, d = Dimension;
        var x = features.ReadOnlySpan;
        for (int i = 0; i < n; i++)
        {
            // grad += r_i x_i / n
            TensorPrimitives.MultiplyAdd(x.Slice(i * d, d), _residuals[i] / n, grad, grad);
        }

        var w = Weights.Value.ReadOnlySpan;
        for (int k = 0; k < d; k++)
        {
            grad[k] += (Regularization.L2 * w[k]) + (Regularization.L1 * Math.Sign(w[k]));
        }

        return evaluation;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">As for <see cref="ComputeGradients"/>.</exception>
    public BatchEvaluation Evaluate(SupervisedBatch<double> batch) => Forward(batch, out _);

    /// <summary>The pre-sign outputs w . x_i of a batch.</summary>
    /// <param name="batch">A batch with D features per row.</param>
    /// <param name="outputs">Receives one output per row.</param>
    /// <exception cref="ArgumentException">The batch has no features or the wrong width, or the lengths differ.</exception>
    public void Predict(SupervisedBatch<double> batch, Span<double> outputs)
    {
        var features = FeaturesOf(batch);
        if (outputs.Length != batch.Count)
        {
            throw new ArgumentException($"outputs has length {outputs.Length}; the batch has {batch.Count} rows.", nameof(outputs));
        }

        var w = Weights.Value.ReadOnlySpan;
        int d = Dimension;
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = TensorPrimitives.Dot(features.ReadOnlySpan.Slice(i * d, d), w);
        }
    }

    /// <summary>Mean loss and correct count; leaves the residuals w . x_i - y_i in the scratch buffer.</summary>
    private BatchEvaluation Forward(SupervisedBatch<double> batch, out DenseTensor<double> features)
    {
        features = FeaturesOf(batch);
        int n = batch.Count, d = Dimension;
        if (_residuals.Length < n)
        {
            _residuals = new double[n];
        }

        var labels = batch.Labels.Span;
        var x = features.ReadOnlySpan;
        var w = Weights.Value.ReadOnlySpan;
        double squares = 0;
        long correct = 0;
        for (int i = 0; i < n; i++)
        {
            double y = labels[i] switch
            {
                1 => 1.0,
                0 => -1.0,
                _ => throw new ArgumentException($"Label {labels[i]} at row {i}: the perceptron takes class labels 0 (y = -1) and 1 (y = +1).", nameof(batch)),
            };
            double output = TensorPrimitives.Dot(x.Slice(i * d, d), w);
            double r = output - y;
            _residuals[i] = r;
            squares += r * r;
            correct += y * output > 0 ? 1 : 0;
        }

        double penalty = (Regularization.L1 * TensorPrimitives.SumOfMagnitudes(w)) + (0.5 * Regularization.L2 * TensorPrimitives.SumOfSquares(w));
        return new BatchEvaluation((0.5 * squares / n) + penalty, correct, n);
    }

    private DenseTensor<double> FeaturesOf(SupervisedBatch<double> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var features = batch.Features
            ?? throw new ArgumentException("The perceptron needs a batch with dense features (SupervisedDataset built from a feature matrix).", nameof(batch));
        if (features.Shape.Rank != 2 || features.Shape[1] != Dimension)
        {
            throw new ArgumentException($"The batch's features have shape {features.Shape}; the model needs [rows, {Dimension}].", nameof(batch));
        }

        return features;
    }
}
