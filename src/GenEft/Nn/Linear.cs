using System.Numerics;
using GenEft.Autodiff;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>
/// A fully connected layer y = x Wᵀ + b with W in PyTorch's [out, in] layout, initialized as PyTorch's
/// <c>nn.Linear</c>: every weight and bias entry uniform in [-1/√in, 1/√in] (drawn from the given
/// <see cref="Random"/>, so the values differ from PyTorch's generator but not their distribution).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Linear<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer with PyTorch's default initialization.</summary>
    /// <param name="inFeatures">The input width, at least 1.</param>
    /// <param name="outFeatures">The output width, at least 1.</param>
    /// <param name="random">The source of the initial values.</param>
    /// <param name="bias">Whether the layer has a bias.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 1.</exception>
    public Linear(int inFeatures, int outFeatures, Random random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        ArgumentNullException.ThrowIfNull(random);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        double bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter(new Parameter<T>("weight", Initializers.Uniform<T>(random, bound, outFeatures, inFeatures)));
        Bias = bias ? RegisterParameter(new Parameter<T>("bias", Initializers.Uniform<T>(random, bound, outFeatures))) : null;
    }

    /// <summary>Creates the layer around given values (not copied: the layer trains these tensors in place).</summary>
    /// <param name="weight">The weight, [out, in].</param>
    /// <param name="bias">The bias, [out], or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not rank 2, or <paramref name="bias"/> is not [out].</exception>
    public Linear(DenseTensor<T> weight, DenseTensor<T>? bias = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2)
        {
            throw new ArgumentException($"weight must be rank 2 [out, in]; it has shape {weight.Shape}.", nameof(weight));
        }

        if (bias is not null && (bias.Rank != 1 || bias.Length != weight.Rows))
        {
            throw new ArgumentException($"bias has shape {bias.Shape}; it must be [{weight.Rows}] for weight {weight.Shape}.", nameof(bias));
        }

        InFeatures = weight.Columns;
        OutFeatures = weight.Rows;
        Weight = RegisterParameter(new Parameter<T>("weight", weight));
        Bias = bias is null ? null : RegisterParameter(new Parameter<T>("bias", bias));
    }

    /// <summary>The input width.</summary>
    public int InFeatures { get; }

    /// <summary>The output width.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, [out, in].</summary>
    public Parameter<T> Weight { get; }

    /// <summary>The bias, [out], or <see langword="null"/>.</summary>
    public Parameter<T>? Bias { get; }

    /// <summary>Applies the layer to a batch of rows.</summary>
    /// <param name="x">[rows, in].</param>
    /// <returns>[rows, out].</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have <see cref="InFeatures"/> columns.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="x"/> is default or was recorded before its tape's last reset.</exception>
    public Var<T> Forward(Var<T> x)
    {
        var tape = x.Tape;
        return Ops.Linear(x, Weight.On(tape), Bias?.On(tape));
    }
}
