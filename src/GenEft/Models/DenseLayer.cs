using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>What a decoder layer applies to its affine output.</summary>
internal enum LayerActivation
{
    Identity,
    Tanh,
    Relu,

    /// <summary>ReLU(0.1 - x), GenEFT Section III's output for mode 3.</summary>
    ProximityRelu,
}

/// <summary>One affine decoder layer y = act(x W + b), W stored [in, out], with its gradients.</summary>
internal sealed class DenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public DenseLayer(int inputs, int outputs, LayerActivation activation)
    {
        Weight = Tensor<T>.Zeros(inputs, outputs);
        Bias = Tensor<T>.Zeros(1, outputs);
        WeightGradient = Tensor<T>.Zeros(inputs, outputs);
        BiasGradient = Tensor<T>.Zeros(1, outputs);
        Activation = activation;
    }

    public Tensor<T> Weight { get; }

    public Tensor<T> Bias { get; }

    public Tensor<T> WeightGradient { get; }

    public Tensor<T> BiasGradient { get; }

    public LayerActivation Activation { get; }

    public int Inputs => Weight.Rows;

    public int Outputs => Weight.Columns;
}
