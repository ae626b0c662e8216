namespace GenEft.Experiments;

/// <summary>Which coordinate of a learning curve a duration is measured on.</summary>
public enum CurveAxis
{
    /// <summary>Optimizer steps (<see cref="LearningCurvePoint.Step"/>).</summary>
    Steps,

    /// <summary>Continuous training time (<see cref="LearningCurvePoint.Time"/>: e.g. steps x learning rate, or a gradient flow's time).</summary>
    Time,
}
