namespace GenEft.Models.TensorNetwork;

/// <summary>How the pre-head output yhat_i = w_(x_i)(i) becomes a loss and a prediction.</summary>
public enum TensorNetworkHead
{
    /// <summary>Loss mean_i ½ (yhat_i - t_i)^2 with t = 2y - 1; predicts 1 iff yhat_i &gt; 0.</summary>
    Linear = 0,

    /// <summary>
    /// p_i = sigmoid(s yhat_i / (|w(i)| + 1e-6)) with a trainable scalar s (initially 1) and |w(i)| the Euclidean norm
    /// of (w_0(i), w_1(i)); loss mean_i (p_i - y_i)^2; predicts 1 iff p_i &gt; 0.5.
    /// </summary>
    NormalizedSigmoid = 1,
}
