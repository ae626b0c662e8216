using System.Numerics;
using GenEft.Analysis;
using GenEft.Models;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// A <see cref="TensorNetworkAttention{T}"/> as an <see cref="ISupervisedModel{T, TBatch}"/> over
/// <see cref="BinarySequenceSet"/> batches, so the model-agnostic training loop (<c>GenEft.Experiments.TrainingLoop</c>)
/// and sweeps (<c>SweepRunner</c>) run it. Parameter groups: "attention" (A and the head's scale s) and "classifier"
/// (B), the authors' split. It records the loss of every training batch (<see cref="BatchLosses"/>) and reports at
/// each evaluation the effective dimension of the left contexts near the middle of a probe set.
/// </summary>
/// <remarks>
/// The metric "deff_left" is D_eff = e^S, S = -sum_k s_k ln s_k, with s_k the explained-variance ratios of the
/// principal components of the rows H_L(i) of every probe sequence at positions i in
/// [max(0, M/2 - w), min(M - 1, M/2 + w)) (M the probe length, w <see cref="ContextHalfWidth"/>; the authors'
/// window, 6 positions for M = 10, w = 3). With <see cref="TensorNetworkBoundary.PeriodicTrace"/> the rows are the
/// context matrices C_i flattened (d^2 columns). A cloud without spread gives 0.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TensorNetworkTrainingModel<T> : ISupervisedModel<T, BinarySequenceSet>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The name of the effective-dimension metric.</summary>
    public const string EffectiveDimensionMetric = "deff_left";

    private readonly List<double> _losses = [];
    private readonly BinarySequenceSet? _probe;

    /// <summary>Wraps a model.</summary>
    /// <param name="model">The model (trained in place).</param>
    /// <param name="probe">The sequences whose left contexts give the "deff_left" metric, or null for no metric.</param>
    /// <param name="contextHalfWidth">w &gt;= 1: the window half-width.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contextHalfWidth"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The probe window holds fewer than 2 rows.</exception>
    public TensorNetworkTrainingModel(TensorNetworkAttention<T> model, BinarySequenceSet? probe = null, int contextHalfWidth = 3)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextHalfWidth, 1);
        Model = model;
        ContextHalfWidth = contextHalfWidth;
        if (probe is not null)
        {
            var (first, end) = Window(probe.Length, contextHalfWidth);
            if (probe.Count * (end - first) < 2)
            {
                throw new ArgumentException($"The probe window [{first}, {end}) of {probe.Count} sequences holds fewer than 2 context vectors.", nameof(probe));
            }
        }

        _probe = probe;
        ParameterGroups =
        [
            new ModelParameterGroup<T>("attention", [model.Attention, model.Scale]),
            new ModelParameterGroup<T>("classifier", [model.Classifier]),
        ];
    }

    /// <summary>The wrapped model.</summary>
    public TensorNetworkAttention<T> Model { get; }

    /// <summary>The window half-width w of the "deff_left" metric.</summary>
    public int ContextHalfWidth { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ModelParameterGroup<T>> ParameterGroups { get; }

    /// <summary>The mean loss of every batch passed to <see cref="ComputeGradients"/>, in order (before each update).</summary>
    public IReadOnlyList<double> BatchLosses => _losses;

    /// <summary>The window [first, end) of positions the metric uses for sequences of length <paramref name="length"/>.</summary>
    /// <param name="length">M &gt;= 1.</param>
    /// <param name="halfWidth">w &gt;= 1.</param>
    /// <returns>first = max(0, M/2 - w), end = min(M - 1, M/2 + w) (integer M/2).</returns>
    public static (int First, int End) Window(int length, int halfWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(halfWidth, 1);
        int first = Math.Max(0, (length / 2) - halfWidth);
        return (first, Math.Max(first, Math.Min(length - 1, (length / 2) + halfWidth)));
    }

    /// <inheritdoc/>
    public BatchEvaluation ComputeGradients(BinarySequenceSet batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var result = Model.ComputeGradients(batch.Inputs.Span, batch.Labels.Span, batch.Count);
        _losses.Add(result.Loss);
        return result;
    }

    /// <inheritdoc/>
    public BatchEvaluation Evaluate(BinarySequenceSet batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Model.Evaluate(batch.Inputs.Span, batch.Labels.Span, batch.Count);
    }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, double>> EvaluationMetrics()
        => _probe is null ? [] : [new(EffectiveDimensionMetric, LeftContextEffectiveDimension(_probe))];

    /// <summary>D_eff of the left contexts of <paramref name="sequences"/> in the window (see the remarks).</summary>
    /// <param name="sequences">The sequences.</param>
    /// <returns>D_eff, or 0 for a cloud without spread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sequences"/> is null.</exception>
    /// <exception cref="ArgumentException">The window holds fewer than 2 vectors, or a context is not finite (diverged parameters).</exception>
    public double LeftContextEffectiveDimension(BinarySequenceSet sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        int d = Model.BondDimension, m = sequences.Length;
        var (first, end) = Window(m, ContextHalfWidth);
        bool periodic = Model.Options.Boundary == TensorNetworkBoundary.PeriodicTrace;
        int width = periodic ? d * d : d;
        var contexts = periodic ? Model.Features(sequences.Inputs.Span, sequences.Count).ReadOnlySpan : Model.LeftContexts(sequences.Inputs.Span, sequences.Count).ReadOnlySpan;
        var rows = new double[sequences.Count * (end - first) * width];
        int at = 0;
        for (int p = 0; p < sequences.Count; p++)
        {
            for (int i = first; i < end; i++)
            {
                if (periodic)
                {
                    // A feature row holds C_i transposed in the slots of phi(x_i), zeros in the others.
                    var z = contexts.Slice(((p * m) + i) * 2 * width, 2 * width);
                    for (int k = 0; k < width; k++)
                    {
                        rows[at++] = double.CreateChecked(z[2 * k] + z[(2 * k) + 1]);
                    }
                }
                else
                {
                    var h = contexts.Slice(((p * m) + i) * d, d);
                    for (int k = 0; k < d; k++)
                    {
                        rows[at++] = double.CreateChecked(h[k]);
                    }
                }
            }
        }

        return EffectiveDimension.Compute(rows, width);
    }
}
