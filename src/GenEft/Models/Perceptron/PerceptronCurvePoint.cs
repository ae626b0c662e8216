namespace GenEft.Models.Perceptron;

/// <summary>One sample of a perceptron learning curve in continuous time.</summary>
/// <param name="Time">The time t (for a discrete optimizer: steps times the learning rate).</param>
/// <param name="Loss">The regularized training loss R at t.</param>
/// <param name="TrainingError">The training error at t, in [0, 1].</param>
/// <param name="TestError">The test error at t, in [0, 1].</param>
public readonly record struct PerceptronCurvePoint(double Time, double Loss, double TrainingError, double TestError);
