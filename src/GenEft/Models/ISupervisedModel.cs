using System.Numerics;

namespace GenEft.Models;

/// <summary>
/// The contract between a model and the training loop (<c>GenEft.Experiments.TrainingLoop</c>): the model turns a
/// batch of its own kind (<typeparamref name="TBatch"/>: index pairs, dense features, sequences...) into a loss with
/// gradients, or into a loss and a count of correct predictions, and names its parameter groups. The loop knows
/// nothing else about it.
/// </summary>
/// <remarks>
/// <para>Units are the model's: a prediction may be a pair, a sample or one position of a sequence; the loop's
/// accuracy is <see cref="BatchEvaluation.Correct"/> / <see cref="BatchEvaluation.Count"/>, so "zero error" means every
/// prediction is right (for a sequence model: every position of every sequence).</para>
/// <para>An implementation is used by one thread at a time; a sweep makes one model per worker.</para>
/// </remarks>
/// <typeparam name="T">The element type of the parameters.</typeparam>
/// <typeparam name="TBatch">The model's batch type.</typeparam>
public interface ISupervisedModel<T, in TBatch>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The trainable parameters in named groups (each group can get its own learning rate, weight decay and L1);
    /// together they hold every trainable parameter once. The same list (and order) on every call.
    /// </summary>
    IReadOnlyList<ModelParameterGroup<T>> ParameterGroups { get; }

    /// <summary>
    /// The mean loss on <paramref name="batch"/> (the objective being minimized, including any penalty the model adds)
    /// and its gradient: every parameter's <see cref="Nn.Parameter{T}.Grad"/> is overwritten with d loss / d parameter.
    /// Also returns the correct count of the same forward pass (free, and the loop's training accuracy under full batch).
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Loss (NaN or infinite when the parameters diverged; never an exception for that), correct and count.</returns>
    BatchEvaluation ComputeGradients(TBatch batch);

    /// <summary>The mean loss and the correct count on <paramref name="batch"/>, without gradients (parameters and their gradients unchanged).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Loss, correct and count.</returns>
    BatchEvaluation Evaluate(TBatch batch);

    /// <summary>
    /// Extra named values the model reports at each evaluation (for example an effective dimension of its
    /// representations, or how many loss spikes it saw since the last evaluation); the loop attaches them to the
    /// learning-curve point without interpreting them. Called once per evaluation, after the train and test sets were
    /// evaluated. Default: none.
    /// </summary>
    /// <returns>(name, value) pairs, in a stable order.</returns>
    IReadOnlyList<KeyValuePair<string, double>> EvaluationMetrics() => [];
}
