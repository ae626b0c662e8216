using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Models.Perceptron;

/// <summary>
/// Trains the perceptron models with a discrete optimizer from GenEft.Nn on the same loss as the flows, so flow and
/// optimizer can be compared at time t = steps x learning rate. The optimizer adds lambda2 w (coupled weight decay) and
/// lambda1 sgn(w) (the L1 subgradient) to the data gradient; with L1 a coordinate therefore oscillates around 0 with an
/// amplitude of about one step instead of sticking there as in the Filippov flow.
/// </summary>
public static class PerceptronOptimizerTraining
{
    /// <summary>Trains a linear perceptron (ball model or any fixed features): data gradient C w - a, C = (1/n) sum x x^T, a = (1/n) sum y x.</summary>
    /// <param name="data">The training sample.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <param name="initialWeights">w(0), of length D, finite.</param>
    /// <param name="test">The test error measure (e.g. <see cref="BallModelPopulationError"/>).</param>
    /// <param name="settings">Optimizer, learning rate and budget.</param>
    /// <param name="cancellationToken">Cancels the run (checked every evaluation interval).</param>
    /// <returns>The curve, the final weights and the zero-error steps.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A length does not match D or w(0) is not finite.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static PerceptronOptimizerRun Train(LinearPerceptronData data, PerceptronRegularization regularization, ReadOnlySpan<double> initialWeights, IPerceptronErrorMeasure test, PerceptronOptimizerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        int d = data.Dimension;
        PerceptronArguments.ThrowIfLengthIsNot(initialWeights.Length, d, nameof(initialWeights));
        PerceptronArguments.ThrowIfNotFinite(initialWeights, nameof(initialWeights));
        PerceptronArguments.ThrowIfLengthIsNot(test.Dimension, d, nameof(test));
        var secondMoment = new double[d * d];
        var labelMoment = new double[d];
        data.Moments(secondMoment, labelMoment);
        var parameter = new Parameter<double>("weights", DenseTensor<double>.FromSpan(initialWeights, d));
        return Run(
            parameter,
            regularization,
            settings,
            (w, grad) =>
            {
                for (int i = 0; i < d; i++)
                {
                    double sum = -labelMoment[i];
                    for (int k = 0; k < d; k++)
                    {
                        sum += secondMoment[(i * d) + k] * w[k];
                    }

                    grad[i] = sum;
                }
            },
            w => new PerceptronCurvePoint(0, data.Loss(w, regularization), data.Error(w), test.Error(w)),
            w => data.Error(w) == 0,
            w => test.Error(w) == 0,
            cancellationToken);
    }

    /// <summary>Trains the bias of the 1D exponential model (weight fixed to 1): data gradient b - xbar.</summary>
    /// <param name="trainingSet">The training set.</param>
    /// <param name="regularization">lambda1 and lambda2.</param>
    /// <param name="initialBias">b0, finite.</param>
    /// <param name="settings">Optimizer, learning rate and budget.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The curve (test error by Eq. 7), the final bias and the zero-error steps.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialBias"/> is not finite.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static PerceptronOptimizerRun Train(ExponentialModelTrainingSet trainingSet, PerceptronRegularization regularization, double initialBias, PerceptronOptimizerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainingSet);
        ArgumentNullException.ThrowIfNull(settings);
        PerceptronArguments.ThrowIfNotFinite(initialBias, nameof(initialBias));
        double mean = trainingSet.Mean;
        var parameter = new Parameter<double>("bias", DenseTensor<double>.FromSpan([initialBias], 1));
        return Run(
            parameter,
            regularization,
            settings,
            (b, grad) => grad[0] = b[0] - mean,
            b => new PerceptronCurvePoint(0, trainingSet.Loss(b[0], regularization), trainingSet.TrainingError(b[0]), trainingSet.TestError(b[0])),
            b => trainingSet.TrainingError(b[0]) == 0,
            b => trainingSet.TestError(b[0]) == 0,
            cancellationToken);
    }

    private delegate void GradientFunction(ReadOnlySpan<double> parameters, Span<double> gradient);

    private delegate PerceptronCurvePoint EvaluationFunction(ReadOnlySpan<double> parameters);

    private delegate bool ZeroErrorTest(ReadOnlySpan<double> parameters);

    private static PerceptronOptimizerRun Run(
        Parameter<double> parameter,
        PerceptronRegularization regularization,
        PerceptronOptimizerSettings settings,
        GradientFunction gradient,
        EvaluationFunction evaluate,
        ZeroErrorTest trainingZero,
        ZeroErrorTest testZero,
        CancellationToken cancellationToken)
    {
        var groups = new[] { new ParameterGroup<double>([parameter], settings.LearningRate, regularization.L2, regularization.L1) };
        Optimizer<double> optimizer = settings.Optimizer == PerceptronOptimizer.Adam ? new Adam<double>(groups) : new Sgd<double>(groups);
        var curve = new List<PerceptronCurvePoint>();
        long? trainingStep = null, testStep = null;
        double lr = settings.LearningRate;
        void Record(long step) => curve.Add(evaluate(parameter.Value.ReadOnlySpan) with { Time = step * lr });
        void Check(long step)
        {
            trainingStep ??= trainingZero(parameter.Value.ReadOnlySpan) ? step : null;
            testStep ??= testZero(parameter.Value.ReadOnlySpan) ? step : null;
        }

        Record(0);
        Check(0);
        long steps = 0;
        while (steps < settings.Steps && !(settings.StopAtZeroTestError && testStep is not null))
        {
            gradient(parameter.Value.ReadOnlySpan, parameter.Grad.Span);
            optimizer.Step();
            steps++;
            Check(steps);
            if (steps % settings.EvaluationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Record(steps);
            }
        }

        if (steps % settings.EvaluationInterval != 0)
        {
            Record(steps);
        }

        return new PerceptronOptimizerRun(curve, parameter.Value.ReadOnlySpan.ToArray(), steps, trainingStep, testStep, lr);
    }
}
