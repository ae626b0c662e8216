using System.Numerics;
using GenEft.Autodiff;

namespace GenEft.Nn;

/// <summary>An elementwise nonlinearity between layers.</summary>
public enum Activation
{
    /// <summary>No nonlinearity.</summary>
    Identity,

    /// <summary>tanh (the GenEFT decoder's default).</summary>
    Tanh,

    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>The logistic sigmoid.</summary>
    Sigmoid,
}

/// <summary>Applies an <see cref="Activation"/>.</summary>
public static class Activations
{
    /// <summary>Applies <paramref name="activation"/> to <paramref name="x"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="activation">The nonlinearity.</param>
    /// <param name="x">The input.</param>
    /// <returns>The activated value (x itself for <see cref="Activation.Identity"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is undefined.</exception>
    public static Var<T> Apply<T>(Activation activation, Var<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => activation switch
        {
            Activation.Identity => x,
            Activation.Tanh => Ops.Tanh(x),
            Activation.Relu => Ops.Relu(x),
            Activation.Sigmoid => Ops.Sigmoid(x),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation."),
        };
}
