namespace GenEft.Experiments;

/// <summary>One evaluation of a training run: the state after <paramref name="Step"/> optimizer updates.</summary>
/// <param name="Step">Number of optimizer updates done (0 = at initialization).</param>
/// <param name="Loss">Mean training loss at this step (NaN or infinite when the run diverged).</param>
/// <param name="TrainAccuracy">Accuracy on the training pairs, in [0, 1].</param>
/// <param name="TestAccuracy">Accuracy on the held-out pairs, in [0, 1] (NaN when there are none).</param>
/// <param name="AllAccuracy">Accuracy over all n^2 pairs (GenEFT Figure 3's measure).</param>
public readonly record struct LearningCurvePoint(long Step, double Loss, double TrainAccuracy, double TestAccuracy, double AllAccuracy);
