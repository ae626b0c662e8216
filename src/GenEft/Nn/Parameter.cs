using System.Numerics;
using GenEft.Autodiff;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>A trainable tensor: its value, a gradient accumulator of the same shape, and a name.</summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Parameter<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps <paramref name="value"/> (not copied) with a zero gradient.</summary>
    /// <param name="name">The local name within its module (e.g. "weight"); not empty, no '.'.</param>
    /// <param name="value">The initial value; the parameter keeps this tensor and updates it in place.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains '.'.</exception>
    public Parameter(string name, DenseTensor<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A parameter name must not contain '.' (it separates module levels); got \"{name}\".", nameof(name));
        }

        Name = name;
        Value = value;
        Grad = DenseTensor<T>.Zeros(value.Shape);
    }

    /// <summary>The local name within its module.</summary>
    public string Name { get; }

    /// <summary>The current value, updated in place by optimizers.</summary>
    public DenseTensor<T> Value { get; }

    /// <summary>The accumulated gradient; <see cref="Tape{T}.Backward"/> adds into it.</summary>
    public DenseTensor<T> Grad { get; }

    /// <summary>Records this parameter as a trainable leaf on <paramref name="tape"/>.</summary>
    /// <param name="tape">The tape of the current step.</param>
    /// <returns>Its handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tape"/> is null.</exception>
    public Var<T> On(Tape<T> tape)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.Parameter(Value, Grad);
    }

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGrad() => Grad.Span.Clear();

    /// <summary>The name and shape.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Name} {Value.Shape}";
}
