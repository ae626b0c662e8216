using System.Diagnostics;
using System.Numerics;
using GenEft.Models;
using GenEft.Nn;

namespace GenEft.Experiments;

/// <summary>
/// The one training loop: any <see cref="ISupervisedModel{T, TBatch}"/>, any optimizer, any batch source; evaluates at an
/// interval, records step and time, classifies the phase while it trains (<see cref="PhaseTracker"/>) and stops by the
/// settings' rules. Single-threaded; divergence is an outcome, not an exception.
/// </summary>
/// <remarks>
/// Step s (s = 0, 1, ...): take the next batch, compute loss and gradients at the parameters θ_s; if s is an evaluation
/// step, evaluate θ_s on the training set (under full batch: the step's own forward pass) and the test set, make a
/// curve point (s, t(s), ...) and decide whether to stop; otherwise (or if not stopping) take the optimizer step to
/// θ_(s+1). So point s describes the model after s updates.
/// </remarks>
public static class TrainingLoop
{
    /// <summary>Trains <paramref name="model"/> until a stop rule fires.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TBatch">The model's batch type.</typeparam>
    /// <param name="model">The model (trained in place).</param>
    /// <param name="createOptimizer">Builds the optimizer over the model's parameter groups (e.g. <see cref="OptimizerConfig.Create{T}"/>).</param>
    /// <param name="data">Training batches and the sets to evaluate.</param>
    /// <param name="settings">Criteria, evaluation interval, time unit and stop rules; null for the defaults.</param>
    /// <param name="progress">Receives each curve point as it is made.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>The phase, the curve, the final point and why the run stopped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="createOptimizer"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The criteria are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The time reference group is not a group of the optimizer.</exception>
    /// <exception cref="InvalidOperationException">The model has no parameter groups or the factory returned null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Run<T, TBatch>(
        ISupervisedModel<T, TBatch> model,
        Func<IReadOnlyList<ModelParameterGroup<T>>, Optimizer<T>> createOptimizer,
        TrainingData<TBatch> data,
        TrainingLoopSettings? settings = null,
        IProgress<LearningCurvePoint>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(createOptimizer);
        ArgumentNullException.ThrowIfNull(data);
        settings ??= new TrainingLoopSettings();
        var stopwatch = Stopwatch.StartNew();
        var groups = model.ParameterGroups;
        if (groups is null || groups.Count == 0)
        {
            throw new InvalidOperationException("The model reports no parameter groups.");
        }

        var optimizer = createOptimizer(groups) ?? throw new InvalidOperationException("The optimizer factory returned null.");
        if (settings.TimeReferenceGroup >= optimizer.Groups.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.TimeReferenceGroup, $"TimeReferenceGroup must be below the optimizer's {optimizer.Groups.Count} groups.");
        }

        var tracker = new PhaseTracker(settings.Criteria);
        var criteria = settings.Criteria;
        int perEpoch = data.Batches.BatchesPerEpoch;
        long evaluateEvery = settings.EvaluationInterval.ToSteps(perEpoch);
        long? stopAfter = settings.StopAfterTestReached?.ToSteps(perEpoch);
        long stopAt = long.MaxValue;
        var clock = new TrainingClock(settings.TimeUnit, perEpoch);
        var reference = optimizer.Groups[settings.TimeReferenceGroup];
        var curve = new List<LearningCurvePoint>();
        LearningCurvePoint last = default;
        TrainingStopReason? reason = null;
        long step = 0;
        for (; ; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stepResult = model.ComputeGradients(data.Batches.Next());
            double time = clock.Time(step);
            bool atBudget = step >= criteria.Budget || time >= criteria.TimeBudget;
            if (step % evaluateEvery == 0 || atBudget || !double.IsFinite(stepResult.Loss) || step == stopAt)
            {
                var train = data.Batches.IsFullBatch ? stepResult : Evaluate(model, data.Train);
                BatchEvaluation? test = data.Test.Count > 0 ? Evaluate(model, data.Test) : null;
                last = new LearningCurvePoint(
                    step,
                    time,
                    train.Loss,
                    train.Accuracy,
                    test?.Accuracy ?? double.NaN,
                    (double)(train.Correct + (test?.Correct ?? 0)) / (train.Count + (test?.Count ?? 0)))
                {
                    TestLoss = test?.Loss ?? double.NaN,
                    Metrics = model.EvaluationMetrics() ?? [],
                };
                if (settings.RecordCurve)
                {
                    curve.Add(last);
                }

                progress?.Report(last);
                bool certain = tracker.Observe(last);
                if (stopAfter is { } patience && stopAt == long.MaxValue && tracker.TestReachedStep is { } testStep)
                {
                    stopAt = testStep + patience;
                }

                reason = !double.IsFinite(last.Loss) ? TrainingStopReason.Diverged
                    : atBudget ? TrainingStopReason.Budget
                    : certain && settings.StopWhenCertain ? TrainingStopReason.PhaseCertain
                    : step >= stopAt ? TrainingStopReason.AfterTestReached
                    : settings.StopWhen?.Invoke(last) == true ? TrainingStopReason.StopCondition
                    : null;
                if (reason is not null)
                {
                    break;
                }
            }

            clock.BeforeUpdate(step, reference.LearningRate);
            optimizer.Step();
        }

        return new TrainingResult(tracker.Outcome, curve, last, step, reason.Value, stopwatch.Elapsed);
    }

    /// <summary>A set given as batches, pooled: correct and count summed, the loss averaged weighted by count (one batch: as is).</summary>
    private static BatchEvaluation Evaluate<T, TBatch>(ISupervisedModel<T, TBatch> model, IReadOnlyList<TBatch> batches)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (batches.Count == 1)
        {
            return model.Evaluate(batches[0]);
        }

        double weighted = 0;
        long correct = 0, count = 0;
        for (int i = 0; i < batches.Count; i++)
        {
            var e = model.Evaluate(batches[i]);
            weighted += e.Loss * e.Count;
            correct += e.Correct;
            count += e.Count;
        }

        return new BatchEvaluation(weighted / count, correct, count);
    }
}
