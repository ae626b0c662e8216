using System.Numerics;
using GenEft.Autodiff;

namespace GenEft.Nn;

/// <summary>
/// A multilayer perceptron: <see cref="Depth"/> hidden layers of width <see cref="Width"/> with an activation
/// after each, then a linear output layer (no output activation). Depth 0 is a single linear map. Layers are
/// named "layer0", "layer1", …, the last being the output layer.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Mlp<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Linear<T>[] _layers;

    /// <summary>Builds the network with PyTorch's default <see cref="Linear{T}"/> initialization, layer by layer from <paramref name="random"/>.</summary>
    /// <param name="inFeatures">The input width, at least 1.</param>
    /// <param name="width">The hidden width, at least 1 (ignored when <paramref name="depth"/> is 0).</param>
    /// <param name="depth">The number of hidden layers, at least 0.</param>
    /// <param name="outFeatures">The output width, at least 1.</param>
    /// <param name="activation">The nonlinearity after every hidden layer.</param>
    /// <param name="random">The source of the initial values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or <paramref name="activation"/> is undefined.</exception>
    public Mlp(int inFeatures, int width, int depth, int outFeatures, Activation activation, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation.");
        }

        ArgumentNullException.ThrowIfNull(random);
        Width = width;
        Depth = depth;
        Activation = activation;
        _layers = new Linear<T>[depth + 1];
        for (int i = 0; i <= depth; i++)
        {
            int fanIn = i == 0 ? inFeatures : width;
            int fanOut = i == depth ? outFeatures : width;
            _layers[i] = RegisterModule("layer" + i, new Linear<T>(fanIn, fanOut, random));
        }
    }

    /// <summary>The hidden width.</summary>
    public int Width { get; }

    /// <summary>The number of hidden layers.</summary>
    public int Depth { get; }

    /// <summary>The hidden activation.</summary>
    public Activation Activation { get; }

    /// <summary>The linear layers, input first, output last.</summary>
    public IReadOnlyList<Linear<T>> Layers => _layers;

    /// <summary>Applies the network to a batch of rows.</summary>
    /// <param name="x">[rows, in].</param>
    /// <returns>[rows, out], before any output nonlinearity.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong width.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="x"/> is default or was recorded before its tape's last reset.</exception>
    public Var<T> Forward(Var<T> x)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            if (i == _layers.Length - 1)
            {
                x = layer.Forward(x);
            }
            else if (Activation == Activation.Tanh)
            {
                // One fused node: bias, GEMM and tanh forward; tanh and bias gradients in one backward pass.
                var tape = x.Tape;
                x = Ops.LinearTanh(x, layer.Weight.On(tape), layer.Bias?.On(tape));
            }
            else
            {
                x = Activations.Apply(Activation, layer.Forward(x));
            }
        }

        return x;
    }
}
