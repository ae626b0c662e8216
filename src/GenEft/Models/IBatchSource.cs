namespace GenEft.Models;

/// <summary>
/// The training batches of a run, one per optimizer step, epoch after epoch. A source is stateful and seeded when it is
/// made: make a fresh one per run.
/// </summary>
/// <typeparam name="TBatch">The model's batch type.</typeparam>
public interface IBatchSource<out TBatch>
{
    /// <summary>Optimizer steps per epoch (1 for full batch); at least 1. The loop converts epochs to steps with it.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>
    /// Whether every batch is the whole training set (full-batch training). The loop then takes the training loss and
    /// accuracy of an evaluation from the step's own forward pass instead of evaluating the training set again.
    /// </summary>
    bool IsFullBatch { get; }

    /// <summary>The batch of the next step. It may be a reused object that the next call overwrites.</summary>
    /// <returns>The batch.</returns>
    TBatch Next();
}
