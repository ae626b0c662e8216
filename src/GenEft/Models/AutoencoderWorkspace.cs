using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Models;

/// <summary>Activation buffers for one batch size, kept so steady-state training allocates nothing.</summary>
internal sealed class AutoencoderWorkspace<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public AutoencoderWorkspace(int batch, int dimension, int inputWidth, IReadOnlyList<DenseLayer<T>> layers)
    {
        Batch = batch;
        Left = Tensor<T>.Zeros(batch, dimension);
        Right = Tensor<T>.Zeros(batch, dimension);
        LeftGradient = Tensor<T>.Zeros(batch, dimension);
        RightGradient = Tensor<T>.Zeros(batch, dimension);
        Input = Tensor<T>.Zeros(batch, inputWidth);
        InputGradient = Tensor<T>.Zeros(batch, inputWidth);
        PreActivations = layers.Select(l => Tensor<T>.Zeros(batch, l.Outputs)).ToArray();
        Outputs = layers.Select(l => l.Activation == LayerActivation.Identity ? null! : Tensor<T>.Zeros(batch, l.Outputs)).ToArray();
        for (int i = 0; i < Outputs.Length; i++)
        {
            Outputs[i] ??= PreActivations[i];
        }

        OutputGradients = layers.Select(l => Tensor<T>.Zeros(batch, l.Outputs)).ToArray();
        PreActivationGradients = layers.Select(l => Tensor<T>.Zeros(batch, l.Outputs)).ToArray();
        Scratch = layers.Select(l => Tensor<T>.Zeros(batch, l.Outputs)).ToArray();
        InputGradients = layers.Select((l, i) => i == 0 ? InputGradient : OutputGradients[i - 1]).ToArray();
    }

    public int Batch { get; }

    public Tensor<T> Left { get; }

    public Tensor<T> Right { get; }

    public Tensor<T> LeftGradient { get; }

    public Tensor<T> RightGradient { get; }

    public Tensor<T> Input { get; }

    public Tensor<T> InputGradient { get; }

    public Tensor<T>[] PreActivations { get; }

    public Tensor<T>[] Outputs { get; }

    public Tensor<T>[] OutputGradients { get; }

    public Tensor<T>[] PreActivationGradients { get; }

    public Tensor<T>[] Scratch { get; }

    /// <summary>The gradient buffer of each layer's input (the previous layer's output gradient, or the decoder input's).</summary>
    public Tensor<T>[] InputGradients { get; }

    /// <summary>The logits (the last layer's output), [batch, 1].</summary>
    public Tensor<T> Logits => Outputs[^1];

    public Tensor<T> LayerInput(int layer) => layer == 0 ? Input : Outputs[layer - 1];
}
