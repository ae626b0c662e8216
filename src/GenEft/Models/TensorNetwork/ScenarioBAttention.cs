using GenEft.Analysis;
using GenEft.Models.Perceptron;
using GenEft.Tensors;

namespace GenEft.Models.TensorNetwork;

/// <summary>
/// Scenario B of Žunkovič and Ilievski (Section 4): the attention tensor A is fixed and only the classifier B is
/// trained, so the model is the linear perceptron on the context features z_i = vec(H_L(i) ⊗ H_R(i)) ⊗ phi(x_i)
/// (dimension D = 2 d^2; <see cref="TensorNetworkAttention{T}.Features"/>) with targets y_i = 2 label_i - 1 and the
/// square loss R(w) = (1/n) sum_i 1/2 (w . z_i - y_i)^2 + (lambda2/2) |w|^2. A sampled A (entries iid N(0, 1)) is
/// accepted when the flow's stationary solution w* (the minimiser of R: <see cref="LinearPerceptronFlow.Minimizer"/>)
/// has zero test error: y_i w* . z_i &gt; 0 at every test position. The accepted fraction estimates P_G over A.
/// </summary>
public static class ScenarioBAttention
{
    /// <summary>The perceptron data of a fixed attention tensor: one row z_i per position of every sequence, labels +-1.</summary>
    /// <param name="attention">A, flattened [l, r, k] (length 2 d^2), finite.</param>
    /// <param name="bondDimension">d &gt;= 1.</param>
    /// <param name="sequences">The sequences and their 0/1 labels.</param>
    /// <param name="boundary">The context boundary vectors (default e_0, as in the authors' code).</param>
    /// <returns>The features (D = 2 d^2) and labels.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The attention length is not 2 d^2 or a value is not finite.</exception>
    public static LinearPerceptronData Features(ReadOnlySpan<double> attention, int bondDimension, BinarySequenceSet sequences, TensorNetworkBoundary boundary = TensorNetworkBoundary.FirstBasisVector)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfLessThan(bondDimension, 1);
        int size = 2 * bondDimension * bondDimension;
        if (attention.Length != size)
        {
            throw new ArgumentException($"attention has length {attention.Length}; d = {bondDimension} needs 2 d^2 = {size}.", nameof(attention));
        }

        PerceptronArguments.ThrowIfNotFinite(attention, nameof(attention));
        var a = DenseTensor<double>.FromSpan(attention, bondDimension, bondDimension, 2);
        var model = TensorNetworkAttention<double>.FromTensors(a, DenseTensor<double>.Zeros(bondDimension, bondDimension, 2), 1.0,
            new TensorNetworkAttentionOptions { Boundary = boundary, Head = TensorNetworkHead.Linear });
        var z = model.Features(sequences.Inputs.Span, sequences.Count);
        var labels = sequences.Labels.Span;
        var y = new double[labels.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = labels[i] == 1 ? 1.0 : -1.0;
        }

        return new LinearPerceptronData(z.ReadOnlySpan, size, y);
    }

    /// <summary>The test error of the stationary solution w* of the training features' square loss.</summary>
    /// <param name="attention">A, flattened [l, r, k].</param>
    /// <param name="bondDimension">d &gt;= 1.</param>
    /// <param name="train">The training sequences (the paper: all length-3 sequences).</param>
    /// <param name="test">The test sequences.</param>
    /// <param name="lambda2">lambda2 &gt;= 0 (0: the minimum-norm least-squares solution).</param>
    /// <param name="boundary">The context boundary vectors.</param>
    /// <returns>The fraction of test positions with y_i w* . z_i &lt;= 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Features"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda2"/> is negative or not finite.</exception>
    public static double StationaryTestError(ReadOnlySpan<double> attention, int bondDimension, BinarySequenceSet train, BinarySequenceSet test, double lambda2 = 0, TensorNetworkBoundary boundary = TensorNetworkBoundary.FirstBasisVector)
    {
        PerceptronArguments.ThrowIfNegativeOrNotFinite(lambda2, nameof(lambda2));
        var trainData = Features(attention, bondDimension, train, boundary);
        var testData = Features(attention, bondDimension, test, boundary);
        var w = new LinearPerceptronFlow(trainData, new PerceptronRegularization(0, lambda2)).Minimizer();
        return testData.Error(w);
    }

    /// <summary>
    /// Samples attention tensors A(seed, attempt) = <see cref="RandomAttentionSampler.Sample"/> for attempt = 0, 1, ...
    /// and counts those whose stationary solution has zero test error: P_G over A, with a standard error.
    /// </summary>
    /// <param name="bondDimension">d &gt;= 1.</param>
    /// <param name="train">The training sequences.</param>
    /// <param name="test">The test sequences.</param>
    /// <param name="attempts">How many tensors to sample, &gt;= 1.</param>
    /// <param name="seed">The seed; attempt i is reproducible alone.</param>
    /// <param name="lambda2">lambda2 &gt;= 0.</param>
    /// <param name="accepted">Receives the attempt indices that passed, in order (optional).</param>
    /// <param name="cancellationToken">Cancels between attempts.</param>
    /// <returns>The accepted fraction.</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> &lt; 1 or <paramref name="lambda2"/> invalid.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ProportionEstimate EstimateAcceptance(int bondDimension, BinarySequenceSet train, BinarySequenceSet test, int attempts, ulong seed, double lambda2 = 0, ICollection<long>? accepted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        PerceptronArguments.ThrowIfNegativeOrNotFinite(lambda2, nameof(lambda2));
        long passed = 0;
        for (long attempt = 0; attempt < attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = RandomAttentionSampler.Sample(bondDimension, seed, attempt);
            if (StationaryTestError(a, bondDimension, train, test, lambda2) == 0)
            {
                passed++;
                accepted?.Add(attempt);
            }
        }

        return new ProportionEstimate(passed, attempts);
    }
}
