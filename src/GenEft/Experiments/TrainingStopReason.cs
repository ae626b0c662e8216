namespace GenEft.Experiments;

/// <summary>Why the training loop stopped.</summary>
public enum TrainingStopReason
{
    /// <summary>The phase became certain and <see cref="TrainingLoopSettings.StopWhenCertain"/> was on.</summary>
    PhaseCertain,

    /// <summary>The step budget (<see cref="PhaseCriteria.Budget"/>) or the time budget (<see cref="PhaseCriteria.TimeBudget"/>) was reached.</summary>
    Budget,

    /// <summary>The training loss stopped being finite.</summary>
    Diverged,

    /// <summary><see cref="TrainingLoopSettings.StopAfterTestReached"/> passed after the test accuracy was reached.</summary>
    AfterTestReached,

    /// <summary><see cref="TrainingLoopSettings.StopWhen"/> returned true.</summary>
    StopCondition,
}
