using System.Numerics;
using GenEft.Autodiff;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>A lookup table of learned vectors, one row per symbol (the GenEFT encoder E: symbol → ℝᵈ).</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Embedding<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the table with seeded random rows.</summary>
    /// <param name="count">The number of symbols, at least 1.</param>
    /// <param name="dimension">The vector width, at least 1.</param>
    /// <param name="init">Normal or uniform entries.</param>
    /// <param name="scale">The standard deviation (normal) or half-width (uniform); non-negative and finite.</param>
    /// <param name="random">The source of the initial values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, <paramref name="scale"/> is negative or not finite, or <paramref name="init"/> is undefined.</exception>
    public Embedding(int count, int dimension, EmbeddingInit init, double scale, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(scale >= 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be non-negative and finite.");
        }

        ArgumentNullException.ThrowIfNull(random);
        var value = init switch
        {
            EmbeddingInit.Normal => Initializers.Normal<T>(random, scale, count, dimension),
            EmbeddingInit.Uniform => Initializers.Uniform<T>(random, scale, count, dimension),
            _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Use EmbeddingInit.Normal or EmbeddingInit.Uniform."),
        };
        Weight = RegisterParameter(new Parameter<T>("weight", value));
    }

    /// <summary>Creates the table around given rows (not copied: the layer trains this tensor in place).</summary>
    /// <param name="weight">The table, [count, dimension].</param>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not rank 2.</exception>
    public Embedding(DenseTensor<T> weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2)
        {
            throw new ArgumentException($"weight must be rank 2 [count, dimension]; it has shape {weight.Shape}.", nameof(weight));
        }

        Weight = RegisterParameter(new Parameter<T>("weight", weight));
    }

    /// <summary>The table, [count, dimension].</summary>
    public Parameter<T> Weight { get; }

    /// <summary>The rows for <paramref name="indices"/>.</summary>
    /// <param name="tape">The tape of the current step.</param>
    /// <param name="indices">Symbols in [0, count); referenced until backward.</param>
    /// <returns>[indices.Length, dimension].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tape"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Var<T> Forward(Tape<T> tape, ReadOnlyMemory<int> indices) => Ops.GatherRows(Weight.On(tape), indices);
}
