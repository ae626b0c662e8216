using System.Numerics;

namespace GenEft.Nn;

/// <summary>
/// A building block with named parameters and named child modules. Full parameter names are hierarchical,
/// joined with '.': a child registered as "decoder" with a child "layers0" holding "weight" gives
/// "decoder.layers0.weight" (as in PyTorch's <c>named_parameters</c>).
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public abstract class Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Parameter<T>> _parameters = [];
    private readonly List<(string Name, Module<T> Module)> _children = [];
    private Parameter<T>[]? _all;

    /// <summary>Every parameter of this module and its descendants, in registration order (depth first).</summary>
    /// <returns>The parameters; the list is cached, so calling this in a loop is free.</returns>
    public IReadOnlyList<Parameter<T>> Parameters() => _all ??= NamedParameters().Select(p => p.Value).ToArray();

    /// <summary>Every parameter with its full hierarchical name, in registration order (depth first).</summary>
    /// <returns>(full name, parameter) pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, Parameter<T>>> NamedParameters()
    {
        var result = new List<KeyValuePair<string, Parameter<T>>>();
        Collect(string.Empty, result);
        return result;
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        var parameters = Parameters(); // indexed, not foreach: an interface enumerator would allocate
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].ZeroGrad();
        }
    }

    /// <summary>Registers a parameter of this module.</summary>
    /// <param name="parameter">The parameter; its <see cref="Parameter{T}.Name"/> must be unique among this module's parameters and children.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is taken.</exception>
    protected Parameter<T> RegisterParameter(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        EnsureFreeName(parameter.Name, nameof(parameter));
        _parameters.Add(parameter);
        _all = null;
        return parameter;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    /// <typeparam name="TModule">The child's type.</typeparam>
    /// <param name="name">The child's name: not empty, no '.', unique within this module.</param>
    /// <param name="module">The child.</param>
    /// <returns>The child.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, contains '.', or is taken.</exception>
    protected TModule RegisterModule<TModule>(string name, TModule module)
        where TModule : Module<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(module);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A module name must not contain '.'; got \"{name}\".", nameof(name));
        }

        EnsureFreeName(name, nameof(name));
        _children.Add((name, module));
        _all = null;
        return module;
    }

    private void EnsureFreeName(string name, string paramName)
    {
        if (_parameters.Exists(p => p.Name == name) || _children.Exists(c => c.Name == name))
        {
            throw new ArgumentException($"The name \"{name}\" is already used in this module.", paramName);
        }
    }

    private void Collect(string prefix, List<KeyValuePair<string, Parameter<T>>> result)
    {
        foreach (var p in _parameters)
        {
            result.Add(new(prefix + p.Name, p));
        }

        foreach (var (name, child) in _children)
        {
            child.Collect(prefix + name + ".", result);
        }
    }
}
