namespace GenEft.Experiments;

/// <summary>The optimizer of a training run.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma and Ba); weight decay, if any, is an L2 term added to the gradient (PyTorch's torch.optim.Adam).</summary>
    Adam,

    /// <summary>AdamW (Loshchilov and Hutter): weight decay shrinks the parameters directly, p -= lr wd p (PyTorch's torch.optim.AdamW).</summary>
    AdamW,

    /// <summary>Stochastic gradient descent, p -= lr (g + wd p + l1 sign p), optionally with momentum (PyTorch's torch.optim.SGD); full batch, plain gradient descent.</summary>
    Sgd,
}
