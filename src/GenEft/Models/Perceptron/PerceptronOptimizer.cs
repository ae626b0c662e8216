namespace GenEft.Models.Perceptron;

/// <summary>The discrete optimizers a perceptron can be trained with (the GenEft.Nn implementations).</summary>
public enum PerceptronOptimizer
{
    /// <summary>Full-batch gradient descent, <c>GenEft.Nn.Sgd</c> without momentum: the explicit Euler scheme of the flow with step = learning rate.</summary>
    GradientDescent = 0,

    /// <summary>Full-batch Adam, <c>GenEft.Nn.Adam</c> (betas 0.9, 0.999, epsilon 1e-8), with coupled L2 and the L1 subgradient.</summary>
    Adam = 1,
}
