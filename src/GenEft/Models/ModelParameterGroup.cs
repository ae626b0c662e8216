using System.Numerics;
using GenEft.Nn;

namespace GenEft.Models;

/// <summary>A named group of a model's parameters that an optimizer treats alike (GenEFT: "encoder" and "decoder").</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ModelParameterGroup<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a group.</summary>
    /// <param name="name">The group's name: non-empty.</param>
    /// <param name="parameters">At least one parameter.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty, or <paramref name="parameters"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of them is null.</exception>
    public ModelParameterGroup(string name, IEnumerable<Parameter<T>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"Group '{name}' needs at least one parameter.", nameof(parameters));
        }

        if (list.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(parameters), $"Group '{name}' holds a null parameter.");
        }

        Name = name;
        Parameters = list;
    }

    /// <summary>The group's name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }
}
